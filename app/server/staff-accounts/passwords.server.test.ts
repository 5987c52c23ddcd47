import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_FAILURES } from "~/domain/sign-in-throttle";
import { createTestDb } from "../../../tests/helpers/test-db";
import { createAccessToken, PASSWORD_RESET_TTL_MS, SETUP_TTL_MS } from "../access-tokens.server";
import { sha256 } from "../crypto.server";
import { schema, type Db } from "../db.server";
import { createAccountFromLink } from "./new-account.server";
import {
  changeOwnPassword,
  createPasswordResetLink,
  findPasswordResetLink,
  resetPasswordWithLink,
} from "./passwords.server";
import { renewRecoveryCodesChecked } from "./recovery-codes.server";
import { signInWithPassword } from "./sign-in.server";
import { setActive } from "./team.server";
import { hashPassword, newTotpSecret, totpCode, totpStep, verifyPassword } from "../staff-auth.server";
import { startSession } from "../staff-session.server";

let db: Db;
let n = 0;
const noWait = async () => {};
const PASSWORD = "a long enough password";

beforeAll(() => {
  db = createTestDb().db;
});

async function newAccount(role: "ombudsworker" | "coordinator" = "ombudsworker", now = Date.now()) {
  const token = createAccessToken("invite", role, { ttlMs: SETUP_TTL_MS, now, db });
  const secret = newTotpSecret();
  const email = `pw${Date.now()}-${++n}@example.org`;
  const result = createAccountFromLink(
    token,
    "invite",
    {
      name: `Person ${n}`,
      email,
      passwordHash: await hashPassword(PASSWORD),
      totpSecret: secret,
      totpStep: totpStep(secret, totpCode(secret, now), now)!,
    },
    now,
  );
  if (!result.ok) throw new Error(result.reason);
  return { ...result, secret, email };
}

const sessionHash = (setCookie: string) => sha256(setCookie.match(/^ap_staff=([^;]+)/)![1]!);
const openSessions = (staffId: number) =>
  db
    .select()
    .from(schema.staffSessions)
    .where(eq(schema.staffSessions.staffId, staffId))
    .all()
    .filter((s) => s.revokedAt === null)
    .map((s) => s.idHash);
const auditOf = (action: string) =>
  db
    .select()
    .from(schema.auditLog)
    .all()
    .filter((a) => a.action === action);
const passwordHashOf = (staffId: number) =>
  db.select().from(schema.staff).where(eq(schema.staff.id, staffId)).get()!.passwordHash;
const tokenOf = (link: string) => link.split("/").at(-1)!;

describe("a password reset link from a coordinator", () => {
  it("sets a new password once, ends every session of the account and is audited", async () => {
    const coordinator = await newAccount("coordinator");
    const worker = await newAccount();
    startSession(db, worker.staffId, true);
    const made = createPasswordResetLink(coordinator.staffId, worker.staffId, "https://ap.test")!;
    expect(made.link).toMatch(/^https:\/\/ap\.test\/medewerker\/wachtwoord-herstellen\/[\w-]{43}$/);
    const token = tokenOf(made.link);
    // Only a hash of the token is stored.
    expect(JSON.stringify(db.select().from(schema.accessTokens).all())).not.toContain(token);
    expect(findPasswordResetLink(token)).toMatchObject({ staffId: worker.staffId });
    expect(auditOf("password_reset_link_created").at(-1)).toMatchObject({
      staffId: coordinator.staffId,
      detail: JSON.stringify({ target: worker.staffId }),
    });

    expect(await resetPasswordWithLink(token, "a brand new pass phrase")).toEqual({
      ok: true,
      staffId: worker.staffId,
    });
    expect(await verifyPassword(passwordHashOf(worker.staffId), "a brand new pass phrase")).toBe(true);
    expect(openSessions(worker.staffId)).toEqual([]);
    expect(auditOf("password_reset").at(-1)).toMatchObject({ staffId: worker.staffId });

    // Single use: the second try changes nothing.
    expect(await resetPasswordWithLink(token, "yet another pass phrase")).toEqual({ ok: false });
    expect(findPasswordResetLink(token)).toBeUndefined();
    expect(await verifyPassword(passwordHashOf(worker.staffId), "a brand new pass phrase")).toBe(true);
    // The second factor is still asked for: the password alone gives an unverified session.
    const signIn = await signInWithPassword(worker.email, "a brand new pass phrase", "c-reset", {
      wait: noWait,
    });
    expect(signIn).toMatchObject({ ok: true, verified: false });
  });

  it("stops working when it expires", async () => {
    const coordinator = await newAccount("coordinator");
    const worker = await newAccount();
    const now = Date.now();
    const token = tokenOf(createPasswordResetLink(coordinator.staffId, worker.staffId, "", now)!.link);
    const later = now + PASSWORD_RESET_TTL_MS + 1;
    expect(findPasswordResetLink(token, later)).toBeUndefined();
    expect(await resetPasswordWithLink(token, "a brand new pass phrase", later)).toEqual({ ok: false });
    expect(await verifyPassword(passwordHashOf(worker.staffId), PASSWORD)).toBe(true);
  });

  it("makes an earlier link stop working, and none for a deactivated account or oneself", async () => {
    const coordinator = await newAccount("coordinator");
    const worker = await newAccount();
    const first = tokenOf(createPasswordResetLink(coordinator.staffId, worker.staffId, "")!.link);
    const second = tokenOf(createPasswordResetLink(coordinator.staffId, worker.staffId, "")!.link);
    expect(findPasswordResetLink(first)).toBeUndefined();
    expect(findPasswordResetLink(second)).toBeDefined();
    expect(createPasswordResetLink(coordinator.staffId, coordinator.staffId, "")).toBeNull();
    setActive(coordinator.staffId, worker.staffId, false);
    expect(findPasswordResetLink(second)).toBeUndefined();
    expect(await resetPasswordWithLink(second, "a brand new pass phrase")).toEqual({ ok: false });
    expect(createPasswordResetLink(coordinator.staffId, worker.staffId, "")).toBeNull();
  });

  it("is not an invitation: a reset token cannot create an account", async () => {
    const coordinator = await newAccount("coordinator");
    const worker = await newAccount();
    const token = tokenOf(createPasswordResetLink(coordinator.staffId, worker.staffId, "")!.link);
    const secret = newTotpSecret();
    const result = createAccountFromLink(token, "invite", {
      name: "X",
      email: `x${++n}@example.org`,
      passwordHash: "h",
      totpSecret: secret,
      totpStep: 1,
    });
    expect(result).toEqual({ ok: false, reason: "link" });
  });
});

