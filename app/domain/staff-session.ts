/**
 * When a staff session ends. Pure: the caller passes the clock.
 * - pending: the password was right, the second factor not yet given (short-lived).
 * - idle: no request for 30 minutes. expired: 12 hours after sign-in, whatever the activity.
 */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** Time to type the code from the authenticator app after the password. */
export const PENDING_TIMEOUT_MS = 10 * 60 * 1000;
/** lastSeenAt is written at most this often, so reading pages does not turn into a write per request. */
export const TOUCH_INTERVAL_MS = 60 * 1000;
/**
 * Text typed on a case page and sent after the session had ended is kept this long for signing in again
 * (ADR 038): the rest of a working day, for someone called away to a meeting or lunch.
 */
export const STAFF_UNSENT_TTL_MS = 8 * 60 * 60 * 1000;

export type SessionTimes = {
  verified: boolean;
  createdAt: number;
  lastSeenAt: number;
  revokedAt: number | null;
};

export type SessionState = "active" | "pending" | "revoked" | "idle" | "expired";

export function sessionState(s: SessionTimes, now: number): SessionState {
  if (s.revokedAt != null) return "revoked";
  if (!s.verified) return now - s.createdAt > PENDING_TIMEOUT_MS ? "expired" : "pending";
  if (now - s.createdAt > ABSOLUTE_TIMEOUT_MS) return "expired";
  if (now - s.lastSeenAt > IDLE_TIMEOUT_MS) return "idle";
  return "active";
}

/** When a verified session ends if nothing happens: idle, or at its absolute limit, whichever is first. */
export function sessionEndsAt(s: Pick<SessionTimes, "createdAt" | "lastSeenAt">): number {
  return Math.min(s.lastSeenAt + IDLE_TIMEOUT_MS, s.createdAt + ABSOLUTE_TIMEOUT_MS);
}

/** Whether this request should move lastSeenAt forward. */
export function shouldTouch(lastSeenAt: number, now: number): boolean {
  return now - lastSeenAt >= TOUCH_INTERVAL_MS;
}

/** Cookie lifetime in seconds: never beyond the absolute limit of the session. */
export function cookieMaxAgeSeconds(s: Pick<SessionTimes, "verified" | "createdAt">, now: number): number {
  const end = s.createdAt + (s.verified ? ABSOLUTE_TIMEOUT_MS : PENDING_TIMEOUT_MS);
  return Math.max(0, Math.floor((end - now) / 1000));
}

/**
 * Where to go after signing in: only a staff page of this site (an open redirect would let a phishing
 * link borrow our address).
 */
export function safeStaffPath(value: string | null | undefined): string {
  if (!value) return "/medewerker";
  if (!/^\/medewerker(?:[/?#]|$)/.test(value) || value.includes("//") || value.includes("\\")) {
    return "/medewerker";
  }
  if (/^\/medewerker\/(?:inloggen|uitloggen|setup|uitnodiging)/.test(value)) return "/medewerker";
  return value;
}

/**
 * The page to come back to after signing in again, from the request that found the session ended. A form
 * post comes back to its page (the case page of a note), not to the action: Remix's own `index` and
 * `_data` parameters are left out.
 */
export function returnPathOf(url: URL): string {
  const params = new URLSearchParams(url.search);
  params.delete("index");
  params.delete("_data");
  params.delete("_routes");
  const q = params.toString();
  return safeStaffPath(`${url.pathname}${q ? `?${q}` : ""}`);
}
