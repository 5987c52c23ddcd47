/**
 * Staff accounts: creating one from a setup or invitation link, signing in (password, then the second
 * factor), enrolling a new second factor after a reset, and what coordinators do with accounts.
 * Every step writes the audit log.
 */
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { StaffRole } from "../../db/schema";
import {
  failureDelayMs,
  LOCKED_ANSWER_MS,
  lockMs,
  MAX_CODE_FAILURES,
  MAX_FAILURES,
} from "~/domain/sign-in-throttle";
import {
  INVITE_TTL_MS,
  PASSWORD_RESET_TTL_MS,
  consumeAccessToken,
  createAccessToken,
  findValidAccessToken,
} from "./access-tokens.server";
import { audit } from "./audit.server";
import { decrypt, encrypt, sha256 } from "./crypto.server";
import { getDb, schema } from "./db.server";
import {
  acceptTotpStep,
  forgetTotpSteps,
  generateRecoveryCodes,
  hashPassword,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  spendPasswordCheck,
  totpStep,
  verifyPassword,
} from "./staff-auth.server";
import {
  addressKey,
  codeLocked,
  forget,
  normaliseEmail,
  reserve,
  succeeded,
} from "./sign-in-throttle.server";
import { revokeAllSessions, revokeOtherSessions, revokeSession, startSession } from "./staff-session.server";
import type { DbOrTx } from "./tx.server";

export { normaliseEmail };

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

function storeRecoveryCodes(tx: DbOrTx, staffId: number): string[] {
  const codes = generateRecoveryCodes();
  tx.delete(schema.recoveryCodes).where(eq(schema.recoveryCodes.staffId, staffId)).run();
  for (const code of codes) {
    tx.insert(schema.recoveryCodes)
      .values({ staffId, codeHash: hashRecoveryCode(code) })
      .run();
  }
  return codes;
}

// ---------------------------------------------------------------- new accounts

export type NewAccountInput = {
  name: string;
  email: string;
  passwordHash: string;
  totpSecret: string;
  /** The time step of the code that proved the app works. */
  totpStep: number;
};

export type NewAccountResult =
  | { ok: true; staffId: number; recoveryCodes: string[]; setCookie: string }
  | { ok: false; reason: "link" | "email_taken" };

/**
 * Creates the account a setup or invitation link is for, with its second factor and recovery codes, and
 * signs it in (the person just proved password and app). The link is used up in the same transaction.
 */
export function createAccountFromLink(
  token: string,
  purpose: "setup" | "invite",
  input: NewAccountInput,
  now = Date.now(),
): NewAccountResult {
  const db = getDb();
  const email = normaliseEmail(input.email);
  return db.transaction((tx): NewAccountResult => {
    const link = tx
      .select()
      .from(schema.accessTokens)
      .where(eq(schema.accessTokens.tokenHash, sha256(token)))
      .get();
    if (tx.select({ id: schema.staff.id }).from(schema.staff).where(eq(schema.staff.email, email)).get()) {
      return { ok: false, reason: "email_taken" };
    }
    if (!link || !consumeAccessToken(token, purpose, now, tx)) return { ok: false, reason: "link" };
    const staff = tx
      .insert(schema.staff)
      .values({
        name: input.name.trim(),
        email,
        passwordHash: input.passwordHash,
        totpSecretEnc: encrypt(input.totpSecret),
        role: link.role,
        createdAt: now,
      })
      .returning({ id: schema.staff.id })
      .get();
    const recoveryCodes = storeRecoveryCodes(tx, staff.id);
    acceptTotpStep(staff.id, input.totpStep);
    audit(
      tx,
      { action: "account_created", staffId: staff.id, detail: { role: link.role, via: purpose } },
      now,
    );
    audit(tx, { action: "sign_in", staffId: staff.id, detail: { method: "enrolment" } }, now);
    const setCookie = startSession(tx, staff.id, true, now);
    return { ok: true, staffId: staff.id, recoveryCodes, setCookie };
  });
}

// ---------------------------------------------------------------- signing in

export type PasswordResult =
  { ok: true; setCookie: string; verified: boolean } | { ok: false; reason: "invalid" | "limited" };

type StaffRow = typeof schema.staff.$inferSelect;
type SecondFactor =
  { ok: true; method: "totp" | "recovery_code" } | { ok: false; reason: "invalid" | "limited" };

/**
 * Checks an app code or a recovery code, counting the attempt first (per address, in the database): the
 * fifth wrong one in a round locks the second factor, whoever asks and however.
 */
