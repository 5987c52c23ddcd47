import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as hydrated from "~/components/layout/QuickExit";
import { PRESSES, SHIFT_WINDOW_MS, shiftCounter } from "./shift-counter";

const shift = { key: "Shift", repeat: false };

function counter() {
  const said: number[] = [];
  const exit = vi.fn();
  const c = shiftCounter({ progress: (n) => said.push(n), exit });
  return { ...c, said, exit };
}

describe("the quick exit's Shift rule without React", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("is the rule of the hydrated quick exit", () => {
    expect(PRESSES).toBe(hydrated.PRESSES);
    expect(SHIFT_WINDOW_MS).toBe(hydrated.SHIFT_WINDOW_MS);
  });

  it("leaves on three quick presses and says how many are left in between", () => {
    const c = counter();
    c.onKeyDown(shift);
    vi.advanceTimersByTime(SHIFT_WINDOW_MS - 1);
    c.onKeyDown(shift);
    vi.advanceTimersByTime(SHIFT_WINDOW_MS - 1);
    expect(c.exit).not.toHaveBeenCalled();
    c.onKeyDown(shift);
    expect(c.exit).toHaveBeenCalledOnce();
    expect(c.said).toEqual([2, 1, 0]);
  });

  it("starts again after a pause, and then says nothing", () => {
    const c = counter();
    c.onKeyDown(shift);
    c.onKeyDown(shift);
    vi.advanceTimersByTime(SHIFT_WINDOW_MS);
    expect(c.said).toEqual([2, 1, 0]);
    c.onKeyDown(shift);
    expect(c.exit).not.toHaveBeenCalled();
  });

  it("starts again on any other key (typing capitals) and ignores a held key", () => {
    const c = counter();
    c.onKeyDown(shift);
    c.onKeyDown({ key: "I", repeat: false });
    c.onKeyDown(shift);
    c.onKeyDown({ key: "Shift", repeat: true });
    c.onKeyDown(shift);
    expect(c.exit).not.toHaveBeenCalled();
    c.onKeyDown(shift);
    expect(c.exit).toHaveBeenCalledOnce();
  });
});
