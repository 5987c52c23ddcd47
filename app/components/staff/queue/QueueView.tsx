/** The queue itself: status tabs, the filters, the table of cases and the pages. */
import { Link } from "@remix-run/react";
import { CaseTagList } from "~/components/staff/CaseTagsLinks";
import { DeadlineBadge } from "~/components/staff/DeadlineBadge";
import { formatDate, isoDate } from "~/components/staff/format";
import { Pagination } from "~/components/staff/Pagination";
import { ReflowTable } from "~/components/staff/ReflowTable";
import { useCachedT } from "~/components/staff/use-cached-t";
import { caseStatuses, kindLabelKey } from "~/domain/case-status";
import { queueSearch, statusFilters, type QueueFilters } from "~/domain/queue";
import { QueueFilterForm } from "./QueueFilterForm";
import { caseHref, type QueueData } from "./queue-data";

export function QueueView({ data }: { data: Extract<QueueData, { mode: "queue" }> }) {
  const { filters, rows, countByStatus, total, pages, options, meId } = data;
  const t = useCachedT();
  const f = filters as QueueFilters;
  const here = queueSearch(f, { page: f.page });
  const countFor = (s: (typeof statusFilters)[number]) =>
    s === "all"
      ? caseStatuses.reduce((n, x) => n + (countByStatus[x] ?? 0), 0)
      : s === "open"
        ? caseStatuses.filter((x) => x !== "closed").reduce((n, x) => n + (countByStatus[x] ?? 0), 0)
        : (countByStatus[s] ?? 0);
  const cols = {
    code: t("queue.columns.code"),
    kind: t("queue.columns.kind"),
    themes: t("queue.columns.themes"),
    received: t("queue.columns.received"),
    activity: t("queue.columns.activity"),
    deadline: t("queue.columns.deadline"),
    status: t("queue.columns.status"),
    assignee: t("queue.columns.assignee"),
  };
  return (
    <>
      <nav className="status-tabs" aria-label={t("queue.statusNav")}>
        <ul>
          {statusFilters.map((s) => (
            <li key={s}>
              <Link
                to={`/medewerker${queueSearch(f, { status: s })}`}
                aria-current={f.status === s ? "page" : undefined}
              >
                {t(`queue.statusFilter.${s}`)} <span className="status-tabs__count">({countFor(s)})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <QueueFilterForm filters={f} options={options} meId={meId} />

      <p className="queue-total" role="status">
        {t("queue.total", { count: total })}
      </p>

      {rows.length === 0 ? (
        <p>{t("queue.empty")}</p>
      ) : (
        <ReflowTable className="queue-table" caption={t(`queue.caption.${f.sort}`)} columns={cols}>
          {rows.map((r) => (
            <tr key={r.id} className={r.urgent ? "is-urgent" : undefined}>
              <th scope="row" data-label={cols.code}>
                <Link to={caseHref(r.id, here)} className="queue-table__code">
                  {r.code}
                </Link>
                {r.urgent ? (
                  <span className="tag tag--error queue-table__urgent">{t("queue.urgent")}</span>
                ) : null}
                <CaseTagList tags={r.tags} label={t("tags.listLabel", { code: r.code })} max={1} />
              </th>
              <td data-label={cols.kind}>{t(kindLabelKey(r.kind, r.reporterRole))}</td>
              <td data-label={cols.themes} className="nowrap">
                {r.themes.length ? r.themes.map((k) => t(`themesShort.${k}`)).join(", ") : "–"}
              </td>
              <td data-label={cols.received} className="nowrap">
                <time dateTime={isoDate(r.receivedAt)}>{formatDate(r.receivedAt, t)}</time>
              </td>
              <td data-label={cols.activity} className="nowrap">
                <time dateTime={isoDate(r.lastActivityAt)}>{formatDate(r.lastActivityAt, t)}</time>
              </td>
              <td data-label={cols.deadline} className="nowrap">
                <DeadlineBadge deadline={r.deadline} short />
              </td>
              <td data-label={cols.status}>
                {r.closedAs ? t(`closedAs.${r.closedAs}`) : t(`statuses.${r.status}`)}
                {r.unread > 0 ? (
                  <>
                    {" "}
                    <span className="tag tag--warning">{t("queue.unread", { count: r.unread })}</span>
                  </>
                ) : null}
                {r.organisationNews ? (
                  <>
                    {" "}
                    <span className="tag tag--warning">{t("queue.organisationNews")}</span>
                  </>
                ) : null}
              </td>
              <td data-label={cols.assignee}>{r.assigneeName ?? t("queue.nobody")}</td>
            </tr>
          ))}
        </ReflowTable>
      )}
      <Pagination
        page={f.page}
        pages={pages}
        hrefFor={(page) => `/medewerker${queueSearch(f, { page })}`}
        label={t("pagination.label")}
      />
    </>
  );
}
