/**
 * Staff sessions: a random token in the httpOnly cookie `ap_staff` (path /medewerker only), its sha256 in
 * staff_sessions, so sessions can be listed and revoked and a stolen database holds no usable token.
 * A session starts unverified after the password and a new one replaces it after the second factor (no
 * session fixation). requireStaff guards every staff loader and action.
 */
import { json, redirect } from "@remix-run/node";
import { and, eq, isNull, ne } from "drizzle-orm";
import { can, type Permission } from "~/domain/roles";
import {
  cookieMaxAgeSeconds,
  returnPathOf,
  safeStaffPath,
  sessionEndsAt,
  sessionState,
  shouldTouch,
  type SessionState,
} from "~/domain/staff-session";
import { randomToken, sha256 } from "./crypto.server";
import { getDb, schema } from "./db.server";
import { clearCookieHeader, readCookie, setCookieHeader } from "~/http/cookies.server";
import type { DbOrTx } from "./tx.server";
import type { StaffRole } from "../../db/schema";

export const STAFF_COOKIE = "ap_staff";
const COOKIE_PATH = "/medewerker";

export type StaffUser = {
  id: number;
  name: string;
  email: string;
  role: StaffRole;
  sessionIdHash: string;
};

export function sessionCookie(token: string, maxAgeSeconds: number): string {
  return setCookieHeader(STAFF_COOKIE, token, { path: COOKIE_PATH, maxAge: maxAgeSeconds });
}

export function clearSessionCookie(): string {
  return clearCookieHeader(STAFF_COOKIE, { path: COOKIE_PATH });
}

/** Starts a session and returns its Set-Cookie header. */
export function startSession(db: DbOrTx, staffId: number, verified: boolean, now = Date.now()): string {
  const token = randomToken(32);
  db.insert(schema.staffSessions)
    .values({ idHash: sha256(token), staffId, verified, createdAt: now, lastSeenAt: now })
    .run();
  return sessionCookie(token, cookieMaxAgeSeconds({ verified, createdAt: now }, now));
}

export function revokeSession(db: DbOrTx, idHash: string, now = Date.now()) {
  db.update(schema.staffSessions)
    .set({ revokedAt: now })
    .where(and(eq(schema.staffSessions.idHash, idHash), isNull(schema.staffSessions.revokedAt)))
    .run();
}

/** Ends every session of an account at once (deactivation, second-factor reset). */
export function revokeAllSessions(db: DbOrTx, staffId: number, now = Date.now()) {
  db.update(schema.staffSessions)
    .set({ revokedAt: now })
    .where(and(eq(schema.staffSessions.staffId, staffId), isNull(schema.staffSessions.revokedAt)))
    .run();
}

/** Ends every session of an account but the one in use (after a password change). */
export function revokeOtherSessions(db: DbOrTx, staffId: number, keepIdHash: string, now = Date.now()) {
  db.update(schema.staffSessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(schema.staffSessions.staffId, staffId),
        isNull(schema.staffSessions.revokedAt),
        ne(schema.staffSessions.idHash, keepIdHash),
      ),
    )
    .run();
}

type Found = {
  state: SessionState;
  session: typeof schema.staffSessions.$inferSelect;
  staff: typeof schema.staff.$inferSelect;
};

function findSession(request: Request, now: number, db = getDb()): Found | null {
  const token = readCookie(request, STAFF_COOKIE, COOKIE_PATH);
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = db
    .select({ session: schema.staffSessions, staff: schema.staff })
    .from(schema.staffSessions)
    .innerJoin(schema.staff, eq(schema.staff.id, schema.staffSessions.staffId))
    .where(eq(schema.staffSessions.idHash, sha256(token)))
    .get();
  if (!row) return null;
  // A deactivated account has no valid session, whatever its row says.
  const state: SessionState = row.staff.active ? sessionState(row.session, now) : "revoked";
  return { state, ...row };
}

/**
 * The sign-in page, with the page to come back to afterwards (also after a form post: its page) and why.
 * `kept`: the session had ended and what was typed is kept for signing in again (ADR 038).
 */
