/** The report's tables: deadlines kept, referrals per organisation, and the CSV downloads. */
import { useTranslation } from "react-i18next";
import { csvTables } from "~/domain/report-csv";
import type { ReportData } from "./report-data";

const days = (v: number | null) => (v === null ? "–" : v.toFixed(1));

export function DeadlinesSection({ r }: { r: ReportData["report"] }) {
  const { t } = useTranslation("reports");
  return (
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
  );
}

export function ReferralsSection({ d }: { d: ReportData }) {
  const { t } = useTranslation("reports");
  const r = d.report;
  return (
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
  );
}

export function DownloadsSection({ query }: { query: string }) {
  const { t } = useTranslation("reports");
  return (
    <section aria-labelledby="downloads-heading" className="report-section no-print">
      <h2 id="downloads-heading">{t("statistics.downloadsHeading")}</h2>
      <ul>
        {csvTables.map((table) => (
          <li key={table}>
            <a href={`/medewerker/statistieken-csv/${table}?${query}`} download>
              {t(`statistics.csvTables.${table}`)} ({t("statistics.download")})
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
