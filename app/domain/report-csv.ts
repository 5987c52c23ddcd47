/**
 * CSV export of the report tables. Every count passes through suppressTable (1–4 → "<5", and "x" for a
 * cell hidden so that totals give nothing away); turnaround figures are left out when the number
 * of referrals behind them is hidden. No free text, no codes, no dates finer than a month.
 */
import type { Report } from "./statistics";
import { isHidden, suppressTable, type Cell } from "./statistics";

const escape = (v: string | number) => {
  const s = String(v);
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(header: string[], rows: (string | number)[][]): string {
  return [header, ...rows].map((r) => r.map(escape).join(",")).join("\r\n") + "\r\n";
}

export type CsvTable = "cases_by_month" | "themes" | "wishes" | "units" | "deadlines" | "referrals";
export const csvTables: CsvTable[] = [
  "cases_by_month",
  "themes",
  "wishes",
  "units",
  "deadlines",
  "referrals",
];

/**
 * Words for the file in the reader's language: `label` for a category (a kind, theme, unit, …),
 * `header` for a column, by its key under `reports:statistics` (so the header row and the rows below it
 * are in one language), and the word for the total.
 */
type Labels = { label: (key: string) => string; header: (key: string) => string; total: string };

/** One category per row, one count column, with a total row. */
function listTable(column: string, counts: Record<string, number>, l: Labels) {
  const keys = Object.keys(counts).sort();
  const t = suppressTable(
    keys.map((k) => [counts[k]!]),
    { rows: false, columns: true, grand: true },
  );
  return toCsv(
    [l.header(column), l.header("count")],
    [...keys.map((k, i) => [l.label(k), t.cells[i]![0]!]), [l.total, t.total]],
  );
}

export function reportCsv(report: Report, table: CsvTable, l: Labels): string {
  switch (table) {
    case "cases_by_month": {
      const kinds = ["testimony", "complaint", "contact"] as const;
      const t = suppressTable(report.casesByMonth.map((m) => kinds.map((k) => m[k])));
      return toCsv(
        [l.header("month"), ...kinds.map(l.label), l.total],
        [
          ...report.casesByMonth.map((m, i) => [m.month, ...t.cells[i]!, t.rowTotals[i]!]),
          [l.total, ...t.colTotals, t.total],
        ],
      );
    }
    case "themes":
      return listTable("csvColumns.theme", report.byTheme, l);
    case "wishes":
      return listTable("csvColumns.wish", report.byWish, l);
    case "units":
      return listTable("csvColumns.unit", report.byUnit, l);
    case "deadlines": {
      const t = suppressTable(
        [
          [report.ack.met, report.ack.late, report.ack.open],
          [report.answer.met, report.answer.late, report.answer.open],
        ],
        { rows: true, columns: false, grand: false },
      );
      return toCsv(
        [
          l.header("csvColumns.deadline"),
          l.header("deadlines.met"),
          l.header("deadlines.late"),
          l.header("deadlines.open"),
          l.total,
        ],
        [
          [l.label("ack"), ...t.cells[0]!, t.rowTotals[0]!],
          [l.label("answer"), ...t.cells[1]!, t.rowTotals[1]!],
        ],
      );
    }
    case "referrals": {
      const t = suppressTable(
        report.referrals.map((r) => [r.count - r.open, r.open]),
        { rows: true, columns: false, grand: false },
      );
      const fmt = (v: number | null, hidden: Cell) => (isHidden(hidden) || v === null ? "" : v.toFixed(1));
      return toCsv(
        ["organisation", "count", "open", "receivedMedian", "receivedP90", "doneMedian", "doneP90"].map((k) =>
          l.header(`referrals.${k}`),
        ),
        report.referrals.map((r, i) => {
          const total = t.rowTotals[i]!;
          return [
            l.label(`org:${r.organisationId}`),
            total,
            t.cells[i]![1]!,
            fmt(r.receivedMedian, total),
            fmt(r.receivedP90, total),
            fmt(r.doneMedian, total),
            fmt(r.doneP90, total),
          ];
        }),
      );
    }
  }
}
