import { describe, expect, it } from "vitest";
import { formatTable, percentile, summarize, within } from "./stats";

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([1, 2, 3], 0)).toBe(1);
  });
  it("is NaN for no values", () => expect(percentile([], 95)).toBeNaN());
});

describe("summarize", () => {
  it("sorts before taking percentiles", () => {
    expect(summarize([30, 10, 20, 40])).toEqual({ n: 4, p50: 20, p95: 40, max: 40 });
  });
});

describe("within", () => {
  it("is an upper bound, inclusive", () => {
    expect(within(100, 100)).toBe(true);
    expect(within(100.1, 100)).toBe(false);
  });
  it("never calls a missing figure within", () => expect(within(NaN, 100)).toBe(false));
});

describe("formatTable", () => {
  it("aligns columns and writes the verdict", () => {
    const table = formatTable([
      { row: "Queue", measured: "p95 80 ms", budget: "p95 ≤ 100 ms", ok: true },
      { row: "Statistics", measured: "p95 400 ms", budget: "p95 ≤ 300 ms", ok: false },
      { row: "For information", measured: "12", budget: "" },
    ]);
    const lines = table.split("\n");
    expect(lines).toHaveLength(5);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[2]).toMatch(/\| within +\|$/);
    expect(lines[3]).toMatch(/\| OVER +\|$/);
    expect(lines[4]).toMatch(/\| +\|$/);
  });
});
