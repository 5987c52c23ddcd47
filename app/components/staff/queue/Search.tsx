/** Searching cases from the queue page: the search box, and the cases found. */
import { Form, Link } from "@remix-run/react";
import { formatDate, isoDate } from "~/components/staff/format";
import { ReflowTable } from "~/components/staff/ReflowTable";
import { useCachedT } from "~/components/staff/use-cached-t";
import { QUERY_MAX } from "~/domain/queue";
import { caseHref, type QueueData } from "./queue-data";

export function SearchForm({ query }: { query: string }) {
  const t = useCachedT();
  return (
    <div role="search" className="queue-search">
      <Form method="get" action="/medewerker" className="queue-search__form">
        <div className="field staff-field queue-search__field">
          <label className="field__label" htmlFor="queue-q">
            {t("queue.search.label")}
          </label>
          <input
            id="queue-q"
            type="search"
            name="q"
            defaultValue={query}
            maxLength={QUERY_MAX}
            className="input"
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <button type="submit" className="button button--primary">
          {t("queue.search.submit")}
        </button>
      </Form>
    </div>
  );
}

export function SearchResults({ data }: { data: Extract<QueueData, { mode: "search" }> }) {
  const t = useCachedT();
  const from = `?q=${encodeURIComponent(data.query)}`;
  const cols = {
    code: t("queue.columns.code"),
    kind: t("queue.columns.kind"),
    status: t("queue.columns.status"),
    received: t("queue.columns.received"),
    assignee: t("queue.columns.assignee"),
    matched: t("queue.search.matchedColumn"),
  };
  return (
    <>
      <p className="queue-total" role="status">
        {t(data.more ? "queue.search.more" : "queue.search.total", {
          count: data.hits.length,
          query: data.query,
        })}
      </p>
      <p>
        <Link to="/medewerker">{t("queue.search.backToQueue")}</Link>
      </p>
      {data.hits.length === 0 ? (
        <p>{t("queue.search.none")}</p>
      ) : (
        <ReflowTable
          className="queue-table"
          caption={t("queue.search.caption", { query: data.query })}
          columns={cols}
        >
          {data.hits.map((h) => (
            <tr key={h.id}>
              <th scope="row" data-label={cols.code}>
                <Link to={caseHref(h.id, from)} className="queue-table__code">
                  {h.code}
                </Link>
                {h.urgent ? (
                  <span className="tag tag--error queue-table__urgent">{t("queue.urgent")}</span>
                ) : null}
              </th>
              <td data-label={cols.kind}>{t(`kinds.${h.kind}`)}</td>
              <td data-label={cols.status}>
                {h.erased ? t("queue.search.erased") : t(`statuses.${h.status}`)}
              </td>
              <td data-label={cols.received}>
                <time dateTime={isoDate(h.receivedAt)}>{formatDate(h.receivedAt, t)}</time>
              </td>
              <td data-label={cols.assignee}>{h.assigneeName ?? t("queue.nobody")}</td>
              <td data-label={cols.matched}>{t(`queue.search.matched.${h.matched}`)}</td>
            </tr>
          ))}
        </ReflowTable>
      )}
    </>
  );
}
