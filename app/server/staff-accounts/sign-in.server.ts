/**
 * Signing in: the password (step one), the app code or a recovery code (step two), enrolling a new app
 * after a coordinator reset the second factor, and signing out. Every step writes the audit log.
 */
import { and, eq, isNull } from "drizzle-orm";
import { failureDelayMs, LOCKED_ANSWER_MS, MAX_FAILURES } from "~/domain/sign-in-throttle";
import { audit } from "../audit.server";
import { encrypt } from "../crypto.server";
import { getDb, schema } from "../db.server";
import {
  addressKey,
  codeLocked,
  forget,
  normaliseEmail,
  reserve,
  succeeded,
} from "../sign-in-throttle.server";
import { acceptTotpStep, spendPasswordCheck, verifyPassword } from "../staff-auth.server";
import { revokeSession, startSession } from "../staff-session.server";
import { storeRecoveryCodes, unusedRecoveryCodeCount } from "./recovery-codes.server";
import { auditLock, checkSecondFactor, type StaffRow } from "./second-factor.server";

/**
 * Failures per client across addresses, in memory (keys are hashes from server.js; a restart forgets
 * them). They only slow one client down; the per-address counters that lock are in the database.
 */
class FailureCounter {
  private entries = new Map<string, { count: number; resetAt: number }>();
  count(key: string, now: number): number {
    const e = this.entries.get(key);
    return e && e.resetAt > now ? e.count : 0;
  }
  add(key: string, now: number): number {
    const e = this.entries.get(key);
    if (!e || e.resetAt <= now) {
      this.entries.set(key, { count: 1, resetAt: now + CLIENT_WINDOW_MS });
      if (this.entries.size > 50_000) {
        for (const [k, v] of this.entries) if (v.resetAt <= now) this.entries.delete(k);
      }
      return 1;
    }
    return ++e.count;
  }
}

const CLIENT_WINDOW_MS = 15 * 60_000;
const byClient = new FailureCounter();

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The clock and the waiting, replaceable in tests. */
export type SignInOptions = { now?: number; wait?: (ms: number) => Promise<void>; started?: number };

export type PasswordResult =
  { ok: true; setCookie: string; verified: boolean } | { ok: false; reason: "invalid" | "limited" };

/** Both factors are right: a new verified session, and every counter of the address is forgotten. */
function completeSignIn(
  staff: StaffRow,
  method: "totp" | "recovery_code",
  pendingIdHash: string | null,
  now: number,
) {
  return getDb().transaction((tx) => {
    if (pendingIdHash) revokeSession(tx, pendingIdHash, now);
    forget(tx, addressKey(staff.email));
    if (method === "recovery_code") audit(tx, { action: "recovery_code_used", staffId: staff.id }, now);
    audit(tx, { action: "sign_in", staffId: staff.id, detail: { method } }, now);
    return startSession(tx, staff.id, true, now);
  });
}

/**
 * Step one: the password (and, when the sign-in page asks for it, the code in the same step). The same
 * answers, counters and about the same time for a wrong password, an unknown address and a deactivated
 * account. Each attempt is counted before the password is checked; the tenth of a round locks the
 * address (15 minutes, then ever longer). While locked only the password and a code given together can
 * sign in, answered after a fixed time and in the same words whatever was wrong, so a guesser has to
 * guess both at once and the holder of the account still gets in.
 */
