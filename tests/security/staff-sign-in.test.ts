/**
 * Staff sign-in against guessing, over HTTP (docs/decisions/019): attempts are reserved in the database
 * before the password is checked (40 at once get no more checks than the limit), wrong second-factor
 * codes lock the second factor across sign-ins, an attacker cannot keep the account holder out, and an
 * unknown address gets exactly the answers a known one gets, all the way through.
 */
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { MAX_CODE_FAILURES, MAX_FAILURES } from "~/domain/sign-in-throttle";
import { schema } from "~/server/db.server";
import { addressKey } from "~/server/sign-in-throttle.server";
import { codeFor, createStaff } from "../helpers/seed-cases";
import { serverDb } from "./helpers/db";
import { Client, escapeHtml, type Reply } from "./helpers/http";

const staffErrors = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, "../../locales/nl/staff.json"), "utf8"),
).errors as Record<string, string>;
const shows = (res: Reply, text: string) => res.body.includes(escapeHtml(text));
const WRONG = "niet het goede wachtwoord";

const signIn = (client: Client, email: string, password: string, code?: string) =>
  client.postForm(
    "/medewerker/inloggen",
    code === undefined ? { email, password } : { email, password, code },
  );

const throttleRow = (email: string) =>
  serverDb()
    .select()
    .from(schema.signInThrottle)
    .where(eq(schema.signInThrottle.addressKey, addressKey(email)))
    .get();

/** Audit entries of one account: password checks that were really made, and second-factor failures. */
function audited(staffId: number) {
  const rows = serverDb().select().from(schema.auditLog).where(eq(schema.auditLog.staffId, staffId)).all();
  return {
    passwordChecks: rows.filter((r) => r.action === "sign_in_failed" && !r.detail?.includes("limited"))
      .length,
    codeFailures: rows.filter((r) => r.action === "second_factor_failed" && !r.detail?.includes("limited"))
      .length,
    locks: rows.filter((r) => r.action === "sign_in_locked").length,
  };
}

/** Lets the current lock of an address run out, as the clock would. */
function expireLock(email: string) {
  serverDb()
    .update(schema.signInThrottle)
    .set({ lockedUntil: Date.now() - 1 })
    .where(eq(schema.signInThrottle.addressKey, addressKey(email)))
    .run();
}

describe("staff sign-in: passwords sent at once", () => {
  it(`checks at most ${MAX_FAILURES} of 40 wrong passwords sent at once, and counts all 40`, async () => {
    const known = await createStaff(serverDb(), { role: "ombudsworker" });
    const clients = Array.from({ length: 40 }, () => new Client());
    await Promise.all(clients.map((c) => c.csrf()));
    const answers = await Promise.all(clients.map((c) => signIn(c, known.email, WRONG)));
    expect(answers.every((r) => r.status === 400 || r.status === 429)).toBe(true);
    expect(audited(known.id).passwordChecks).toBe(MAX_FAILURES);
    expect(throttleRow(known.email)?.failures).toBe(40);
    expect(audited(known.id).locks).toBe(1);
  }, 90_000);
});

describe("staff sign-in: guessing the second factor with a known password", () => {
  it(`locks the second factor after ${MAX_CODE_FAILURES} wrong codes, also for a new sign-in`, async () => {
    const known = await createStaff(serverDb(), { role: "ombudsworker" });
    const attacker = new Client();
    const first = await signIn(attacker, known.email, known.password);
    expect(first.location).toMatch(/^\/medewerker\/inloggen\/code/);
    const answers: Reply[] = [];
    for (let i = 0; i < MAX_CODE_FAILURES; i++) {
      answers.push(await attacker.postForm("/medewerker/inloggen/code", { code: "000000" }));
    }
    expect(answers.at(-1)!.location).toBe("/medewerker/inloggen?reden=codes");
    // A fresh sign-in with the password gives no new guesses, with or without a code.
    const again = await signIn(new Client(), known.email, known.password);
    expect(again.status).toBe(429);
    expect(shows(again, staffErrors.signInLimited!)).toBe(true);
    const together = await signIn(new Client(), known.email, known.password, codeFor(known.totpSecret));
    expect(together.status).toBe(429);
    expect(together.location).toBeUndefined();
    expect(audited(known.id)).toMatchObject({ codeFailures: MAX_CODE_FAILURES, locks: 1 });
  }, 60_000);
});

