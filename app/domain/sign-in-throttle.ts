/**
 * Slowing down staff sign-in guessing (docs/decisions/019). Attempts are counted per email address typed,
 * whether or not an account has it, and *reserved before* the password or code is checked, so requests
 * sent at the same moment cannot all slip under the limit while argon2 is busy. Password attempts and
 * second-factor attempts have counters of their own: a correct password must not give new code guesses.
 * Pure: the caller stores the counters (sign_in_throttle).
 */

/** Password attempts in a round; the last one of the round starts a lock. */
export const MAX_FAILURES = 10;
/** Second-factor attempts (app codes and recovery codes alike) in a round. */
export const MAX_CODE_FAILURES = 5;
/** The first lock; each lock in a row lasts twice as long, up to MAX_LOCK_MS. */
export const FIRST_LOCK_MS = 15 * 60_000;
export const MAX_LOCK_MS = 24 * 60 * 60_000;
/** Counters untouched this long (and not locked) are forgotten, and the lock length with them. */
export const FORGET_AFTER_MS = 7 * 24 * 60 * 60_000;
/** Every answer while locked takes this long, whatever was checked, so its timing tells nothing. */
export const LOCKED_ANSWER_MS = 1_000;

const FREE_FAILURES = 2;
const MAX_DELAY_MS = 8_000;

/** How long to wait before answering a wrong password, given the attempt number in the round. */
export function failureDelayMs(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_FAILURES - 1), MAX_DELAY_MS);
}

/** The length of lock number `locks` in a row: 15 min, 30 min, 1 h, … up to a day. */
export function lockMs(locks: number): number {
  return Math.min(FIRST_LOCK_MS * 2 ** Math.max(0, locks - 1), MAX_LOCK_MS);
}

export type Counter = { failures: number; lockedUntil: number | null; locks: number };
export const freshCounter: Counter = { failures: 0, lockedUntil: null, locks: 0 };

export function isLocked(counter: Counter, now: number): boolean {
  return counter.lockedUntil !== null && counter.lockedUntil > now;
}

export type Reservation =
  | { outcome: "locked"; counter: Counter }
  | { outcome: "try"; attempt: number; last: boolean; counter: Counter };

/**
 * Before checking a password or code: either the address is locked (nothing is checked; the attempt is
 * still counted, without making the lock longer), or this is attempt `attempt` of the round. The last
 * attempt of a round starts the lock at once, so no request running alongside it gets another try; a
 * success lifts it again.
 */
export function reserveAttempt(counter: Counter, max: number, now: number): Reservation {
  if (isLocked(counter, now)) {
    return { outcome: "locked", counter: { ...counter, failures: counter.failures + 1 } };
  }
  // A round only reaches `max` together with a lock: at or past it, that lock has run out, and a lock
  // that has run out starts a fresh count (one more wrong try must not lock again).
  const attempt = (counter.failures >= max ? 0 : counter.failures) + 1;
  if (attempt < max) {
    return { outcome: "try", attempt, last: false, counter: { ...counter, failures: attempt } };
  }
  const locks = counter.locks + 1;
  return {
    outcome: "try",
    attempt,
    last: true,
    counter: { failures: attempt, lockedUntil: now + lockMs(locks), locks },
  };
}

/**
 * After the right password or code: the round starts again and its lock (if this was its last attempt)
 * is lifted. The lock length is kept, so a guesser still meets ever longer locks.
 */
export function afterSuccess(counter: Counter): Counter {
  return { failures: 0, lockedUntil: null, locks: counter.locks };
}