function checkSecondFactor(staff: StaffRow, code: string, now: number): SecondFactor {
  if (!staff.totpSecretEnc) return { ok: false, reason: "invalid" };
  const db = getDb();
  const key = addressKey(staff.email);
  const reservation = reserve(key, "code", MAX_CODE_FAILURES, now);
  if (reservation.outcome === "locked") {
    audit(db, { action: "second_factor_failed", staffId: staff.id, detail: { limited: true } }, now);
    return { ok: false, reason: "limited" };
  }
  let method: "totp" | "recovery_code" | null = null;
  if (looksLikeRecoveryCode(code)) {
    const used = db
      .update(schema.recoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(schema.recoveryCodes.staffId, staff.id),
          eq(schema.recoveryCodes.codeHash, hashRecoveryCode(code)),
          isNull(schema.recoveryCodes.usedAt),
        ),
      )
      .run();
    if (used.changes === 1) method = "recovery_code";
  } else {
    const step = totpStep(decrypt(staff.totpSecretEnc), code, now);
    if (step !== null && acceptTotpStep(staff.id, step)) method = "totp";
  }
  if (method) return { ok: true, method };
  audit(db, { action: "second_factor_failed", staffId: staff.id }, now);
  if (reservation.last) {
    auditLock(db, staff.id, "second_factor", reservation, now);
    return { ok: false, reason: "limited" };
  }
  return { ok: false, reason: "invalid" };
}

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

export function renewRecoveryCodes(staffId: number, now = Date.now()): string[] {
  return getDb().transaction((tx) => {
    const codes = storeRecoveryCodes(tx, staffId);
    audit(tx, { action: "recovery_codes_renewed", staffId }, now);
    return codes;
  });
}

export function unusedRecoveryCodeCount(staffId: number): number {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(schema.recoveryCodes)
      .where(and(eq(schema.recoveryCodes.staffId, staffId), isNull(schema.recoveryCodes.usedAt)))
      .get()?.n ?? 0
  );
}

// ---------------------------------------------------------------- the team (coordinators)

export function listTeam(db = getDb()) {
  const lastSeen = db
    .select({
      staffId: schema.staffSessions.staffId,
      at: sql<number>`max(${schema.staffSessions.lastSeenAt})`.as("at"),
    })
    .from(schema.staffSessions)
    .where(eq(schema.staffSessions.verified, true))
    .groupBy(schema.staffSessions.staffId)
    .as("last_seen");
  return db
    .select({
      id: schema.staff.id,
      name: schema.staff.name,
      email: schema.staff.email,
      role: schema.staff.role,
      active: schema.staff.active,
      hasSecondFactor: sql<number>`${schema.staff.totpSecretEnc} is not null`,
      createdAt: schema.staff.createdAt,
      lastSeenAt: lastSeen.at,
    })
    .from(schema.staff)
    .leftJoin(lastSeen, eq(lastSeen.staffId, schema.staff.id))
    .orderBy(desc(schema.staff.active), schema.staff.name)
    .all()
    .map((s) => ({ ...s, hasSecondFactor: Boolean(s.hasSecondFactor) }));
}

export function getStaffMember(id: number, db = getDb()) {
  return db
    .select({
      id: schema.staff.id,
      name: schema.staff.name,
      email: schema.staff.email,
      role: schema.staff.role,
      active: schema.staff.active,
      hasSecondFactor: sql<number>`${schema.staff.totpSecretEnc} is not null`,
    })
    .from(schema.staff)
    .where(eq(schema.staff.id, id))
    .get();
}

/** Everyone who ever had an account (names stay on timelines and in the log after deactivation). */
export function staffNames(db = getDb()) {
  return db.select({ id: schema.staff.id, name: schema.staff.name }).from(schema.staff).all();
}

/** Active staff for the "assign to" list. */
export function activeStaff(db = getDb()) {
  return db
    .select({ id: schema.staff.id, name: schema.staff.name })
    .from(schema.staff)
    .where(eq(schema.staff.active, true))
    .orderBy(schema.staff.name)
    .all();
}

export function openInvitations(now = Date.now(), db = getDb()) {
  return db
    .select({
      id: schema.accessTokens.id,
      role: schema.accessTokens.role,
      createdAt: schema.accessTokens.createdAt,
      expiresAt: schema.accessTokens.expiresAt,
      createdBy: schema.staff.name,
    })
    .from(schema.accessTokens)
    .leftJoin(schema.staff, eq(schema.staff.id, schema.accessTokens.createdBy))
    .where(
      and(
        eq(schema.accessTokens.purpose, "invite"),
        isNull(schema.accessTokens.usedAt),
        gt(schema.accessTokens.expiresAt, now),
      ),
    )
    .orderBy(desc(schema.accessTokens.createdAt))
    .all();
}

export function createInvitation(actorId: number, role: StaffRole, publicUrl: string, now = Date.now()) {
  return getDb().transaction((tx) => {
    const token = createAccessToken("invite", role, {
      ttlMs: INVITE_TTL_MS,
      createdBy: actorId,
      now,
      db: tx,
    });
    audit(tx, { action: "invitation_created", staffId: actorId, detail: { role } }, now);
    return { link: `${publicUrl}/medewerker/uitnodiging/${token}`, expiresAt: now + INVITE_TTL_MS };
  });
}