export async function signInWithPassword(
  emailInput: string,
  password: string,
  clientKey: string,
  { now = Date.now(), wait = sleep, started = Date.now(), code }: SignInOptions & { code?: string } = {},
): Promise<PasswordResult> {
  const db = getDb();
  const key = addressKey(emailInput);
  const staff = db
    .select()
    .from(schema.staff)
    .where(eq(schema.staff.email, normaliseEmail(emailInput)))
    .get();
  const check = () =>
    staff && staff.active ? verifyPassword(staff.passwordHash, password) : spendPasswordCheck(password);
  const limited = async (): Promise<PasswordResult> => {
    audit(
      db,
      { action: "sign_in_failed", staffId: staff?.id, detail: { step: "password", limited: true } },
      now,
    );
    await wait(Math.max(0, started + LOCKED_ANSWER_MS - Date.now()));
    return { ok: false, reason: "limited" };
  };

  if (byClient.count(clientKey, now) >= MAX_FAILURES) return limited();
  const reservation = reserve(key, "password", MAX_FAILURES, now);
  if (reservation.outcome === "locked") {
    // Locked: only both factors at once. A wrong password here counts for nothing against the holder.
    if (!code) return limited();
    const valid = await check();
    if (valid && staff) {
      const second = checkSecondFactor(staff, code, now);
      if (second.ok)
        return { ok: true, verified: true, setCookie: completeSignIn(staff, second.method, null, now) };
    }
    byClient.add(clientKey, now);
    return limited();
  }

  const valid = await check();
  if (!valid || !staff) {
    byClient.add(clientKey, now);
    audit(db, { action: "sign_in_failed", staffId: staff?.id, detail: { step: "password" } }, now);
    if (reservation.last) auditLock(db, staff?.id, "password", reservation, now);
    await wait(failureDelayMs(reservation.attempt));
    return { ok: false, reason: reservation.last ? "limited" : "invalid" };
  }
  succeeded(key, "password", now);
  // The password is right, but the second factor is locked: the person knows the password, so saying
  // "limited" tells them nothing new.
  if (staff.totpSecretEnc && codeLocked(key, now)) return limited();
  if (code && staff.totpSecretEnc) {
    const second = checkSecondFactor(staff, code, now);
    if (!second.ok) return second.reason === "limited" ? limited() : { ok: false, reason: "invalid" };
    return { ok: true, verified: true, setCookie: completeSignIn(staff, second.method, null, now) };
  }
  return { ok: true, verified: false, setCookie: startSession(db, staff.id, false, now) };
}

export type CodeResult =
  | { ok: true; setCookie: string; method: "totp" | "recovery_code"; recoveryCodesLeft: number }
  | { ok: false; reason: "invalid" | "limited" };

/**
 * Step two: the code from the app, or one of the recovery codes. The fifth wrong one of a round locks the
 * second factor for the address and throws the half-finished sign-in away.
 */
export async function signInWithCode(
  pending: { idHash: string; staff: StaffRow },
  code: string,
  { now = Date.now(), wait = sleep }: SignInOptions = {},
): Promise<CodeResult> {
  const db = getDb();
  const { staff } = pending;
  const second = checkSecondFactor(staff, code, now);
  if (!second.ok) {
    if (second.reason === "limited") {
      revokeSession(db, pending.idHash, now);
      return { ok: false, reason: "limited" };
    }
    await wait(1000);
    return { ok: false, reason: "invalid" };
  }
  const setCookie = completeSignIn(staff, second.method, pending.idHash, now);
  return { ok: true, setCookie, method: second.method, recoveryCodesLeft: unusedRecoveryCodeCount(staff.id) };
}

/**
 * After a coordinator reset the second factor: the password was just given, now the person links a new
 * app. Gives new recovery codes and a full session.
 */
export function enrolSecondFactor(
  pending: { idHash: string; staffId: number },
  secret: string,
  step: number,
  now = Date.now(),
): { ok: true; setCookie: string; recoveryCodes: string[] } | { ok: false } {
  if (!acceptTotpStep(pending.staffId, step)) return { ok: false };
  return getDb().transaction((tx) => {
    revokeSession(tx, pending.idHash, now);
    tx.update(schema.staff)
      .set({ totpSecretEnc: encrypt(secret) })
      .where(and(eq(schema.staff.id, pending.staffId), isNull(schema.staff.totpSecretEnc)))
      .run();
    const recoveryCodes = storeRecoveryCodes(tx, pending.staffId);
    audit(tx, { action: "second_factor_enrolled", staffId: pending.staffId }, now);
    audit(tx, { action: "sign_in", staffId: pending.staffId, detail: { method: "enrolment" } }, now);
    return { ok: true as const, setCookie: startSession(tx, pending.staffId, true, now), recoveryCodes };
  });
}

export function signOut(session: { idHash: string; staffId: number }, now = Date.now()) {
  getDb().transaction((tx) => {
    revokeSession(tx, session.idHash, now);
    audit(tx, { action: "sign_out", staffId: session.staffId }, now);
  });
}
