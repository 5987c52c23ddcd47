/** Pure helpers for the benchmark: percentiles, the verdict of a row, and the printed table. */

/** The p-th percentile (nearest rank) of an ascending list; NaN for an empty list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export type Summary = { n: number; p50: number; p95: number; max: number };

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? NaN,
  };
}

/** Within budget when the measured value is at most the budget's limit (every budget is an upper bound). */
export function within(value: number, max: number): boolean {
  return Number.isFinite(value) && value <= max;
}

export type TableRow = { row: string; measured: string; budget: string; ok?: boolean };

/** A plain-text table with aligned columns; the verdict is "within", "OVER", or empty for information rows. */
export function formatTable(rows: readonly TableRow[]): string {
  const cells = [
    ["Row", "Measured", "Budget", "Verdict"],
    ...rows.map((r) => [r.row, r.measured, r.budget, r.ok === undefined ? "" : r.ok ? "within" : "OVER"]),
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(" | ")} |`;
  return [
    line(cells[0]!),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...cells.slice(1).map(line),
  ].join("\n");
}

export const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
