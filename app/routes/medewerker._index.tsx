import { json, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DeadlineBadge } from "~/components/staff/DeadlineBadge";
import { FilterActions } from "~/components/staff/FilterActions";
import { FilterCheckbox } from "~/components/staff/FilterCheckbox";
import { formatDate, isoDate } from "~/components/staff/format";
import { Pagination } from "~/components/staff/Pagination";
import { SelectField } from "~/components/staff/SelectField";
import { caseKinds, caseStatuses, deadlineInfo } from "~/domain/case-status";
import {
  pageCount,
  parseQueueFilters,
  queueSearch,
  queueSorts,
  statusFilters,
  type QueueFilters,
} from "~/domain/queue";
import type { RouteHandle } from "~/route-handle";
import { loadQueue, queueOptions } from "~/server/queue.server";
import { casesWithOrganisationNews } from "~/server/referrals.server";
import { requireStaff } from "~/server/staff-session.server";
import { useCachedT } from "~/components/staff/use-cached-t";
import { ReflowTable } from "~/components/staff/ReflowTable";

export const handle: RouteHandle = { title: "staff:queue.title" };

export function loader({ request }: LoaderFunctionArgs) {
  const me = requireStaff(request);
  const filters = parseQueueFilters(new URL(request.url).searchParams);
  const now = Date.now();
  const { rows, countByStatus, total } = loadQueue(filters, me.id, now);
  // A bookmark or a link can point past the last page once cases are closed: show the last page instead.
  if (filters.page > pageCount(total))
    throw redirect(`/medewerker${queueSearch(filters, { page: pageCount(total) })}`);
  const news = casesWithOrganisationNews(rows.map((r) => r.id));
  return json({
    filters,
    rows: rows.map((r) => ({ ...r, deadline: deadlineInfo(r, now), organisationNews: news.has(r.id) })),
    countByStatus,
    total,
    pages: pageCount(total),
    options: queueOptions(),
    meId: me.id,
  });
}

export default function Queue() {
  const { filters, rows, countByStatus, total, pages, options, meId } = useLoaderData<typeof loader>();
  const t = useCachedT();
  const f = filters as QueueFilters;
  const countFor = (s: (typeof statusFilters)[number]) =>
    s === "all"
      ? caseStatuses.reduce((n, x) => n + (countByStatus[x] ?? 0), 0)
      : s === "open"
        ? caseStatuses.filter((x) => x !== "closed").reduce((n, x) => n + (countByStatus[x] ?? 0), 0)
        : (countByStatus[s] ?? 0);
  const cols = {
    code: t("queue.columns.code"),
    kind: t("queue.columns.kind"),
    received: t("queue.columns.received"),
    deadline: t("queue.columns.deadline"),
    status: t("queue.columns.status"),
    assignee: t("queue.columns.assignee"),
    unit: t("queue.columns.unit"),
    unread: t("queue.columns.unread"),
  };
  return (
    <>
      <h1>{t("queue.title")}</h1>
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

      <details className="queue-filters" open>
        <summary>{t("queue.filters.heading")}</summary>
        <Form
          method="get"
          action="/medewerker"
          className="queue-filters__form"
          aria-label={t("queue.filters.heading")}
        >
          {f.status !== "open" ? <input type="hidden" name="status" value={f.status} /> : null}
          <div className="queue-filters__grid">
            <SelectField
              name="kind"
              label={t("queue.filters.kind")}
              defaultValue={f.kind ?? ""}
              options={[
                { value: "", label: t("queue.filters.anyKind") },
                ...caseKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
              ]}
            />
            <SelectField
              name="unit"
              label={t("queue.filters.unit")}
              defaultValue={f.unit === undefined ? "" : String(f.unit)}
              options={[
                { value: "", label: t("queue.filters.anyUnit") },
                ...options.units.map((u) => ({ value: String(u.id), label: u.name })),
                { value: "none", label: t("queue.filters.noUnit") },
              ]}
            />
            <SelectField
              name="assignee"
              label={t("queue.filters.assignee")}
              defaultValue={f.assignee === undefined ? "" : String(f.assignee)}
              options={[
                { value: "", label: t("queue.filters.anyone") },
                { value: "mine", label: t("queue.filters.mine") },
                { value: "nobody", label: t("queue.filters.nobody") },
                ...options.staff
                  .filter((s) => s.id !== meId)
                  .map((s) => ({ value: String(s.id), label: s.name })),
              ]}
            />
            <SelectField
              name="sort"
              label={t("queue.filters.sort")}
              defaultValue={f.sort}
              options={queueSorts.map((s) => ({ value: s, label: t(`queue.sort.${s}`) }))}
            />
          </div>
          <div className="queue-filters__checks">
            <FilterCheckbox name="overdue" label={t("queue.filters.overdue")} defaultChecked={f.overdue} />
            <FilterCheckbox name="urgent" label={t("queue.filters.urgent")} defaultChecked={f.urgent} />
          </div>
          <FilterActions
            submitLabel={t("queue.filters.apply")}
            clearLabel={t("queue.filters.clear")}
            clearTo="/medewerker"
          />
        </Form>
      </details>

      <p className="queue-total" role="status">
        {t("queue.total", { count: total })}
      </p>

      {rows.length === 0 ? (
        <p>{t("queue.empty")}</p>
      ) : (
        <ReflowTable className="queue-table" caption={t("queue.caption")} columns={cols}>
          {rows.map((r) => (
            <tr key={r.id} className={r.urgent ? "is-urgent" : undefined}>
              <th scope="row" data-label={cols.code}>
                <Link to={`/medewerker/zaken/${r.id}`} className="queue-table__code">
                  {r.code}
                </Link>
                {r.urgent ? (
                  <span className="tag tag--error queue-table__urgent">{t("queue.urgent")}</span>
                ) : null}
              </th>
              <td data-label={cols.kind}>{t(`kinds.${r.kind}`)}</td>
              <td data-label={cols.received}>
                <time dateTime={isoDate(r.receivedAt)}>{formatDate(r.receivedAt, t)}</time>
              </td>
              <td data-label={cols.deadline}>
                <DeadlineBadge deadline={r.deadline} />
              </td>
              <td data-label={cols.status}>
                {t(`statuses.${r.status}`)}
                {r.organisationNews ? (
                  <>
                    {" "}
                    <span className="tag tag--warning">{t("queue.organisationNews")}</span>
                  </>
                ) : null}
              </td>
              <td data-label={cols.assignee}>{r.assigneeName ?? t("queue.nobody")}</td>
              <td data-label={cols.unit}>{r.unitName ?? t("queue.noUnit")}</td>
              <td data-label={cols.unread}>
                {r.unread > 0 ? (
                  <span className="tag tag--warning">{t("queue.unread", { count: r.unread })}</span>
                ) : (
                  <span className="queue-table__none">{t("queue.noUnread")}</span>
                )}
              </td>
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
