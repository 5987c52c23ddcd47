import { describe, expect, it } from "vitest";
import en from "../../locales/en/reports.json";
import nl from "../../locales/nl/reports.json";
import type { Report } from "./statistics";
import { reportCsv, toCsv } from "./report-csv";

const report: Report = {
  months: ["2026-01", "2026-02"],
  casesByMonth: [
    { month: "2026-01", testimony: 12, complaint: 3, contact: 9 },
    { month: "2026-02", testimony: 7, complaint: 6, contact: 0 },
  ],
  byTheme: { isolation: 14, restraint: 2, no_school: 8 },
  byWish: { investigation: 9 },
  byUnit: { "1": 20, unknown: 17 },
  urgent: 3,
  ack: { met: 20, late: 5, open: 2 },
  answer: { met: 10, late: 10, open: 7 },
  referrals: [
    {
      organisationId: 1,
      count: 9,
      open: 2,
      receivedMedian: 3,
      receivedP90: 6.5,
      doneMedian: 20,
      doneP90: 40,
    },
    { organisationId: 2, count: 3, open: 1, receivedMedian: 1, receivedP90: 1, doneMedian: 5, doneP90: 5 },
  ],
};
const labels = { label: (k: string) => k, header: (k: string) => k, total: "total" };
const numbers = (csv: string) =>
  csv
    .split("\r\n")
    .slice(1)
    .flatMap((line) => line.split(",").slice(1))
    .filter((c) => /^\d+$/.test(c))
    .map(Number);

describe("CSV export", () => {
  it("escapes commas, quotes and newlines", () => {
    expect(toCsv(["a", "b"], [["x,y", 'say "hi"']])).toBe('a,b\r\n"x,y","say ""hi"""\r\n');
  });

  it("never writes a count from 1 to 4 in any table", () => {
    for (const t of ["cases_by_month", "themes", "wishes", "units", "deadlines", "referrals"] as const) {
      const csv = reportCsv(report, t, labels);
      expect(
        numbers(csv).filter((n) => n >= 1 && n <= 4),
        t,
      ).toEqual([]);
    }
  });

  it("hides a second cell so the total does not reveal the small one", () => {
    const csv = reportCsv(report, "themes", labels);
    expect(csv).toBe("csvColumns.theme,count\r\nisolation,14\r\nno_school,x\r\nrestraint,<5\r\ntotal,24\r\n");
  });

  it("leaves out turnaround figures behind a hidden number of referrals", () => {
    const lines = reportCsv(report, "referrals", labels).split("\r\n");
    expect(lines[2]).toBe("org:2,<5,<5,,,,");
    expect(lines[1]).toMatch(/^org:1,9,/);
  });

  /** The route's header: a key under `reports:statistics`, looked up in one locale file. */
  const headerIn = (locale: typeof nl) => (key: string) => {
    const value = key
      .split(".")
      .reduce<unknown>(
        (node, part) => (node as Record<string, unknown> | undefined)?.[part],
        locale.statistics,
      );
    if (typeof value !== "string") throw new Error(`no text for ${key}`);
    return value;
  };

  it("writes every header row in the reader's language, with no code words", () => {
    for (const [lng, locale] of [
      ["nl", nl],
      ["en", en],
    ] as const) {
      for (const table of [
        "cases_by_month",
        "themes",
        "wishes",
        "units",
        "deadlines",
        "referrals",
      ] as const) {
        const csv = reportCsv(report, table, { label: (k) => k, header: headerIn(locale), total: "T" });
        const header = csv.split("\r\n")[0]!;
        expect(header, `${lng} ${table}`).not.toMatch(/[a-z]_[a-z]|^(month|theme|wish|unit|deadline),/);
      }
    }
    const nlLabels = { label: (k: string) => k, header: headerIn(nl), total: "Totaal" };
    expect(reportCsv(report, "themes", nlLabels).split("\r\n")[0]).toBe("Thema,Aantal");
    expect(reportCsv(report, "deadlines", nlLabels).split("\r\n")[0]).toBe(
      "Termijn,Gehaald,Te laat,Loopt nog,Totaal",
    );
    const enLabels = { label: (k: string) => k, header: headerIn(en), total: "Total" };
    expect(reportCsv(report, "referrals", enLabels).split("\r\n")[0]).toMatch(
      /^Organisation,Referrals,Not done yet,Days to received \(median\),/,
    );
  });
});
