/**
 * Pure helpers for the half-yearly report: periods, percentiles, and small-count suppression for
 * anything exported. A count from 1 to 4 is written "<5"; where a line (row or column) would then have
 * exactly one hidden cell next to a published total, a second cell is hidden too (complementary
 * suppression), or the total itself when there is no other cell, so no hidden count can be worked out by
 * subtraction. A cell hidden only to protect another is written "x" (the CBS sign for "geheim"), so no
 * reader takes an 8 for "fewer than 5".
 */
import { addDays, type PlainDate } from "./working-days";

export const SUPPRESSED = "<5";
export const PROTECTED = "x";
export const isSmall = (n: number) => n >= 1 && n <= 4;

export type Cell = number | typeof SUPPRESSED | typeof PROTECTED;
export const isHidden = (c: Cell) => c === SUPPRESSED || c === PROTECTED;

export type SuppressedTable = {
  cells: Cell[][];
  rowTotals: Cell[];
  colTotals: Cell[];
  total: Cell;
};

/** Which totals the export publishes; an unpublished total cannot give a hidden cell away. */
export type PublishedTotals = { rows?: boolean; columns?: boolean; grand?: boolean };

/** Suppresses a table of counts (rows × columns) with its row, column and grand totals. */
export function suppressTable(
  counts: number[][],
  published: PublishedTotals = { rows: true, columns: true, grand: true },
): SuppressedTable {
  const rows = counts.length;
  const cols = counts[0]?.length ?? 0;
  const hidden = counts.map((r) => r.map((n) => isSmall(n)));
  const rowSum = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const colSum = Array.from({ length: cols }, (_, j) => counts.reduce((a, r) => a + (r[j] ?? 0), 0));
  const total = rowSum.reduce((a, b) => a + b, 0);
  // An unpublished total counts as hidden: it reveals nothing.
  const rowTotalHidden = rowSum.map((n) => !published.rows || isSmall(n));
  const colTotalHidden = colSum.map((n) => !published.columns || isSmall(n));
  let totalHidden = !published.grand || isSmall(total);

  // A line leaks when its total is published and exactly one of its cells is hidden.
  const fixLine = (
    cells: { value: number; isHidden: boolean; hide: () => void }[],
    totalIsHidden: boolean,
    hideTotal: () => void,
  ) => {
    if (totalIsHidden) return false;
    const hiddenCount = cells.filter((c) => c.isHidden).length;
    if (hiddenCount !== 1) return false;
    const candidates = cells.filter((c) => !c.isHidden && c.value > 0).sort((a, b) => a.value - b.value);
    if (candidates[0]) candidates[0].hide();
    else hideTotal();
    return true;
  };

  for (let changed = true, guard = 0; changed && guard < 100; guard++) {
    changed = false;
    for (let i = 0; i < rows; i++) {
      const line = Array.from({ length: cols }, (_, j) => ({
        value: counts[i]![j]!,
        isHidden: hidden[i]![j]!,
        hide: () => (hidden[i]![j] = true),
      }));
      if (fixLine(line, rowTotalHidden[i]!, () => (rowTotalHidden[i] = true))) changed = true;
    }
    for (let j = 0; j < cols; j++) {
      const line = Array.from({ length: rows }, (_, i) => ({
        value: counts[i]![j]!,
        isHidden: hidden[i]![j]!,
        hide: () => (hidden[i]![j] = true),
      }));
      if (fixLine(line, colTotalHidden[j]!, () => (colTotalHidden[j] = true))) changed = true;
    }
    // The grand total against the row totals (and against the column totals).
    const rowLine = rowSum.map((v, i) => ({
      value: v,
      isHidden: rowTotalHidden[i]!,
      hide: () => (rowTotalHidden[i] = true),
    }));
    if (fixLine(rowLine, totalHidden, () => (totalHidden = true))) changed = true;
    const colLine = colSum.map((v, j) => ({
      value: v,
      isHidden: colTotalHidden[j]!,
      hide: () => (colTotalHidden[j] = true),
    }));
    if (fixLine(colLine, totalHidden, () => (totalHidden = true))) changed = true;
    // And the grand total against all cells at once (matters when row or column totals are not published).
    const allCells = counts.flatMap((r, i) =>
      r.map((v, j) => ({ value: v, isHidden: hidden[i]![j]!, hide: () => (hidden[i]![j] = true) })),
    );
    if (fixLine(allCells, totalHidden, () => (totalHidden = true))) changed = true;
  }

  const show = (n: number, h: boolean): Cell => (!h ? n : isSmall(n) ? SUPPRESSED : PROTECTED);
  return {
    cells: counts.map((r, i) => r.map((n, j) => show(n, hidden[i]![j]!))),
    rowTotals: rowSum.map((n, i) => show(n, rowTotalHidden[i]!)),
    colTotals: colSum.map((n, j) => show(n, colTotalHidden[j]!)),
    total: show(total, totalHidden),
  };
}

/** Percentile with linear interpolation between closest ranks (Excel PERCENTILE.INC); null when empty. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export const median = (values: readonly number[]) => percentile(values, 50);

export type PeriodPreset = "this_half_year" | "last_half_year" | "this_year" | "last_year";
export type Period = { from: PlainDate; to: PlainDate };

/** The dates (inclusive) of a preset period, seen from `today` (an Amsterdam date). */
export function presetPeriod(preset: PeriodPreset, today: PlainDate): Period {
  const year = Number(today.slice(0, 4));
  const firstHalf = Number(today.slice(5, 7)) <= 6;
  const half = (y: number, first: boolean): Period =>
    first ? { from: `${y}-01-01`, to: `${y}-06-30` } : { from: `${y}-07-01`, to: `${y}-12-31` };
  switch (preset) {
    case "this_half_year":
      return half(year, firstHalf);
    case "last_half_year":
      return firstHalf ? half(year - 1, false) : half(year, true);
    case "this_year":
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case "last_year":
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

/** The months ("YYYY-MM") a period touches, in order. */
export function monthsOf(period: Period): string[] {
  const out: string[] = [];
  let d = `${period.from.slice(0, 7)}-01`;
  while (d.slice(0, 7) <= period.to.slice(0, 7)) {
    out.push(d.slice(0, 7));
    d = addDays(d, 32).slice(0, 7) + "-01";
  }
  return out;
}

/** The statistics page's figures for a range of months, as built by buildReport (statistics.server.ts). */
export type Report = {
  months: string[];
  casesByMonth: { month: string; testimony: number; complaint: number; contact: number }[];
  byTheme: Record<string, number>;
  byWish: Record<string, number>;
  byUnit: Record<string, number>;
  urgent: number;
  ack: { met: number; late: number; open: number };
  answer: { met: number; late: number; open: number };
  referrals: {
    organisationId: number;
    count: number;
    open: number;
    receivedMedian: number | null;
    receivedP90: number | null;
    doneMedian: number | null;
    doneP90: number | null;
  }[];
};
