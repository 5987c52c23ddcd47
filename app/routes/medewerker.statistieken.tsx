/**
 * The statistics page. The loader is statisticsPage in app/server/reports.server.ts; the sections are in
 * app/components/staff/statistics/.
 */
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/components/staff/format";
import { CasesSection } from "~/components/staff/statistics/CasesSection";
import { Figure } from "~/components/staff/statistics/Figure";
import { PeriodSection } from "~/components/staff/statistics/PeriodSection";
import { monthLabel, type ReportData } from "~/components/staff/statistics/report-data";
import {
  DeadlinesSection,
  DownloadsSection,
  ReferralsSection,
} from "~/components/staff/statistics/ReportTables";
import type { RouteHandle } from "~/route-handle";
import { statisticsPage } from "~/server/reports.server";
import { requireStaff } from "~/server/staff-session.server";
import reportsStylesUrl from "~/styles/reports.css?url";

export const handle: RouteHandle = { title: "reports:statistics.title" };
export const links = () => [{ rel: "stylesheet", href: reportsStylesUrl }];

export function loader({ request }: LoaderFunctionArgs) {
  const me = requireStaff(request, { permission: "statistics.read" });
  return json(statisticsPage(me, new URL(request.url)));
}

function sortedItems(counts: Record<string, number>, label: (k: string) => string) {
  return Object.entries(counts)
    .map(([k, v]) => ({ label: label(k), value: v }))
    .sort((a, b) => b.value - a.value);
}

export default function Statistics() {
  const d = useLoaderData<typeof loader>() as ReportData;
  const { t } = useTranslation("reports");
  const r = d.report;
  const total = r.casesByMonth.reduce((a, m) => a + m.testimony + m.complaint + m.contact, 0);
  return (
    <div className="report">
      <h1>{t("statistics.title")}</h1>
      <p className="report__period">
        {t("statistics.reportFor", { from: monthLabel(t, d.from), to: monthLabel(t, d.to) })}
      </p>
      <p className="report__made">{t("statistics.madeOn", { date: formatDate(d.now, t) })}</p>
      <p className="no-print">{t("statistics.intro")}</p>
      <PeriodSection d={d} />
      <CasesSection r={r} total={total} />

      <Figure
        id="themes-caption"
        heading={t("statistics.themesHeading")}
        caption={t("statistics.themesCaption")}
        items={sortedItems(r.byTheme, (k) => t(`statistics.themes.${k}`, { defaultValue: k }))}
        t={t}
      />
      <Figure
        id="units-caption"
        heading={t("statistics.unitsHeading")}
        caption={t("statistics.unitsCaption")}
        items={sortedItems(r.byUnit, (k) =>
          k === "unknown" ? t("statistics.unknownUnit") : (d.unitNames[k] ?? k),
        )}
        t={t}
      />
      <Figure
        id="wishes-caption"
        heading={t("statistics.wishesHeading")}
        caption={t("statistics.wishesCaption")}
        items={sortedItems(r.byWish, (k) => t(`statistics.wishes.${k}`, { defaultValue: k }))}
        t={t}
      />
      <DeadlinesSection r={r} />
      <ReferralsSection d={d} />
      <DownloadsSection query={d.query} />
    </div>
  );
}
