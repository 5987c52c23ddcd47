import { describe, expect, it } from "vitest";
import {
  afterFailure,
  afterSuccess,
  LOCK_MS,
  MAX_FAILED_LOOKUPS,
  reserveAttempt,
  type LookupCounter,
} from "./lockout";

const NOW = 1_800_000_000_000;

/** Runs n wrong attempts through the pure rules, like the sign-in does. */
function fail(counter: LookupCounter, n: number, now = NOW) {
  let c = counter;
  const outcomes: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = reserveAttempt(c, now);
    c = r.counter;
    if (r.outcome === "locked") {
      outcomes.push("locked");
      continue;
    }
    outcomes.push("wrong");
    c = afterFailure(r.attempt, now) ?? c;
  }
  return { counter: c, outcomes };
}

describe("lockout per code", () => {
  it("allows ten wrong attempts and locks for an hour at the tenth", () => {
    const { counter, outcomes } = fail({ failedLookups: 0, lockedUntil: null }, 12);
    expect(outcomes).toEqual([...Array(MAX_FAILED_LOOKUPS).fill("wrong"), "locked", "locked"]);
    expect(counter.lockedUntil).toBe(NOW + LOCK_MS);
  });

  it("counts a reservation before the check, so parallel attempts cannot exceed the limit", () => {
    let c: LookupCounter = { failedLookups: 0, lockedUntil: null };
    const tries: string[] = [];
    for (let i = 0; i < 15; i++) {
      const r = reserveAttempt(c, NOW);
      c = r.counter;
      tries.push(r.outcome);
    }
    expect(tries.filter((t) => t === "try")).toHaveLength(MAX_FAILED_LOOKUPS);
  });

  it("refuses even the right passphrase while locked, and starts afresh when the hour is over", () => {
    const locked = { failedLookups: 0, lockedUntil: NOW + LOCK_MS };
    expect(reserveAttempt(locked, NOW + LOCK_MS - 1).outcome).toBe("locked");
    const after = reserveAttempt(locked, NOW + LOCK_MS + 1);
    expect(after).toMatchObject({ outcome: "try", attempt: 1 });
  });

  it("a right passphrase resets the count", () => {
    const { counter } = fail({ failedLookups: 0, lockedUntil: null }, 9);
    expect(counter.failedLookups).toBe(9);
    expect(afterSuccess).toEqual({ failedLookups: 0, lockedUntil: null });
    expect(afterFailure(9, NOW)).toBeNull();
  });
});
