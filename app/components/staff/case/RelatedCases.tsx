import { Link } from "@remix-run/react";
import { formatDate, isoDate } from "~/components/staff/format";
import { useCachedT } from "~/components/staff/use-cached-t";
import { useCaseData } from "./case-data";

/** Other cases about the same unit in an overlapping period: a pattern the worker should see. */
export function RelatedCases() {
  const t = useCachedT();
  const data = useCaseData();
  const c = data.case;
  return (
    <section aria-labelledby="related-heading">
      <h2 id="related-heading">{t("case.related.heading")}</h2>
      {!data.related ? (
        <p>{t("case.related.cannot")}</p>
      ) : data.related.summary.total === 0 ? (
        <p>{t("case.related.none")}</p>
      ) : (
        <div className="pattern">
          <p className="pattern__summary">
            <strong>
              {t("case.related.count", { count: data.related.summary.total, unit: c.unit?.name ?? "" })}
            </strong>{" "}
            {t("case.related.byKind", {
              testimony: data.related.summary.byKind.testimony,
              complaint: data.related.summary.byKind.complaint,
              contact: data.related.summary.byKind.contact,
              open: data.related.summary.open,
            })}
          </p>
          <p>{t("case.related.why")}</p>
          <ul className="plain-list">
            {data.related.recent.map((r) => (
              <li key={r.id}>
                <Link to={`/medewerker/zaken/${r.id}`}>{r.code}</Link> · {t(`kinds.${r.kind}`)} ·{" "}
                {t(`statuses.${r.status}`)} ·{" "}
                <time dateTime={isoDate(r.receivedAt)}>{formatDate(r.receivedAt, t)}</time>
              </li>
            ))}
          </ul>
          {data.related.summary.total > data.related.recent.length ? (
            <p>{t("case.related.more", { shown: data.related.recent.length })}</p>
          ) : null}
          {c.unit ? (
            <p>
              <Link to={`/medewerker?status=all&unit=${c.unit.id}`}>
                {t("case.related.allForUnit", { unit: c.unit.name })}
              </Link>
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
