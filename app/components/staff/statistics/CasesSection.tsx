/** Cases per month and kind: stacked columns, and the same numbers as a table. */
import { useTranslation } from "react-i18next";
import { StackedColumns } from "~/components/charts/charts";
import { ScrollArea } from "./Figure";
import { monthLabel, type ReportData } from "./report-data";

const kinds = ["testimony", "complaint", "contact"] as const;

export function CasesSection({ r, total }: { r: ReportData["report"]; total: number }) {
  const { t } = useTranslation("reports");
  return (
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
                  <th scope="row">{monthLabel(t, m.month)}</th>
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
  );
}
