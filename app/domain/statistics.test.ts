import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isHidden,
  median,
  monthsOf,
  percentile,
  presetPeriod,
  PROTECTED,
  suppressTable,
  SUPPRESSED,
} from "./statistics";

describe("small-count suppression", () => {
  it("writes 1 to 4 as <5 and keeps 0 and 5+", () => {
    const t = suppressTable([[0, 5, 12]]);
    expect(t.cells).toEqual([[0, 5, 12]]);
    expect(t.total).toBe(17);
  });

  it("hides a second cell when one hidden cell could be recovered from the total", () => {
    const t = suppressTable([[3, 10, 20]]);
    expect(t.cells).toEqual([[SUPPRESSED, PROTECTED, 20]]);
    expect(t.rowTotals).toEqual([33]);
  });

  it("hides the total when the hidden cell is the only other one", () => {
    const t = suppressTable([[2], [9]]);
    // column: 2 and 9 with total 11 → 9 is hidden as complement; each row total equals its cell
    expect(t.cells.flat()).toEqual([SUPPRESSED, PROTECTED]);
    expect(t.rowTotals).toEqual([SUPPRESSED, PROTECTED]);
  });

  const recoverable = (
    t: ReturnType<typeof suppressTable>,
    p: { rows: boolean; columns: boolean; grand: boolean } = { rows: true, columns: true, grand: true },
  ): boolean => {
    // a line leaks when exactly one cell is hidden and its total is published
    const lines = [
      ...(p.rows ? t.cells.map((r, i) => ({ cells: r, total: t.rowTotals[i]! })) : []),
      ...(p.columns ? t.colTotals.map((c, j) => ({ cells: t.cells.map((r) => r[j]!), total: c })) : []),
      ...(p.grand && p.rows ? [{ cells: t.rowTotals, total: t.total }] : []),
      ...(p.grand && p.columns ? [{ cells: t.colTotals, total: t.total }] : []),
      ...(p.grand ? [{ cells: t.cells.flat(), total: t.total }] : []),
    ];
    return lines.some((l) => !isHidden(l.total) && l.cells.filter(isHidden).length === 1);
  };

  it("never leaves a hidden cell that subtraction recovers, and never shows 1–4 (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((cols) =>
          fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: cols, maxLength: cols }), {
            minLength: 1,
            maxLength: 8,
          }),
        ),
        (counts) => {
          const t = suppressTable(counts);
          const shown = [...t.cells.flat(), ...t.rowTotals, ...t.colTotals, t.total];
          expect(shown.some((c) => typeof c === "number" && c >= 1 && c <= 4)).toBe(false);
          expect(recoverable(t)).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("protects every published total, whichever totals are published (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.record({ rows: fc.boolean(), columns: fc.boolean(), grand: fc.boolean() }),
        (counts, p) => {
          const t = suppressTable(counts, p);
          const cells = t.cells.flat();
          expect(cells.some((c) => typeof c === "number" && c >= 1 && c <= 4)).toBe(false);
          expect(recoverable(t, p)).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("percentiles", () => {
  it("computes median and 90th percentile with interpolation", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBeCloseTo(9.1);
    expect(percentile([7], 90)).toBe(7);
    expect(median([])).toBeNull();
  });
});

describe("period presets", () => {
  it("knows the half-years and years", () => {
    expect(presetPeriod("this_half_year", "2026-11-22")).toEqual({ from: "2026-07-01", to: "2026-12-31" });
    expect(presetPeriod("last_half_year", "2026-11-22")).toEqual({ from: "2026-01-01", to: "2026-06-30" });
    expect(presetPeriod("last_half_year", "2026-03-01")).toEqual({ from: "2025-07-01", to: "2025-12-31" });
    expect(presetPeriod("this_year", "2026-03-01")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(presetPeriod("last_year", "2026-03-01")).toEqual({ from: "2025-01-01", to: "2025-12-31" });
  });

  it("lists the months of a period", () => {
    expect(monthsOf({ from: "2026-07-15", to: "2026-12-31" })).toEqual([
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
    ]);
    expect(monthsOf({ from: "2025-12-01", to: "2026-01-31" })).toEqual(["2025-12", "2026-01"]);
  });
});