export function withdrawInvitation(actorId: number, invitationId: number, now = Date.now()): boolean {
  return getDb().transaction((tx) => {
    const res = tx
      .update(schema.accessTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(schema.accessTokens.id, invitationId),
          eq(schema.accessTokens.purpose, "invite"),
          isNull(schema.accessTokens.usedAt),
        ),
      )
      .run();
    if (res.changes === 1) {
      audit(
        tx,
        { action: "invitation_withdrawn", staffId: actorId, detail: { invitation: invitationId } },
        now,
      );
    }
    return res.changes === 1;
  });
}

export function changeRole(actorId: number, targetId: number, role: StaffRole, now = Date.now()): boolean {
  return getDb().transaction((tx) => {
    const target = tx.select().from(schema.staff).where(eq(schema.staff.id, targetId)).get();
    if (!target || target.role === role) return false;
    tx.update(schema.staff).set({ role }).where(eq(schema.staff.id, targetId)).run();
    audit(
      tx,
      { action: "role_changed", staffId: actorId, detail: { target: targetId, from: target.role, to: role } },
      now,
    );
    return true;
  });
}

/** Deactivating ends the person's sessions at once; reactivating lets them sign in again. */
export function setActive(actorId: number, targetId: number, active: boolean, now = Date.now()): boolean {
  return getDb().transaction((tx) => {
    const res = tx
      .update(schema.staff)
      .set({ active })
      .where(and(eq(schema.staff.id, targetId), eq(schema.staff.active, !active)))
      .returning({ email: schema.staff.email })
      .all();
    if (res.length !== 1) return false;
    forget(tx, addressKey(res[0]!.email));
    if (!active) revokeAllSessions(tx, targetId, now);
    audit(
      tx,
      {
        action: active ? "account_reactivated" : "account_deactivated",
        staffId: actorId,
        detail: { target: targetId },
      },
      now,
    );
    return true;
  });
}

/**
 * For a lost phone: removes the app and the recovery codes and ends the person's sessions. At their next
 * sign-in, after the password, they link a new app.
 */
export function resetSecondFactor(actorId: number, targetId: number, now = Date.now()): boolean {
  return getDb().transaction((tx) => {
    const res = tx
      .update(schema.staff)
      .set({ totpSecretEnc: null })
      .where(eq(schema.staff.id, targetId))
      .run();
    if (res.changes !== 1) return false;
    tx.delete(schema.recoveryCodes).where(eq(schema.recoveryCodes.staffId, targetId)).run();
    revokeAllSessions(tx, targetId, now);
    forgetTotpSteps(targetId);
    audit(tx, { action: "second_factor_reset", staffId: actorId, detail: { target: targetId } }, now);
    return true;
  });
}

// ---------------------------------------------------------------- passwords and recovery codes

export type PasswordCheck = { ok: true } | { ok: false; reason: "invalid" | "limited" };

/**
 * The current password of someone signed in (changing it, making new recovery codes). Counted on the
 * same per-address counter as sign-in, before argon2 runs: a taken-over session cannot guess the
 * password any faster than the sign-in page allows, and a lock here is the sign-in lock.
 */
async function checkCurrentPassword(staff: StaffRow, password: string, now: number): Promise<PasswordCheck> {
  const db = getDb();
  const key = addressKey(staff.email);
  const reservation = reserve(key, "password", MAX_FAILURES, now);
  if (reservation.outcome === "locked") {
    audit(db, { action: "password_check_failed", staffId: staff.id, detail: { limited: true } }, now);
    return { ok: false, reason: "limited" };
  }
  if (await verifyPassword(staff.passwordHash, password)) {
    succeeded(key, "password", now);
    return { ok: true };
  }
  audit(db, { action: "password_check_failed", staffId: staff.id }, now);
  if (reservation.last) {
    auditLock(db, staff.id, "password", reservation, now);
    return { ok: false, reason: "limited" };
  }
  return { ok: false, reason: "invalid" };
}

/** The failure that used up the last try locks the factor: logged once, with how long the lock lasts. */
function auditLock(
  db: DbOrTx,
  staffId: number | undefined,
  factor: "password" | "second_factor",
  reservation: { counter: { locks: number } },
  now: number,
) {
  const minutes = lockMs(reservation.counter.locks) / 60_000;
  audit(db, { action: "sign_in_locked", staffId, detail: { factor, minutes } }, now);
}

function staffRow(staffId: number): StaffRow | undefined {
  return getDb().select().from(schema.staff).where(eq(schema.staff.id, staffId)).get();
}