describe("changing one's own password", () => {
  it("needs the current password, and ends every other session but this one", async () => {
    const a = await newAccount();
    const other = sessionHash(startSession(db, a.staffId, true));
    const me = { id: a.staffId, sessionIdHash: sessionHash(a.setCookie) };

    expect(await changeOwnPassword(me, "not my password!!", "a brand new pass phrase")).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await verifyPassword(passwordHashOf(a.staffId), PASSWORD)).toBe(true);
    expect(openSessions(a.staffId)).toContain(other);
    expect(auditOf("password_check_failed").at(-1)).toMatchObject({ staffId: a.staffId });

    expect(await changeOwnPassword(me, PASSWORD, "a brand new pass phrase")).toEqual({ ok: true });
    expect(await verifyPassword(passwordHashOf(a.staffId), "a brand new pass phrase")).toBe(true);
    expect(openSessions(a.staffId)).toEqual([me.sessionIdHash]);
    expect(auditOf("password_changed").at(-1)).toMatchObject({ staffId: a.staffId });
  });

  it("counts wrong current passwords on the sign-in counter: the limit locks both", async () => {
    const a = await newAccount();
    const me = { id: a.staffId, sessionIdHash: sessionHash(a.setCookie) };
    const results = [];
    for (let i = 0; i < MAX_FAILURES; i++) {
      results.push((await changeOwnPassword(me, `wrong password ${i}`, "a brand new pass phrase")).ok);
    }
    expect(results.every((ok) => !ok)).toBe(true);
    expect(await changeOwnPassword(me, PASSWORD, "a brand new pass phrase")).toEqual({
      ok: false,
      reason: "limited",
    });
    expect(await signInWithPassword(a.email, PASSWORD, "c-lock", { wait: noWait })).toEqual({
      ok: false,
      reason: "limited",
    });
  });
});

describe("new recovery codes", () => {
  it("need the password and a code from the app, replace the old codes and are audited", async () => {
    const a = await newAccount();
    const later = Date.now() + 30_000;
    expect(
      await renewRecoveryCodesChecked(a.staffId, "not my password!!", totpCode(a.secret, later), later),
    ).toEqual({ ok: false, field: "password", reason: "invalid" });
    expect(await renewRecoveryCodesChecked(a.staffId, PASSWORD, "000000", later)).toMatchObject({
      ok: false,
      field: "code",
    });
    const renewed = await renewRecoveryCodesChecked(a.staffId, PASSWORD, totpCode(a.secret, later), later);
    expect(renewed.ok).toBe(true);
    const codes = (renewed as { codes: string[] }).codes;
    expect(codes).toHaveLength(10);
    expect(codes).not.toContain(a.recoveryCodes[0]);
    // An old code no longer counts as the second factor.
    const old = await renewRecoveryCodesChecked(a.staffId, PASSWORD, a.recoveryCodes[0]!, later + 60_000);
    expect(old).toMatchObject({ ok: false, field: "code" });
    expect(auditOf("recovery_codes_renewed").filter((r) => r.staffId === a.staffId)).toHaveLength(1);
  });
});
