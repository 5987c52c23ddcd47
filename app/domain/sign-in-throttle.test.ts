import { describe, expect, it } from "vitest";
import { failureDelayMs, isOverLimit, MAX_FAILURES } from "./sign-in-throttle";

describe("sign-in throttle", () => {
  it("does not slow down a typo or two", () => {
    expect(failureDelayMs(0)).toBe(0);
    expect(failureDelayMs(2)).toBe(0);
  });

  it("doubles the delay after that, up to 8 seconds", () => {
    expect([3, 4, 5, 6, 7, 20].map(failureDelayMs)).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it("refuses from the limit on", () => {
    expect(isOverLimit(MAX_FAILURES - 1)).toBe(false);
    expect(isOverLimit(MAX_FAILURES)).toBe(true);
  });
});
