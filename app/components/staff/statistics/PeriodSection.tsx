/** Choosing the report's period: a preset, or from and to months (a GET form: it works without JavaScript). */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui";
import { presetSlugs } from "~/domain/report-period";
import type { ReportData } from "./report-data";

export function PeriodSection({ d }: { d: ReportData }) {
  const { t } = useTranslation("reports");
  return (
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
  );
}