describe("staff sign-in: an attacker cannot keep the holder out", () => {
  it("lets the holder in with password and code together while locked", async () => {
    const known = await createStaff(serverDb(), { role: "ombudsworker" });
    const attacker = new Client();
    await Promise.all(Array.from({ length: MAX_FAILURES }, () => signIn(attacker, known.email, WRONG)));
    expect((await signIn(new Client(), known.email, known.password)).status).toBe(429);

    const holder = new Client();
    const res = await signIn(holder, known.email, known.password, codeFor(known.totpSecret));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/medewerker");
    expect((await holder.get("/medewerker")).status).toBe(200);
  }, 60_000);

  it("an expired lock starts a fresh count: the next wrong tries do not lock again", async () => {
    const known = await createStaff(serverDb(), { role: "ombudsworker" });
    await Promise.all(Array.from({ length: MAX_FAILURES }, () => signIn(new Client(), known.email, WRONG)));
    expect((await signIn(new Client(), known.email, WRONG)).status).toBe(429);
    // An hour later the attacker tries four times again: each is an ordinary wrong answer.
    expireLock(known.email);
    for (let i = 0; i < 4; i++) {
      const res = await signIn(new Client(), known.email, WRONG);
      expect(res.status, `try ${i + 1}`).toBe(400);
      expect(shows(res, staffErrors.signInFailed!)).toBe(true);
    }
    const holder = await signIn(new Client(), known.email, known.password);
    expect(holder.location).toMatch(/^\/medewerker\/inloggen\/code/);
  }, 90_000);
});

describe("staff sign-in: an unknown address is answered like a known one", () => {
  it("the same answers through failures, the lock, tries while locked and after it", async () => {
    const known = await createStaff(serverDb(), { role: "coordinator" });
    const unknownEmail = `nobody-${Date.now()}@example.org`;
    const run = async (email: string) => {
      const seen: string[] = [];
      const timings: number[] = [];
      let client = new Client();
      const step = async (password: string, code?: string) => {
        const token = await client.csrf();
        const start = Date.now();
        const r = await signIn(client, email, password, code);
        timings.push(Date.now() - start);
        seen.push(
          `${r.status} ${r.location ?? ""} ${r.body
            .replaceAll(email, "EMAIL")
            .replaceAll(token, "CSRF")
            .replace(/nonce="[^"]*"/g, "")}`,
        );
      };
      for (let i = 0; i < MAX_FAILURES; i++) await step(WRONG);
      await step(WRONG);
      await step(WRONG, "123456");
      await step(WRONG, "aaaa-bbbb-cccc-dddd");
      expireLock(email);
      // From another computer: this one is over its own per-client limit by now.
      client = new Client();
      await step(WRONG);
      return { seen, timings };
    };
    const [k, u] = await Promise.all([run(known.email), run(unknownEmail)]);
    expect(k.seen.map((s) => s.slice(0, 4))).toEqual([
      ...Array(MAX_FAILURES - 1).fill("400 "),
      "429 ",
      "429 ",
      "429 ",
      "429 ",
      "400 ",
    ]);
    expect(u.seen).toEqual(k.seen);
    // Every answer while locked takes the same fixed time, whatever was checked.
    for (const t of [...k.timings.slice(MAX_FAILURES, -1), ...u.timings.slice(MAX_FAILURES, -1)]) {
      expect(t).toBeGreaterThanOrEqual(950);
    }
    expect(throttleRow(unknownEmail)).toMatchObject({ locks: throttleRow(known.email)!.locks });
  }, 120_000);
});
