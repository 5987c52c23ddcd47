import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvTables, reportCsv, type CsvTable } from "~/domain/report-csv";
import { parsePeriod } from "~/domain/report-period";
import { amsterdamDate } from "~/domain/working-days";
import { audit } from "~/server/audit.server";
import { getDb } from "~/server/db.server";
import { staffTranslators } from "~/server/staff-i18n.server";
import { statisticsFor } from "~/server/reports.server";
import { requireStaff } from "~/server/staff-session.server";

/** One report table as CSV, with small counts suppressed (ADR 006). Every export is audited. */
export function loader({ request, params }: LoaderFunctionArgs) {
  const me = requireStaff(request, { permission: "statistics.read" });
  const table = params.table as CsvTable;
  if (!csvTables.includes(table)) throw new Response("Not found", { status: 404 });
  const now = Date.now();
  const parsed = parsePeriod(new URL(request.url).searchParams, amsterdamDate(now));
  const { report, organisationNames, unitNames } = statisticsFor(parsed.period, now);
  const { t } = staffTranslators(request);
  const label = (key: string): string => {
    if (key.startsWith("org:")) return organisationNames[key.slice(4)] ?? key;
    const known: Record<string, string> = {
      testimony: "reports:statistics.kinds.testimony",
      complaint: "reports:statistics.kinds.complaint",
      contact: "reports:statistics.kinds.contact",
      ack: "reports:statistics.deadlines.ack",
      answer: "reports:statistics.deadlines.answer",
      unknown: "reports:statistics.unknownUnit",
    };
    if (known[key]) return t(known[key]);
    if (unitNames[key]) return unitNames[key];
    const theme = t(`reports:statistics.themes.${key}`, { defaultValue: "" });
    if (theme) return theme;
    return t(`reports:statistics.wishes.${key}`, { defaultValue: key });
  };
  const csv = reportCsv(report, table, {
    label,
    header: (key) => t(`reports:statistics.${key}`),
    total: t("reports:statistics.total"),
  });
  audit(getDb(), {
    action: "statistics_exported",
    staffId: me.id,
    detail: { table, from: parsed.from, to: parsed.to },
  });
  return new Response("\uFEFF" + csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="aanspreekpunt-${table}-${parsed.from}-${parsed.to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
