/**
 * The reporter's session on /volgen. The cookie holds only a random token; the database keeps its sha256,
 * the case it opens and when it was made and last used (follow_sessions, ADR 017), so a restart signs
 * nobody out. The session ends after 30 minutes without a request (or "I'm still here"), after 8 hours in
 * any case, on "sign out", on erasure (erasure.server.ts deletes the rows) and at the quick exit (/weg).
 * An ended row opens nothing, but it still knows its case, so a message sent just after the end can be
 * kept for signing in again (ADR 029); it is deleted when a page request sees it, or by the hourly
 * retention job a day after the end. See docs/decisions/007, 017 and 029.
 */
import type Database from "better-sqlite3";
import { FOLLOW_IDLE_MS, FOLLOW_MAX_MS, UNSENT_TTL_MS } from "~/domain/lifetimes";
import { decryptJson, encryptJson, randomToken, sha256 } from "./crypto.server";
import { getDb, type Db } from "./db.server";
import { readCookie, setCookieHeader } from "~/http/cookies.server";
import { FOLLOW_COOKIE, onReporterSessionEnd } from "./reporter-session.server";
import { forgetUnsent } from "./unsent.server";

export const IDLE_MS = FOLLOW_IDLE_MS;
export const MAX_AGE_MS = FOLLOW_MAX_MS;
/** An ended row is kept this long, for a message sent after the end (unsent.server.ts). */
const KEEP_ENDED_MS = UNSENT_TTL_MS;
/** last_seen_at is written at most this often: a page and its data requests cost one read, not a write. */
const TOUCH_MS = 60_000;

export type FollowSession = { caseId: number; endsAt: number };
type Row = { caseId: number; createdAt: number; lastSeenAt: number };

type Statements = {
  find: Database.Statement;
  insert: Database.Statement;
  touch: Database.Statement;
  remove: Database.Statement;
  sweep: Database.Statement;
  unsaved: Database.Statement;
  keep: Database.Statement;
};
const prepared = new WeakMap<Database.Database, Statements>();

function statements(db: Db): Statements {
  const sqlite = db.$client;
  let s = prepared.get(sqlite);
  if (!s) {
    s = {
      find: sqlite.prepare(
        "SELECT case_id AS caseId, created_at AS createdAt, last_seen_at AS lastSeenAt FROM follow_sessions WHERE id_hash = ?",
      ),
      insert: sqlite.prepare(
        "INSERT INTO follow_sessions (id_hash, case_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
      ),
      touch: sqlite.prepare("UPDATE follow_sessions SET last_seen_at = ? WHERE id_hash = ?"),
      remove: sqlite.prepare("DELETE FROM follow_sessions WHERE id_hash = ?"),
      sweep: sqlite.prepare("DELETE FROM follow_sessions WHERE last_seen_at <= ? OR created_at <= ?"),
      unsaved: sqlite.prepare("SELECT unsaved_enc AS enc FROM follow_sessions WHERE id_hash = ?"),
      keep: sqlite.prepare("UPDATE follow_sessions SET unsaved_enc = ? WHERE id_hash = ?"),
    };
    prepared.set(sqlite, s);
  }
  return s;
}

function cookieHeader(value: string, maxAge?: number): string {
  // No Max-Age: a browser session cookie. Strict: no other site can make the browser send it.
  return setCookieHeader(FOLLOW_COOKIE, value, { sameSite: "Strict", maxAge });
}

const endOf = (s: Row) => Math.min(s.lastSeenAt + IDLE_MS, s.createdAt + MAX_AGE_MS);
const expired = (s: Row, now: number) => now > endOf(s);

function keyOf(request: Request): string | undefined {
  const token = readCookie(request, FOLLOW_COOKIE);
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? sha256(token) : undefined;
}

/** Deletes the sessions that have ended (the retention job). */
export function sweepFollowSessions(db: Db = getDb(), now = Date.now()): number {
  return statements(db).sweep.run(now - IDLE_MS - KEEP_ENDED_MS, now - MAX_AGE_MS - KEEP_ENDED_MS).changes;
}