/**
 * Someone changes their own password: the current one first, then the new one is stored and every other
 * session of the account ends (a session someone else may hold is cut off); this one stays.
 */
export async function changeOwnPassword(
  me: { id: number; sessionIdHash: string },
  current: string,
  next: string,
  now = Date.now(),
): Promise<PasswordCheck> {
  const staff = staffRow(me.id);
  if (!staff || !staff.active) return { ok: false, reason: "invalid" };
  const check = await checkCurrentPassword(staff, current, now);
  if (!check.ok) return check;
  const passwordHash = await hashPassword(next);
  getDb().transaction((tx) => {
    tx.update(schema.staff).set({ passwordHash }).where(eq(schema.staff.id, me.id)).run();
    revokeOtherSessions(tx, me.id, me.sessionIdHash, now);
    audit(tx, { action: "password_changed", staffId: me.id }, now);
  });
  return { ok: true };
}

export type RenewResult =
  { ok: true; codes: string[] } | { ok: false; field: "password" | "code"; reason: "invalid" | "limited" };

/**
 * New recovery codes only with the password and a code from the app (or a recovery code) now: a session
 * left open on someone's desk does not give away a fresh way in.
 */
export async function renewRecoveryCodesChecked(
  staffId: number,
  password: string,
  code: string,
  now = Date.now(),
): Promise<RenewResult> {
  const staff = staffRow(staffId);
  if (!staff || !staff.active) return { ok: false, field: "password", reason: "invalid" };
  const check = await checkCurrentPassword(staff, password, now);
  if (!check.ok) return { ok: false, field: "password", reason: check.reason };
  const second = checkSecondFactor(staff, code, now);
  if (!second.ok) return { ok: false, field: "code", reason: second.reason };
  if (second.method === "recovery_code") audit(getDb(), { action: "recovery_code_used", staffId }, now);
  return { ok: true, codes: renewRecoveryCodes(staffId, now) };
}

/**
 * A coordinator makes a password reset link for a colleague (an active account, never their own). Any
 * earlier unused link for that account stops working, so only the newest one is out there.
 */
export function createPasswordResetLink(
  actorId: number,
  targetId: number,
  publicUrl: string,
  now = Date.now(),
): { link: string; expiresAt: number } | null {
  return getDb().transaction((tx) => {
    const target = tx.select().from(schema.staff).where(eq(schema.staff.id, targetId)).get();
    if (!target || !target.active || targetId === actorId) return null;
    tx.update(schema.accessTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(schema.accessTokens.purpose, "password_reset"),
          eq(schema.accessTokens.forStaffId, targetId),
          isNull(schema.accessTokens.usedAt),
        ),
      )
      .run();
    const token = createAccessToken("password_reset", target.role, {
      ttlMs: PASSWORD_RESET_TTL_MS,
      createdBy: actorId,
      forStaffId: targetId,
      now,
      db: tx,
    });
    audit(tx, { action: "password_reset_link_created", staffId: actorId, detail: { target: targetId } }, now);
    return {
      link: `${publicUrl}/medewerker/wachtwoord-herstellen/${token}`,
      expiresAt: now + PASSWORD_RESET_TTL_MS,
    };
  });
}

/** Whose password a reset link is for, while it works (unused, not expired, account active). */
export function findPasswordResetLink(token: string, now = Date.now()) {
  const link = findValidAccessToken(token, "password_reset", now);
  if (!link?.forStaffId) return undefined;
  const target = staffRow(link.forStaffId);
  return target?.active ? { staffId: target.id, name: target.name, email: target.email } : undefined;
}

/**
 * Sets a new password from a reset link: the link is used up in the same transaction (two tabs cannot
 * both use it) and every session of the account ends. The second factor stays, so the link alone does
 * not open the account.
 */
export async function resetPasswordWithLink(
  token: string,
  password: string,
  now = Date.now(),
): Promise<{ ok: true; staffId: number } | { ok: false }> {
  if (!findPasswordResetLink(token, now)) return { ok: false };
  const passwordHash = await hashPassword(password);
  return getDb().transaction((tx) => {
    const link = findValidAccessToken(token, "password_reset", now, tx);
    const target = link?.forStaffId
      ? tx.select().from(schema.staff).where(eq(schema.staff.id, link.forStaffId)).get()
      : undefined;
    if (!link || !target?.active || !consumeAccessToken(token, "password_reset", now, tx)) {
      return { ok: false as const };
    }
    tx.update(schema.staff).set({ passwordHash }).where(eq(schema.staff.id, target.id)).run();
    revokeAllSessions(tx, target.id, now);
    audit(
      tx,
      { action: "password_reset", staffId: target.id, detail: { via: "link", by: link.createdBy } },
      now,
    );
    return { ok: true as const, staffId: target.id };
  });
}
