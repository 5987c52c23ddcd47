// Kept whole (over 300 lines): accounts, sign-in and guessing share one test database and fixture.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { FIRST_LOCK_MS, MAX_CODE_FAILURES, MAX_FAILURES } from "~/domain/sign-in-throttle";
import { createTestDb } from "../../../tests/helpers/test-db";
import { createAccessToken, SETUP_TTL_MS } from "../access-tokens.server";
import { decrypt, sha256 } from "../crypto.server";
import { schema, type Db } from "../db.server";
import { createAccountFromLink } from "./new-account.server";
import { enrolSecondFactor, signInWithCode, signInWithPassword } from "./sign-in.server";
import { resetSecondFactor, setActive } from "./team.server";
import { addressKey } from "../sign-in-throttle.server";
import { hashPassword, newTotpSecret, totpCode, totpStep } from "../staff-auth.server";

let db: Db;
const noWait = async () => {};
let n = 0;
const unique = () => `${Date.now()}-${++n}`;

// One database for the file: account ids stay unique, like in real life (failure counters and used
// code steps are kept per account id in memory).
beforeAll(() => {
  db = createTestDb().db;
});

async function newAccount(now = Date.now()) {
  const token = createAccessToken("invite", "ombudsworker", { ttlMs: SETUP_TTL_MS, now, db });
  const secret = newTotpSecret();
  const email = `p${unique()}@example.org`;
  const result = createAccountFromLink(
    token,
    "invite",
    {
      name: "Priya",
      email: ` ${email.toUpperCase()} `,
      passwordHash: await hashPassword("a long enough password"),
      totpSecret: secret,
      totpStep: totpStep(secret, totpCode(secret, now), now)!,
    },
    now,
  );
  if (!result.ok) throw new Error(result.reason);
  return { ...result, token, secret, email, password: "a long enough password" };
}

function pendingFor(setCookie: string) {
  const idHash = sha256(setCookie.match(/^ap_staff=([^;]+)/)![1]!);
  const session = db
    .select()
    .from(schema.staffSessions)
    .where(eq(schema.staffSessions.idHash, idHash))
    .get()!;
  const staff = db.select().from(schema.staff).where(eq(schema.staff.id, session.staffId)).get()!;
  return { idHash, staff, session };
}

const actions = (staffId?: number) =>
  db
    .select()
    .from(schema.auditLog)
    .all()
    .filter((a) => staffId === undefined || a.staffId === staffId)
    .map((a) => a.action);

describe("an account from a link", () => {
  it("stores the email in lower case, the password as argon2id, the app secret encrypted and ten hashed recovery codes", async () => {
    const a = await newAccount();
    const row = db.select().from(schema.staff).where(eq(schema.staff.id, a.staffId)).get()!;
    expect(row.email).toBe(a.email);
    expect(row.role).toBe("ombudsworker");
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.totpSecretEnc).not.toContain(a.secret);
    expect(decrypt(row.totpSecretEnc!)).toBe(a.secret);
    const codes = db.select().from(schema.recoveryCodes).all();
    expect(codes).toHaveLength(10);
    expect(a.recoveryCodes).toHaveLength(10);
    expect(codes.map((c) => c.codeHash)).not.toContain(a.recoveryCodes[0]);
    expect(actions(a.staffId)).toEqual(["account_created", "sign_in"]);
  });

  it("works once", async () => {
    const a = await newAccount();
    const again = createAccountFromLink(a.token, "invite", {
      name: "X",
      email: "other@example.org",
      passwordHash: "h",
      totpSecret: a.secret,
      totpStep: 1,
    });
    expect(again).toEqual({ ok: false, reason: "link" });
  });

  it("refuses an address that already has an account, and keeps the link usable", async () => {
    const a = await newAccount();
    const token = createAccessToken("invite", "coordinator", { ttlMs: SETUP_TTL_MS, db });
    const input = { name: "X", email: a.email, passwordHash: "h", totpSecret: a.secret, totpStep: 1 };
    expect(createAccountFromLink(token, "invite", input)).toEqual({ ok: false, reason: "email_taken" });
    expect(createAccountFromLink(token, "invite", { ...input, email: "new@example.org" }).ok).toBe(true);
  });
});

