import { describe, expect, it } from "vitest";
import {
  afterSuccess,
  failureDelayMs,
  FIRST_LOCK_MS,
  freshCounter,
  isLocked,
  lockMs,
  MAX_FAILURES,
  MAX_LOCK_MS,
  reserveAttempt,
  type Counter,
} from "./sign-in-throttle";

/** Reserves `n` attempts at `now`, as n requests would. */
function reserveMany(counter: Counter, n: number, now: number) {
  const outcomes: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = reserveAttempt(counter, MAX_FAILURES, now);
    outcomes.push(r.outcome);
    counter = r.counter;
  }
  return { counter, outcomes };
}

describe("sign-in throttle", () => {
  it("does not slow down a typo or two", () => {
    expect(failureDelayMs(0)).toBe(0);
    expect(failureDelayMs(2)).toBe(0);
  });

  it("doubles the delay after that, up to 8 seconds", () => {
    expect([3, 4, 5, 6, 7, 20].map(failureDelayMs)).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it("lets only the limit through, counts every attempt, and locks from the last one of the round", () => {
    const { counter, outcomes } = reserveMany(freshCounter, 40, 0);
    expect(outcomes.filter((o) => o === "try")).toHaveLength(MAX_FAILURES);
    expect(counter.failures).toBe(40);
    expect(counter.lockedUntil).toBe(FIRST_LOCK_MS);
  });

  it("does not make a lock longer for tries while locked", () => {
    const locked = reserveMany(freshCounter, MAX_FAILURES, 0).counter;
    expect(reserveMany(locked, 5, 60_000).counter.lockedUntil).toBe(locked.lockedUntil);
  });

  it("starts a fresh count when the lock runs out: one wrong try does not lock again", () => {
    const locked = reserveMany(freshCounter, MAX_FAILURES, 0).counter;
    const after = reserveAttempt(locked, MAX_FAILURES, FIRST_LOCK_MS);
    expect(after).toMatchObject({ outcome: "try", attempt: 1, last: false });
    expect(isLocked(after.counter, FIRST_LOCK_MS + 1)).toBe(false);
  });

  it("makes each lock in a row twice as long, up to a day", () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(lockMs)).toEqual(
      [1, 2, 4, 8, 64, 96, 96].map((quarters) => Math.min(quarters * FIRST_LOCK_MS, MAX_LOCK_MS)),
    );
    let counter = freshCounter;
    let now = 0;
    const lengths: number[] = [];
    for (let round = 0; round < 3; round++) {
      counter = reserveMany(counter, MAX_FAILURES, now).counter;
      lengths.push(counter.lockedUntil! - now);
      now = counter.lockedUntil!;
    }
    expect(lengths).toEqual([FIRST_LOCK_MS, 2 * FIRST_LOCK_MS, 4 * FIRST_LOCK_MS]);
  });

  it("lifts the lock of a round whose last attempt was right, keeping the lock length", () => {
    const locked = reserveMany(freshCounter, MAX_FAILURES, 0).counter;
    expect(afterSuccess(locked)).toEqual({ failures: 0, lockedUntil: null, locks: 1 });
  });
});
