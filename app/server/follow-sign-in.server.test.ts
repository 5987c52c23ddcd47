import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { CLIENT_CODE_ATTEMPTS, CLIENT_CODE_WINDOW_MS, CODE_WINDOW_MS } from "~/domain/lockout";
import { openTestCase } from "../../tests/helpers/follow-fixtures";
import { createTestDb } from "../../tests/helpers/test-db";
import { openDatabase, schema, type Db } from "./db.server";
import { SignInGuard, type Verifier } from "./follow-sign-in.server";
import { verifyDummy, verifyPassphrase } from "./passphrase.server";

const NOW = Date.UTC(2026, 5, 2, 8, 0);
const WRONG = "ZZZZZZZZZZZZZZZZ";

/** The real argon2 verifier, counting what it is asked to do. */
function countingVerifier() {
  const calls = { verify: 0, dummy: 0 };
  const verifier: Verifier = {
    verify: (h, p) => {
      calls.verify++;
      return verifyPassphrase(h, p);
    },
    dummy: () => {
      calls.dummy++;
      return verifyDummy();
    },
  };
  return { calls, verifier };
}

let db: Db;
let file: string;
beforeEach(() => {
  ({ db, file } = createTestDb());
});

describe("signing in to follow a case", () => {
  it("opens the case with the right code and passphrase", async () => {
    const c = await openTestCase();
    const guard = new SignInGuard();
    expect(await guard.signIn(c.code, c.passphrase, { clientKey: "a", now: NOW })).toEqual({
      ok: true,
      caseId: c.caseId,
    });
  });

  it("after ten wrong tries locks the code for that client only: the reporter elsewhere still gets in", async () => {
    const c = await openTestCase();
    const guard = new SignInGuard(undefined, 1000);
    const outcomes: string[] = [];
    for (let i = 0; i < CLIENT_CODE_ATTEMPTS + 1; i++) {
      const r = await guard.signIn(c.code, WRONG, { clientKey: "stranger", now: NOW });
      outcomes.push(r.ok ? "ok" : r.reason);
    }
    expect(outcomes).toEqual([...Array(CLIENT_CODE_ATTEMPTS).fill("wrong"), "locked"]);
    // Even the right passphrase does not help that client now…
    expect(await guard.signIn(c.code, c.passphrase, { clientKey: "stranger", now: NOW + 1000 })).toEqual({
      ok: false,
      reason: "locked",
    });
    // …but the reporter, on their own device, is not locked out.
    expect(await guard.signIn(c.code, c.passphrase, { clientKey: "reporter", now: NOW + 1000 })).toEqual({
      ok: true,
      caseId: c.caseId,
    });
    // After the hour the stranger may try again.
    expect(
      await guard.signIn(c.code, WRONG, { clientKey: "stranger", now: NOW + CLIENT_CODE_WINDOW_MS + 1 }),
    ).toEqual({ ok: false, reason: "wrong" });
  });

  it("a crowd of clients hits the per-code ceiling, which holds for one window only and survives a restart", async () => {
    const c = await openTestCase();
    const guard = new SignInGuard(undefined, 1000, undefined, 12);
    for (let i = 0; i < 12; i++) {
      expect(await guard.signIn(c.code, WRONG, { clientKey: `crowd-${i}`, now: NOW })).toEqual({
        ok: false,
        reason: "wrong",
      });
    }
    // A new process on the same database file: the counters are still there.
    const restarted = openDatabase(file);
    const again = new SignInGuard(undefined, 1000, undefined, 12);
    expect(
      await again.signIn(c.code, c.passphrase, { clientKey: "reporter", now: NOW + 1000, db: restarted }),
    ).toEqual({ ok: false, reason: "locked" });
    expect(
      await again.signIn(c.code, c.passphrase, {
        clientKey: "reporter",
        now: NOW + CODE_WINDOW_MS + 1,
        db: restarted,
      }),
    ).toEqual({ ok: true, caseId: c.caseId });
    restarted.$client.close();
  });

  it("one client alone cannot push a code over its ceiling", async () => {
    const c = await openTestCase();
    const guard = new SignInGuard(undefined, 1000, undefined, 12);
    for (let i = 0; i < 30; i++) await guard.signIn(c.code, WRONG, { clientKey: "stranger", now: NOW });
    expect(await guard.signIn(c.code, c.passphrase, { clientKey: "reporter", now: NOW })).toMatchObject({
      ok: true,
    });
  });

  it("a right passphrase resets the count of wrong ones", async () => {
    const c = await openTestCase();
    const guard = new SignInGuard();
    for (let i = 0; i < CLIENT_CODE_ATTEMPTS - 1; i++)
      await guard.signIn(c.code, WRONG, { clientKey: "a", now: NOW });
    await guard.signIn(c.code, c.passphrase, { clientKey: "a", now: NOW });
    for (let i = 0; i < CLIENT_CODE_ATTEMPTS - 1; i++) {
      expect(await guard.signIn(c.code, WRONG, { clientKey: "a", now: NOW })).toEqual({
        ok: false,
        reason: "wrong",
      });
    }
  });

  it("parallel guesses cannot get past the limit while argon2 is busy", async () => {
    const c = await openTestCase();
    const { calls, verifier } = countingVerifier();
    const guard = new SignInGuard(verifier, 1000);
    const results = await Promise.all(
      Array.from({ length: 25 }, () => guard.signIn(c.code, WRONG, { clientKey: "one", now: NOW })),
    );
    expect(calls.verify).toBe(CLIENT_CODE_ATTEMPTS);
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(25 - CLIENT_CODE_ATTEMPTS);
  });

  it("an unknown code is answered exactly like a known one, and costs an argon2 verification too", async () => {
    const c = await openTestCase();
    const unknown = c.code === "00000000" ? "11111111" : "00000000";
    const run = async (code: string) => {
      const { calls, verifier } = countingVerifier();
      const guard = new SignInGuard(verifier, 1000, undefined, 15);
      const outcomes: string[] = [];
      // One client to the per-client lock, then a crowd to the per-code ceiling.
      for (let i = 0; i < CLIENT_CODE_ATTEMPTS + 1; i++) {
        const r = await guard.signIn(code, WRONG, { clientKey: `${code}-one`, now: NOW });
        outcomes.push(r.ok ? "ok" : r.reason);
      }
      for (let i = 0; i < 6; i++) {
        const r = await guard.signIn(code, WRONG, { clientKey: `${code}-crowd-${i}`, now: NOW });
        outcomes.push(r.ok ? "ok" : r.reason);
      }
      return { outcomes, verifications: calls.verify + calls.dummy };
    };
    const known = await run(c.code);
    expect(known.outcomes).toEqual([
      ...Array(CLIENT_CODE_ATTEMPTS).fill("wrong"),
      "locked",
      ...Array(5).fill("wrong"),
      "locked",
    ]);
    expect(await run(unknown)).toEqual(known);
  });

  it("an unknown code takes about as long as a known one", async () => {
    const c = await openTestCase();
    const guard = new SignInGuard(undefined, 1000);
    const unknown = c.code === "00000000" ? "11111111" : "00000000";
    const time = async (code: string) => {
      const start = performance.now();
      await guard.signIn(code, WRONG, { clientKey: "t", now: NOW });
      return performance.now() - start;
    };
    await time(c.code); // warm up argon2 and the dummy hash
    await time(unknown);
    const known: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time(c.code));
      unknownTimes.push(await time(unknown));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(unknownTimes) / median(known);
    // argon2id dominates both paths; a lookup that skipped it would be about 100 times faster. The window is
    // wide on purpose: a busy machine (CI on 2 cores) adds noise, but never a factor of 5 between medians.
    expect(ratio).toBeGreaterThan(0.2);
    expect(ratio).toBeLessThan(5);
  });

  it("an erased case's code no longer signs in", async () => {
    const c = await openTestCase();
    db.update(schema.cases).set({ erasedAt: NOW }).where(eq(schema.cases.id, c.caseId)).run();
    expect(await new SignInGuard().signIn(c.code, c.passphrase, { clientKey: "a", now: NOW })).toEqual({
      ok: false,
      reason: "wrong",
    });
  });

  it("limits attempts per client, whichever codes it tries", async () => {
    const c = await openTestCase();
    const guard = new SignInGuard(undefined, 3, 60_000);
    for (let i = 0; i < 3; i++) await guard.signIn(c.code, WRONG, { clientKey: "busy", now: NOW });
    expect(await guard.signIn(c.code, c.passphrase, { clientKey: "busy", now: NOW })).toEqual({
      ok: false,
      reason: "rate_limited",
    });
    expect(await guard.signIn(c.code, c.passphrase, { clientKey: "other", now: NOW })).toMatchObject({
      ok: true,
    });
    expect(await guard.signIn(c.code, c.passphrase, { clientKey: "busy", now: NOW + 60_001 })).toMatchObject({
      ok: true,
    });
  });
});
