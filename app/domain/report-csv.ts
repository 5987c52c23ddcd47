/**
 * CSV export of the report tables. Every count passes through suppressTable (1–4 → "<5", and "x" for a
 * cell hidden so that totals give nothing away); turnaround figures are left out when the number
 * of referrals behind them is hidden. No free text, no codes, no dates finer than a month.
 */
import type { Report } from "~/server/statistics.server";
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

type Labels = { label: (key: string) => string; total: string };

/** One category per row, one count column, with a total row. */
function listTable(name: string, counts: Record<string, number>, l: Labels) {
  const keys = Object.keys(counts).sort();
  const t = suppressTable(
    keys.map((k) => [counts[k]!]),
    { rows: false, columns: true, grand: true },
  );
  return toCsv([name, "count"], [...keys.map((k, i) => [l.label(k), t.cells[i]![0]!]), [l.total, t.total]]);
}

export function reportCsv(report: Report, table: CsvTable, l: Labels): string {
  switch (table) {
    case "cases_by_month": {
      const kinds = ["testimony", "complaint", "contact"] as const;
      const t = suppressTable(report.casesByMonth.map((m) => kinds.map((k) => m[k])));
      return toCsv(
        ["month", ...kinds.map(l.label), l.total],
        [
          ...report.casesByMonth.map((m, i) => [m.month, ...t.cells[i]!, t.rowTotals[i]!]),
          [l.total, ...t.colTotals, t.total],
        ],
      );
    }
    case "themes":
      return listTable("theme", report.byTheme, l);
    case "wishes":
      return listTable("wish", report.byWish, l);
    case "units":
      return listTable("unit", report.byUnit, l);
    case "deadlines": {
      const t = suppressTable(
        [
          [report.ack.met, report.ack.late, report.ack.open],
          [report.answer.met, report.answer.late, report.answer.open],
        ],
        { rows: true, columns: false, grand: false },
      );
      return toCsv(
        ["deadline", "met", "late", "open", l.total],
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
        [
          "organisation",
          "referrals",
          "open",
          "days_to_received_median",
          "days_to_received_p90",
          "days_to_done_median",
          "days_to_done_p90",
        ],
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
