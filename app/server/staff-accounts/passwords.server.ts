/**
 * Passwords: checking the current one of someone signed in (on the sign-in counters), changing one's
 * own, and a coordinator's reset link for a colleague, used up when the new password is set.
 */
import { and, eq, isNull } from "drizzle-orm";
import { MAX_FAILURES } from "~/domain/sign-in-throttle";
import {
  PASSWORD_RESET_TTL_MS,
  consumeAccessToken,
  createAccessToken,
  findValidAccessToken,
} from "../access-tokens.server";
import { audit } from "../audit.server";
import { getDb, schema } from "../db.server";
import { addressKey, reserve, succeeded } from "../sign-in-throttle.server";
import { hashPassword, verifyPassword } from "../staff-auth.server";
import { revokeAllSessions, revokeOtherSessions } from "../staff-session.server";
import { auditLock, type StaffRow } from "./second-factor.server";

export type PasswordCheck = { ok: true } | { ok: false; reason: "invalid" | "limited" };

/**
 * The current password of someone signed in (changing it, making new recovery codes). Counted on the
 * same per-address counter as sign-in, before argon2 runs: a taken-over session cannot guess the
 * password any faster than the sign-in page allows, and a lock here is the sign-in lock.
 */
export async function checkCurrentPassword(
  staff: StaffRow,
  password: string,
  now: number,
): Promise<PasswordCheck> {
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

export function staffRow(staffId: number): StaffRow | undefined {
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
