/**
 * The team, for coordinators: who has an account and when they were last seen, invitations, roles,
 * (de)activating an account and resetting a lost second factor; and the staff names other pages show.
 */
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { StaffRole } from "../../../db/schema";
import { createAccessToken, INVITE_TTL_MS } from "../access-tokens.server";
import { audit } from "../audit.server";
import { getDb, schema } from "../db.server";
import { addressKey, forget } from "../sign-in-throttle.server";
import { forgetTotpSteps } from "../staff-auth.server";
import { revokeAllSessions } from "../staff-session.server";

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
