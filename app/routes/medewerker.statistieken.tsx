import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import type React from "react";
import { useTranslation } from "react-i18next";
import { Bars, StackedColumns } from "~/components/charts/charts";
import { formatDate } from "~/components/staff/format";
import { Button } from "~/components/ui";
import { csvTables } from "~/domain/report-csv";
import { parsePeriod, presetSlugs } from "~/domain/report-period";
import { amsterdamDate } from "~/domain/working-days";
import type { RouteHandle } from "~/route-handle";
import { audit } from "~/server/audit.server";
import { getDb } from "~/server/db.server";
import { statisticsFor } from "~/server/reports.server";
import { requireStaff } from "~/server/staff-session.server";
import reportsStylesUrl from "~/styles/reports.css?url";

export const handle: RouteHandle = { title: "reports:statistics.title" };
export const links = () => [{ rel: "stylesheet", href: reportsStylesUrl }];

export function loader({ request }: LoaderFunctionArgs) {
  const me = requireStaff(request, { permission: "statistics.read" });
  const now = Date.now();
  const url = new URL(request.url);
  const parsed = parsePeriod(url.searchParams, amsterdamDate(now));
  const data = statisticsFor(parsed.period, now);
  audit(getDb(), {
    action: "statistics_viewed",
    staffId: me.id,
    detail: { from: parsed.from, to: parsed.to },
  });
  const query = parsed.preset ? `periode=${parsed.preset}` : `van=${parsed.from}&tot=${parsed.to}`;
  return json({ ...parsed, ...data, now, query });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

/** Wide content (a chart, a table) scrolls inside its own box on a phone; focusable so keyboards can scroll it. */
function ScrollArea({ labelledBy, children }: { labelledBy: string; children: React.ReactNode }) {
  return (
    <div className="scroll-area" tabIndex={0} role="region" aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}

function ListTable({
  caption,
  id,
  rows,
  t,
}: {
  caption: string;
  id: string;
  rows: { label: string; value: number }[];
  t: TFunction;
}) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={id}>
      <table aria-describedby={id}>
        <thead>
          <tr>
            <th scope="col">{caption}</th>
            <th scope="col" className="num">
              {t("statistics.count")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td className="num">{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Figure({
  id,
  heading,
  caption,
  items,
  t,
}: {
  id: string;
  heading: string;
  caption: string;
  items: { label: string; value: number }[];
  t: TFunction;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="report-section">
      <h2 id={`${id}-heading`}>{heading}</h2>
      {items.length === 0 ? (
        <p>{t("statistics.none")}</p>
      ) : (
        <figure className="report-figure">
          <figcaption id={id}>{caption}</figcaption>
          <ScrollArea labelledBy={id}>
            <Bars items={items} labelledBy={id} />
          </ScrollArea>
          <ListTable caption={heading} id={id} rows={items} t={t} />
        </figure>
      )}
    </section>
  );
}

const days = (v: number | null) => (v === null ? "–" : v.toFixed(1));

function sortedItems(counts: Record<string, number>, label: (k: string) => string) {
  return Object.entries(counts)
    .map(([k, v]) => ({ label: label(k), value: v }))
    .sort((a, b) => b.value - a.value);
}

export default function Statistics() {
  const d = useLoaderData<typeof loader>() as Data;
  const { t } = useTranslation("reports");
  const r = d.report;
  const total = r.casesByMonth.reduce((a, m) => a + m.testimony + m.complaint + m.contact, 0);
  const kinds = ["testimony", "complaint", "contact"] as const;
  const monthLabel = (m: string) => `${t(`staff:date.months.${Number(m.slice(5))}`)} ${m.slice(0, 4)}`;
  return (
    <div className="report">
      <h1>{t("statistics.title")}</h1>
      <p className="report__period">
        {t("statistics.reportFor", { from: monthLabel(d.from), to: monthLabel(d.to) })}
      </p>
      <p className="report__made">{t("statistics.madeOn", { date: formatDate(d.now, t) })}</p>
      <p className="no-print">{t("statistics.intro")}</p>

      <section aria-labelledby="period-heading" className="report-period no-print">
        <h2 id="period-heading">{t("statistics.periodHeading")}</h2>
        {d.error ? (
          <p className="notice" role="status">
            {t(`statistics.periodErrors.${d.error}`)}
          </p>
        ) : null}
        <ul className="report-period__presets">
          {Object.keys(presetSlugs).map((slug) => (
            <li key={slug}>
              <a href={`?periode=${slug}`} aria-current={d.preset === slug ? "true" : undefined}>
                {t(`statistics.presets.${slug}`)}
              </a>
            </li>
          ))}
        </ul>
        <Form method="get" className="report-period__custom">
          <div className="field">
            <label className="field__label" htmlFor="van">
              {t("statistics.from")}
            </label>
            <p className="field__hint" id="van-hint">
              {t("statistics.monthHint")}
            </p>
            <input
              id="van"
              name="van"
              type="month"
              className="input input--medium"
              defaultValue={d.from}
              aria-describedby="van-hint"
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="tot">
              {t("statistics.to")}
            </label>
            <p className="field__hint" id="tot-hint">
              {t("statistics.monthHint")}
            </p>
            <input
              id="tot"
              name="tot"
              type="month"
              className="input input--medium"
              defaultValue={d.to}
              aria-describedby="tot-hint"
            />
          </div>
          <Button variant="secondary">{t("statistics.show")}</Button>
        </Form>
      </section>

      <section aria-labelledby="cases-heading" className="report-section">
        <h2 id="cases-heading">{t("statistics.casesHeading")}</h2>
        <figure className="report-figure">
          <figcaption id="cases-caption">{t("statistics.casesCaption", { total })}</figcaption>
          <ScrollArea labelledBy="cases-caption">
            <StackedColumns
              labelledBy="cases-caption"
              categories={r.casesByMonth.map((m) => m.month)}
              series={kinds.map((k) => ({
                label: t(`statistics.kinds.${k}`),
                values: r.casesByMonth.map((m) => m[k]),
              }))}
            />
          </ScrollArea>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="cases-caption">
            <table aria-describedby="cases-caption">
              <thead>
                <tr>
                  <th scope="col">{t("statistics.month")}</th>
                  {kinds.map((k) => (
                    <th key={k} scope="col" className="num">
                      {t(`statistics.kinds.${k}`)}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t("statistics.total")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.casesByMonth.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{monthLabel(m.month)}</th>
                    {kinds.map((k) => (
                      <td key={k} className="num">
                        {m[k]}
                      </td>
                    ))}
                    <td className="num">{m.testimony + m.complaint + m.contact}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </figure>
        <p>{t("statistics.urgent", { count: r.urgent })}</p>
      </section>

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

      <section aria-labelledby="deadlines-heading" className="report-section">
        <h2 id="deadlines-heading">{t("statistics.deadlinesHeading")}</h2>
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="deadlines-heading">
          <table>
            <caption>{t("statistics.deadlinesCaption")}</caption>
            <thead>
              <tr>
                <td />
                {(["met", "late", "open"] as const).map((k) => (
                  <th key={k} scope="col" className="num">
                    {t(`statistics.deadlines.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(["ack", "answer"] as const).map((row) => (
                <tr key={row}>
                  <th scope="row">{t(`statistics.deadlines.${row}`)}</th>
                  <td className="num">{r[row].met}</td>
                  <td className="num">{r[row].late}</td>
                  <td className="num">{r[row].open}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="referrals-heading" className="report-section">
        <h2 id="referrals-heading">{t("statistics.referralsHeading")}</h2>
        {r.referrals.length === 0 ? (
          <p>{t("statistics.none")}</p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="referrals-heading">
            <table>
              <caption>{t("statistics.referralsCaption")}</caption>
              <thead>
                <tr>
                  {(
                    [
                      "organisation",
                      "count",
                      "open",
                      "receivedMedian",
                      "receivedP90",
                      "doneMedian",
                      "doneP90",
                    ] as const
                  ).map((k) => (
                    <th key={k} scope="col" className={k === "organisation" ? undefined : "num"}>
                      {t(`statistics.referrals.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.referrals.map((o) => (
                  <tr key={o.organisationId}>
                    <th scope="row">
                      {d.organisationNames[String(o.organisationId)] ??
                        t("statistics.referrals.unknown", { id: o.organisationId })}
                    </th>
                    <td className="num">{o.count}</td>
                    <td className="num">{o.open}</td>
                    <td className="num">{days(o.receivedMedian)}</td>
                    <td className="num">{days(o.receivedP90)}</td>
                    <td className="num">{days(o.doneMedian)}</td>
                    <td className="num">{days(o.doneP90)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="downloads-heading" className="report-section no-print">
        <h2 id="downloads-heading">{t("statistics.downloadsHeading")}</h2>
        <ul>
          {csvTables.map((table) => (
            <li key={table}>
              <a href={`/medewerker/statistieken-csv/${table}?${d.query}`} download>
                {t(`statistics.csvTables.${table}`)} ({t("statistics.download")})
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