describe("signing in", () => {
  it("takes the password, then the code from the app, and starts a new verified session", async () => {
    const a = await newAccount();
    const step1 = await signInWithPassword(a.email, a.password, "client-1", { wait: noWait });
    expect(step1.ok).toBe(true);
    const pending = pendingFor((step1 as { setCookie: string }).setCookie);
    expect(pending.session.verified).toBe(false);
    // The code used at enrolment cannot be used again; the next one can.
    const later = Date.now() + 30_000;
    const step2 = await signInWithCode(pending, totpCode(a.secret, later), { now: later, wait: noWait });
    expect(step2).toMatchObject({ ok: true, method: "totp", recoveryCodesLeft: 10 });
    const verified = pendingFor((step2 as { setCookie: string }).setCookie);
    expect(verified.session.verified).toBe(true);
    expect(verified.idHash).not.toBe(pending.idHash);
    expect(
      db.select().from(schema.staffSessions).where(eq(schema.staffSessions.idHash, pending.idHash)).get()
        ?.revokedAt,
    ).not.toBeNull();
    expect(actions(a.staffId).slice(-1)).toEqual(["sign_in"]);
  });

  it("refuses a code that was already used", async () => {
    const a = await newAccount();
    const now = Date.now();
    const step1 = await signInWithPassword(a.email, a.password, "client-2", { wait: noWait });
    const pending = pendingFor((step1 as { setCookie: string }).setCookie);
    expect(await signInWithCode(pending, totpCode(a.secret, now), { now, wait: noWait })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("takes each recovery code once", async () => {
    const a = await newAccount();
    const step1 = await signInWithPassword(a.email, a.password, "client-3", { wait: noWait });
    const pending = pendingFor((step1 as { setCookie: string }).setCookie);
    const code = a.recoveryCodes[3]!.toUpperCase().replace(/-/g, " ");
    expect(await signInWithCode(pending, code, { wait: noWait })).toMatchObject({
      ok: true,
      method: "recovery_code",
      recoveryCodesLeft: 9,
    });
    const again = await signInWithPassword(a.email, a.password, "client-3", { wait: noWait });
    const pending2 = pendingFor((again as { setCookie: string }).setCookie);
    expect(await signInWithCode(pending2, code, { wait: noWait })).toEqual({ ok: false, reason: "invalid" });
    expect(actions(a.staffId)).toContain("recovery_code_used");
  });

  it("answers the same for a wrong password, an unknown address and a deactivated account", async () => {
    const a = await newAccount();
    const failuresBefore = actions().filter((x) => x === "sign_in_failed").length;
    const wrong = await signInWithPassword(a.email, "not the password", "client-4", { wait: noWait });
    const unknown = await signInWithPassword("nobody@example.org", a.password, "client-4b", { wait: noWait });
    setActive(a.staffId, a.staffId, false);
    const inactive = await signInWithPassword(a.email, a.password, "client-4c", { wait: noWait });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
    expect(inactive).toEqual(wrong);
    expect(actions().filter((x) => x === "sign_in_failed").length - failuresBefore).toBe(3);
  });

  it("slows down after a few failures and refuses past the limit, whether or not the address exists", async () => {
    const a = await newAccount();
    for (const email of [a.email, "ghost@example.org"]) {
      const waits: number[] = [];
      const wait = async (ms: number) => void waits.push(ms);
      for (let i = 0; i < MAX_FAILURES; i++) {
        await signInWithPassword(email, "wrong password!", `client-${email}`, { wait });
      }
      expect(waits.slice(0, 3)).toEqual([0, 0, 1000]);
      expect(await signInWithPassword(email, a.password, `client-other-${email}`, { wait })).toEqual({
        ok: false,
        reason: "limited",
      });
    }
  });

  it("throws away the half-finished sign-in after five wrong codes", async () => {
    const a = await newAccount();
    const step1 = await signInWithPassword(a.email, a.password, "client-5", { wait: noWait });
    const pending = pendingFor((step1 as { setCookie: string }).setCookie);
    const results = [];
    for (let i = 0; i < MAX_CODE_FAILURES; i++)
      results.push(await signInWithCode(pending, "000000", { wait: noWait }));
    expect(results.at(-1)).toEqual({ ok: false, reason: "limited" });
    expect(
      db.select().from(schema.staffSessions).where(eq(schema.staffSessions.idHash, pending.idHash)).get()
        ?.revokedAt,
    ).not.toBeNull();
    expect(actions(a.staffId).filter((x) => x === "second_factor_failed")).toHaveLength(MAX_CODE_FAILURES);
  });
});

describe("guessing", () => {
  const throttleRow = (email: string) =>
    db
      .select()
      .from(schema.signInThrottle)
      .where(eq(schema.signInThrottle.addressKey, addressKey(email)))
      .get();
  const failedChecks = (staffId: number) =>
    db
      .select()
      .from(schema.auditLog)
      .all()
      .filter(
        (a) => a.staffId === staffId && a.action === "sign_in_failed" && !a.detail?.includes("limited"),
      );

  it("checks at most the limit of 40 passwords sent at once, and counts all 40", async () => {
    const a = await newAccount();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        signInWithPassword(a.email, "wrong password!", "client-40", { wait: noWait }),
      ),
    );
    expect(answers.every((x) => !x.ok)).toBe(true);
    expect(failedChecks(a.staffId)).toHaveLength(MAX_FAILURES);
    expect(throttleRow(a.email)).toMatchObject({ failures: 40, locks: 1 });
    expect(actions(a.staffId)).toContain("sign_in_locked");
  });

  it("counts wrong codes per account across sign-ins: a new password gives no new guesses", async () => {
    const a = await newAccount();
    const codes: string[] = [];
    for (let round = 0; round < 3; round++) {
      const step1 = await signInWithPassword(a.email, a.password, "client-6", { wait: noWait });
      if (!step1.ok) {
        codes.push("password:" + step1.reason);
        continue;
      }
      const pending = pendingFor(step1.setCookie);
      for (let i = 0; i < MAX_CODE_FAILURES; i++) {
        const r = await signInWithCode(pending, "000000", { wait: noWait });
        codes.push(r.ok ? "ok" : r.reason);
        if (!r.ok && r.reason === "limited") break;
      }
    }
    expect(codes).toEqual([
      ...Array(MAX_CODE_FAILURES - 1).fill("invalid"),
      "limited",
      "password:limited",
      "password:limited",
    ]);
    expect(throttleRow(a.email)?.codeLockedUntil).toBeGreaterThan(Date.now());
    expect(actions(a.staffId).filter((x) => x === "sign_in_locked")).toHaveLength(1);
  });

  it("counts recovery codes the same as app codes, and refuses even the right one while locked", async () => {
    const a = await newAccount();
    const step1 = await signInWithPassword(a.email, a.password, "client-7", { wait: noWait });
    const pending = pendingFor((step1 as { setCookie: string }).setCookie);
    for (let i = 0; i < MAX_CODE_FAILURES; i++)
      await signInWithCode(pending, "aaaa-bbbb-cccc-dddd", { wait: noWait });
    const again = await signInWithPassword(a.email, a.password, "client-7b", {
      wait: noWait,
      code: totpCode(a.secret, Date.now() + 30_000),
    });
    expect(again).toEqual({ ok: false, reason: "limited" });
  });

  it("lets the holder in with password and code together while an attacker keeps the address locked", async () => {
    const a = await newAccount();
    for (let i = 0; i < MAX_FAILURES; i++)
      await signInWithPassword(a.email, "attacker guess!", "client-8", { wait: noWait });
    // The attacker goes on, with a code too: the same refusal, and no code is counted against the holder.
    for (let i = 0; i < MAX_CODE_FAILURES + 2; i++) {
      expect(
        await signInWithPassword(a.email, "attacker guess!", "client-8b", { wait: noWait, code: "123456" }),
      ).toEqual({ ok: false, reason: "limited" });
    }
    expect(await signInWithPassword(a.email, a.password, "client-9", { wait: noWait })).toEqual({
      ok: false,
      reason: "limited",
    });
    const holder = await signInWithPassword(a.email, a.password, "client-9", {
      wait: noWait,
      code: totpCode(a.secret, Date.now() + 30_000),
    });
    expect(holder).toMatchObject({ ok: true, verified: true });
    expect(throttleRow(a.email)).toBeUndefined();
  });

  it("starts a fresh count when a lock runs out: one wrong try does not lock again", async () => {
    const a = await newAccount();
    const t0 = Date.now();
    for (let i = 0; i < MAX_FAILURES; i++)
      await signInWithPassword(a.email, "wrong password!", `client-10-${i}`, { wait: noWait, now: t0 });
    const later = t0 + FIRST_LOCK_MS + 1;
    expect(
      await signInWithPassword(a.email, "wrong password!", "client-10b", { wait: noWait, now: later }),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(
      await signInWithPassword(a.email, a.password, "client-10b", { wait: noWait, now: later + 1 }),
    ).toMatchObject({ ok: true, verified: false });
  });
});

describe("coordinators", () => {
  it("deactivating ends the person's sessions at once", async () => {
    const a = await newAccount();
    const sessions = () =>
      db.select().from(schema.staffSessions).where(eq(schema.staffSessions.staffId, a.staffId)).all();
    expect(sessions().every((s) => s.revokedAt === null)).toBe(true);
    expect(setActive(99, a.staffId, false)).toBe(true);
    expect(sessions().every((s) => s.revokedAt !== null)).toBe(true);
    expect(setActive(99, a.staffId, false)).toBe(false);
    expect(
      db
        .select()
        .from(schema.auditLog)
        .all()
        .some((x) => x.action === "account_deactivated"),
    ).toBe(true);
  });

  it("resetting the second factor removes app and codes; the next sign-in links a new app", async () => {
    const a = await newAccount();
    expect(resetSecondFactor(99, a.staffId)).toBe(true);
    const row = db.select().from(schema.staff).where(eq(schema.staff.id, a.staffId)).get()!;
    expect(row.totpSecretEnc).toBeNull();
    expect(
      db.select().from(schema.recoveryCodes).where(eq(schema.recoveryCodes.staffId, a.staffId)).all(),
    ).toHaveLength(0);
    const step1 = await signInWithPassword(a.email, a.password, "client-6", { wait: noWait });
    const pending = pendingFor((step1 as { setCookie: string }).setCookie);
    // Without an app, no code is accepted...
    expect(await signInWithCode(pending, totpCode(a.secret), { wait: noWait })).toEqual({
      ok: false,
      reason: "invalid",
    });
    // ...until a new one is linked.
    const secret = newTotpSecret();
    const now = Date.now();
    const enrolled = enrolSecondFactor(
      { idHash: pending.idHash, staffId: a.staffId },
      secret,
      totpStep(secret, totpCode(secret, now), now)!,
    );
    expect(enrolled.ok && enrolled.recoveryCodes).toHaveLength(10);
    expect(
      decrypt(db.select().from(schema.staff).where(eq(schema.staff.id, a.staffId)).get()!.totpSecretEnc!),
    ).toBe(secret);
    expect(actions()).toEqual(expect.arrayContaining(["second_factor_reset"]));
    expect(actions(a.staffId)).toEqual(expect.arrayContaining(["second_factor_enrolled"]));
  });
});