export function signInUrl(request: Request, reason?: "idle" | "ended" | "kept"): string {
  const params = new URLSearchParams();
  const url = new URL(request.url);
  // From the code page (second step, timed out), the page the first step was going back to.
  const back = url.pathname.startsWith("/medewerker/inloggen")
    ? safeStaffPath(url.searchParams.get("volgende"))
    : returnPathOf(url);
  params.set("volgende", back);
  if (reason) params.set("reden", reason);
  const q = params.toString();
  return `/medewerker/inloggen${q ? `?${q}` : ""}`;
}

function toUser(f: Found): StaffUser {
  return {
    id: f.staff.id,
    name: f.staff.name,
    email: f.staff.email,
    role: f.staff.role,
    sessionIdHash: f.session.idHash,
  };
}

/**
 * The signed-in staff member, or a redirect to sign-in (no or ended session) or a 403 (role lacks the
 * permission). Moves lastSeenAt forward, at most once a minute.
 */
export function requireStaff(
  request: Request,
  opts: { permission?: Permission; now?: number } = {},
): StaffUser {
  const now = opts.now ?? Date.now();
  const db = getDb();
  const found = findSession(request, now, db);
  if (!found) throw redirect(signInUrl(request), { headers: { "Set-Cookie": clearSessionCookie() } });
  if (found.state !== "active") {
    const reason = found.state === "idle" || found.state === "expired" ? "idle" : "ended";
    throw redirect(signInUrl(request, found.state === "pending" ? undefined : reason), {
      headers: { "Set-Cookie": clearSessionCookie() },
    });
  }
  if (!can(found.staff.role, opts.permission ?? "cases.read")) {
    throw json({ reason: "forbidden" }, { status: 403 });
  }
  if (shouldTouch(found.session.lastSeenAt, now)) {
    db.update(schema.staffSessions)
      .set({ lastSeenAt: now })
      .where(eq(schema.staffSessions.idHash, found.session.idHash))
      .run();
  }
  return toUser(found);
}

/** For the frame: who is signed in, without redirecting or touching the session. */
export function optionalStaff(request: Request, now = Date.now()): StaffUser | null {
  const found = findSession(request, now);
  return found?.state === "active" ? toUser(found) : null;
}

/** The half-finished sign-in (password given, code not yet), or a redirect to start again. */
export function requirePendingSession(request: Request, now = Date.now()) {
  const found = findSession(request, now);
  if (!found || found.state !== "pending") {
    throw redirect(signInUrl(request), { headers: { "Set-Cookie": clearSessionCookie() } });
  }
  return { idHash: found.session.idHash, staff: found.staff };
}

/** The session's hash when the request carries any session at all (for sign-out). */
export function sessionOf(request: Request, now = Date.now()) {
  const found = findSession(request, now);
  return found ? { idHash: found.session.idHash, staffId: found.staff.id } : null;
}

/**
 * Who had a session that ended by itself (idle, or at its 12 hours) — not one that was signed out,
 * revoked or belongs to a deactivated account. Only to keep what they typed for signing in again.
 */
export function endedSessionStaffId(request: Request, now = Date.now()): number | null {
  const found = findSession(request, now);
  return found && found.staff.active && (found.state === "idle" || found.state === "expired")
    ? found.staff.id
    : null;
}

/** How long the active session still lasts if nothing happens (the staff frame's timer, ADR 038). */
export function staffSessionEndsInMs(user: StaffUser, now = Date.now(), db = getDb()): number {
  const s = db
    .select()
    .from(schema.staffSessions)
    .where(eq(schema.staffSessions.idHash, user.sessionIdHash))
    .get();
  return s ? sessionEndsAt(s) - now : 0;
}

/**
 * The timer's question "how long still?" must not count as use, or an open tab would never idle: the
 * session without touching it, or a redirect to sign-in. That redirect keeps the cookie, so a form the
 * timer then sends with typed text can still be kept for its owner.
 */
export function requireStaffUntouched(request: Request, now = Date.now()): StaffUser {
  const found = findSession(request, now);
  if (found?.state !== "active") throw redirect(signInUrl(request));
  return toUser(found);
}

/** "Keep working" and typing in a form: the session counts as used now. */
export function touchSession(user: StaffUser, now = Date.now(), db = getDb()) {
  db.update(schema.staffSessions)
    .set({ lastSeenAt: now })
    .where(eq(schema.staffSessions.idHash, user.sessionIdHash))
    .run();
}