/** Starts a session for a case (after a correct sign-in); any session the browser had ends first. */
export function startFollowSession(request: Request, caseId: number, now = Date.now(), db = getDb()): string {
  endFollowSession(request, db);
  const token = randomToken(32);
  statements(db).insert.run(sha256(token), caseId, now, now);
  return cookieHeader(token);
}

export type SessionLookup =
  | { state: "active"; session: FollowSession }
  // The browser had a session that has ended; `caseId` while its row is still known (seen once).
  | { state: "expired"; caseId?: number }
  | { state: "none" };

/** The session of this request, kept alive by the request; or why there is none. */
export function lookupFollowSession(
  request: Request,
  now = Date.now(),
  db = getDb(),
  opts: { forgetEnded?: boolean } = {},
): SessionLookup {
  const key = keyOf(request);
  if (!key) return readCookie(request, FOLLOW_COOKIE) ? { state: "expired" } : { state: "none" };
  const s = statements(db);
  const row = s.find.get(key) as Row | undefined;
  if (!row) return { state: "expired" };
  if (expired(row, now)) {
    if (opts.forgetEnded !== false) s.remove.run(key);
    return { state: "expired", caseId: row.caseId };
  }
  const lastSeenAt = now - row.lastSeenAt >= TOUCH_MS ? now : row.lastSeenAt;
  if (lastSeenAt !== row.lastSeenAt) s.touch.run(now, key);
  return { state: "active", session: { caseId: row.caseId, endsAt: endOf({ ...row, lastSeenAt }) } };
}

/**
 * How long this browser's session still lasts, without using it up or ending it: the page's timer asks
 * before it warns, since another tab may have kept the session alive. null when it has ended.
 */
export function followSessionEndsInMs(request: Request, now = Date.now(), db = getDb()): number | null {
  const key = keyOf(request);
  const row = key ? (statements(db).find.get(key) as Row | undefined) : undefined;
  return row && !expired(row, now) ? endOf(row) - now : null;
}

/** "I'm still here": the session counts as used now. Returns how long it lasts, or null when it has ended. */
export function extendFollowSession(request: Request, now = Date.now(), db = getDb()): number | null {
  const key = keyOf(request);
  const s = statements(db);
  const row = key ? (s.find.get(key) as Row | undefined) : undefined;
  if (!key || !row || expired(row, now)) return null;
  s.touch.run(now, key);
  return endOf({ ...row, lastSeenAt: now }) - now;
}

/** What a /volgen form held when the language was switched: as typed, unchecked (ADR 023). */
export type UnsavedForm = { form: string; values: Record<string, string> };

/** Keeps (or, with null, forgets) what a form of this session held, encrypted in the session's row. */
export function keepUnsavedForm(request: Request, unsaved: UnsavedForm | null, db = getDb()): void {
  const key = keyOf(request);
  if (key) statements(db).keep.run(unsaved ? encryptJson(unsaved) : null, key);
}

/** The values a form held when the language was switched, or null. */
export function unsavedFormValues(
  request: Request,
  form: string,
  db = getDb(),
): Record<string, string> | null {
  const key = keyOf(request);
  const row = key ? (statements(db).unsaved.get(key) as { enc: string | null } | undefined) : undefined;
  const unsaved = row?.enc ? decryptJson<UnsavedForm>(row.enc) : null;
  return unsaved?.form === form ? unsaved.values : null;
}

/** Ends this browser's session. Returns the Set-Cookie header that removes the cookie. */
export function endFollowSession(request: Request, db = getDb()): string {
  const key = keyOf(request);
  if (key) statements(db).remove.run(key);
  return cookieHeader("", 0);
}

/**
 * Signing out and the quick exit: the session ends, and a text kept for signing in again (ADR 029) goes
 * too — the person chose to leave, and whoever comes next must not find it.
 */
export function leaveFollowSession(request: Request, db = getDb()): string {
  const key = keyOf(request);
  const row = key ? (statements(db).find.get(key) as Row | undefined) : undefined;
  if (row) forgetUnsent(row.caseId, db);
  return endFollowSession(request, db);
}

/** The quick exit ends the session on the server too, not only the cookie in the browser. */
onReporterSessionEnd((request) => {
  leaveFollowSession(request);
});
