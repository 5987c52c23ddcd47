/**
 * The reporter's session on /volgen. The cookie holds only a random token; the server keeps, in memory,
 * which case it opens and when it was last used. Memory rather than the database because nothing about a
 * reporter's visit should outlive it: a restart signs everyone out, which costs them one sign-in. The
 * session ends after 30 minutes without a request, after 8 hours in any case, on "sign out", on erasure
 * and at the quick exit (/weg). See docs/decisions/006-following-a-case.md.
 */
import { getEnv } from "~/config/env.server";
import { randomToken, sha256 } from "./crypto.server";
import { FOLLOW_COOKIE, onReporterSessionEnd, readCookie } from "./reporter-session.server";

export const IDLE_MS = 30 * 60_000;
export const MAX_AGE_MS = 8 * 60 * 60_000;
const MAX_SESSIONS = 50_000;

type Session = { caseId: number; createdAt: number; lastSeenAt: number };
const sessions = new Map<string, Session>();

export type FollowSession = { caseId: number };

function cookieHeader(value: string, maxAge?: number): string {
  const secure = getEnv().PUBLIC_URL.startsWith("https://") ? "; Secure" : "";
  // No Max-Age: a browser session cookie. Strict: no other site can make the browser send it.
  return `${FOLLOW_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict${secure}${maxAge === undefined ? "" : `; Max-Age=${maxAge}`}`;
}

function expired(s: Session, now: number): boolean {
  return now - s.lastSeenAt > IDLE_MS || now - s.createdAt > MAX_AGE_MS;
}

function sweep(now: number) {
  for (const [k, s] of sessions) if (expired(s, now)) sessions.delete(k);
}

function keyOf(request: Request): string | undefined {
  const token = readCookie(request, FOLLOW_COOKIE);
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? sha256(token) : undefined;
}

/** Starts a session for a case (after a correct sign-in); any session the browser had ends first. */
export function startFollowSession(request: Request, caseId: number, now = Date.now()): string {
  endFollowSession(request);
  if (sessions.size >= MAX_SESSIONS) sweep(now);
  const token = randomToken(32);
  sessions.set(sha256(token), { caseId, createdAt: now, lastSeenAt: now });
  return cookieHeader(token);
}

export type SessionLookup =
  | { state: "active"; session: FollowSession }
  | { state: "expired" } // the browser had a session that has ended
  | { state: "none" };

/** The session of this request, kept alive by the request; or why there is none. */
export function lookupFollowSession(request: Request, now = Date.now()): SessionLookup {
  const key = keyOf(request);
  if (!key) return readCookie(request, FOLLOW_COOKIE) ? { state: "expired" } : { state: "none" };
  const s = sessions.get(key);
  if (!s || expired(s, now)) {
    sessions.delete(key);
    return { state: "expired" };
  }
  s.lastSeenAt = now;
  return { state: "active", session: { caseId: s.caseId } };
}

/** Ends this browser's session. Returns the Set-Cookie header that removes the cookie. */
export function endFollowSession(request: Request): string {
  const key = keyOf(request);
  if (key) sessions.delete(key);
  return cookieHeader("", 0);
}

/** Ends every session of a case (after erasure nobody may stay in it). */
export function endSessionsOfCase(caseId: number) {
  for (const [k, s] of sessions) if (s.caseId === caseId) sessions.delete(k);
}

/** The quick exit ends the session on the server too, not only the cookie in the browser. */
onReporterSessionEnd((request) => {
  endFollowSession(request);
});
