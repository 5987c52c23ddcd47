/**
 * Per-code lockout for following a case: after MAX_FAILED_LOOKUPS wrong passphrases a code is locked for
 * LOCK_MS, whatever the client. An attempt is counted *before* the passphrase is checked (a reservation),
 * so many requests at the same moment cannot all slip under the limit while argon2 is busy. Pure: the
 * caller stores the counter (cases.failedLookups / cases.lockedUntil). See docs/decisions/006.
 */
export const MAX_FAILED_LOOKUPS = 10;
export const LOCK_MS = 60 * 60_000;

export type LookupCounter = { failedLookups: number; lockedUntil: number | null };

export type Reservation =
  { outcome: "locked"; counter: LookupCounter } | { outcome: "try"; attempt: number; counter: LookupCounter };

export function isLocked(counter: LookupCounter, now: number): boolean {
  return counter.lockedUntil !== null && counter.lockedUntil > now;
}

/** Before checking a passphrase: either the code is locked, or this is attempt number `attempt`. */
export function reserveAttempt(counter: LookupCounter, now: number): Reservation {
  if (isLocked(counter, now)) return { outcome: "locked", counter };
  // A lock that has run out starts a fresh count.
  const before = counter.lockedUntil !== null ? 0 : counter.failedLookups;
  const attempt = before + 1;
  if (attempt > MAX_FAILED_LOOKUPS) {
    return { outcome: "locked", counter: { failedLookups: 0, lockedUntil: now + LOCK_MS } };
  }
  return { outcome: "try", attempt, counter: { failedLookups: attempt, lockedUntil: null } };
}

/** After a wrong passphrase on attempt `attempt`: the tenth locks the code. */
export function afterFailure(attempt: number, now: number): LookupCounter | null {
  return attempt >= MAX_FAILED_LOOKUPS ? { failedLookups: 0, lockedUntil: now + LOCK_MS } : null;
}

/** After the right passphrase: the count starts again. */
export const afterSuccess: LookupCounter = { failedLookups: 0, lockedUntil: null };
