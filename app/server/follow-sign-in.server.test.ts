import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { LOCK_MS, MAX_FAILED_LOOKUPS } from "~/domain/lockout";
import { openTestCase } from "../../tests/helpers/follow-fixtures";
import { createTestDb } from "../../tests/helpers/test-db";
import { schema, type Db } from "./db.server";
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
beforeEach(() => {
  ({ db } = createTestDb());
});

const counter = (caseId: number) =>
  db
    .select({ failedLookups: schema.cases.failedLookups, lockedUntil: schema.cases.lockedUntil })
    .from(schema.cases)
    .where(eq(schema.cases.id, caseId))
    .get()!;

describe("signing in to follow a case", () => {
  it("opens the case with the right code and passphrase", async () => {
    const c = await openTestCase();
    const guard = new SignInGuard();
    expect(await guard.signIn(c.code, c.passphrase, { clientKey: "a", now: NOW })).toEqual({
      ok: true,
      caseId: c.caseId,
    });
  });

  it("counts wrong passphrases per code and locks the code for an hour after ten, whatever the client", async () => {
    const c = await openTestCase();
    const guard = new SignInGuard(undefined, 1000);
    for (let i = 1; i < MAX_FAILED_LOOKUPS; i++) {
      expect(await guard.signIn(c.code, WRONG, { clientKey: `client-${i}`, now: NOW })).toEqual({
        ok: false,
        reason: "wrong",
      });
      expect(counter(c.caseId)).toEqual({ failedLookups: i, lockedUntil: null });
    }
    expect(await guard.signIn(c.code, WRONG, { clientKey: "x", now: NOW })).toEqual({
      ok: false,
      reason: "wrong",
    });
    expect(counter(c.caseId)).toEqual({ failedLookups: 0, lockedUntil: NOW + LOCK_MS });

    // Locked: even the right passphrase does not open it, from any client; the lock survives a new guard
    // (it is stored with the case, not in memory).
    expect(await new SignInGuard().signIn(c.code, c.passphrase, { clientKey: "y", now: NOW + 1000 })).toEqual(
      {
        ok: false,
        reason: "locked",
      },
    );
    expect(await guard.signIn(c.code, c.passphrase, { clientKey: "z", now: NOW + LOCK_MS + 1 })).toEqual({
      ok: true,
      caseId: c.caseId,
    });
    expect(counter(c.caseId)).toEqual({ failedLookups: 0, lockedUntil: null });
  });

  it("a right passphrase resets the count of wrong ones", async () => {
    const c = await openTestCase();
    const guard = new SignInGuard();
    for (let i = 0; i < 5; i++) await guard.signIn(c.code, WRONG, { clientKey: "a", now: NOW });
    expect(counter(c.caseId).failedLookups).toBe(5);
    await guard.signIn(c.code, c.passphrase, { clientKey: "a", now: NOW });
    expect(counter(c.caseId).failedLookups).toBe(0);
  });

  it("parallel guesses cannot get past the limit while argon2 is busy", async () => {
    const c = await openTestCase();
    const { calls, verifier } = countingVerifier();
    const guard = new SignInGuard(verifier, 1000);
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => guard.signIn(c.code, WRONG, { clientKey: `c${i}`, now: NOW })),
    );
    expect(calls.verify).toBe(MAX_FAILED_LOOKUPS);
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(25 - MAX_FAILED_LOOKUPS);
  });

  it("an unknown code costs an argon2 verification too, and locks after ten tries like a real one", async () => {
    const c = await openTestCase();
    const { calls, verifier } = countingVerifier();
    const guard = new SignInGuard(verifier, 1000);
    const unknown = c.code === "00000000" ? "11111111" : "00000000";
    const outcomes: string[] = [];
    for (let i = 0; i < MAX_FAILED_LOOKUPS + 1; i++) {
      const r = await guard.signIn(unknown, c.passphrase, { clientKey: `c${i}`, now: NOW });
      outcomes.push(r.ok ? "ok" : r.reason);
    }
    expect(outcomes).toEqual([...Array(MAX_FAILED_LOOKUPS).fill("wrong"), "locked"]);
    expect(calls).toEqual({ verify: 0, dummy: MAX_FAILED_LOOKUPS + 1 });

    // A locked real code also spends one verification per attempt.
    const known = countingVerifier();
    const guard2 = new SignInGuard(known.verifier, 1000);
    for (let i = 0; i < MAX_FAILED_LOOKUPS + 1; i++)
      await guard2.signIn(c.code, WRONG, { clientKey: `d${i}`, now: NOW });
    expect(known.calls).toEqual({ verify: MAX_FAILED_LOOKUPS, dummy: 1 });
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
    // argon2id dominates both paths; a lookup that skipped it would be 100 times faster.
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
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
