import { json, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSubmit } from "@remix-run/react";
import { CaseTagList } from "~/components/staff/CaseTagsLinks";
import { DeadlineBadge } from "~/components/staff/DeadlineBadge";
import { FilterActions } from "~/components/staff/FilterActions";
import { FilterCheckbox } from "~/components/staff/FilterCheckbox";
import { formatDate, isoDate } from "~/components/staff/format";
import { Pagination } from "~/components/staff/Pagination";
import { SelectField } from "~/components/staff/SelectField";
import { caseKinds, caseStatuses, deadlineInfo, kindLabelKey } from "~/domain/case-status";
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
import { casesWithOrganisationNews } from "~/server/referrals/case-panel.server";
import { searchCases } from "~/server/search-index.server";
import { setupTasks } from "~/server/setup-tasks.server";
import { requireStaff } from "~/server/staff-session.server";
import { useCachedT } from "~/components/staff/use-cached-t";
import { ReflowTable } from "~/components/staff/ReflowTable";

export const handle: RouteHandle = { title: "staff:queue.title" };

const QUERY_MAX = 200;

export function loader({ request }: LoaderFunctionArgs) {
  const me = requireStaff(request);
  const params = new URL(request.url).searchParams;
  const tasks = me.role === "coordinator" ? setupTasks() : null;
  const query = (params.get("q") ?? "").slice(0, QUERY_MAX).trim();
  if (query) {
    const { hits, more } = searchCases(query);
    return json({ mode: "search" as const, query, hits, more, tasks });
  }
  const filters = parseQueueFilters(params);
  const now = Date.now();
  const { rows, countByStatus, total } = loadQueue(filters, me.id, now);
  // A bookmark or a link can point past the last page once cases are closed: show the last page instead.
  if (filters.page > pageCount(total))
    throw redirect(`/medewerker${queueSearch(filters, { page: pageCount(total) })}`);
  const news = casesWithOrganisationNews(rows.map((r) => r.id));
  return json({
    mode: "queue" as const,
    filters,
    rows: rows.map((r) => ({ ...r, deadline: deadlineInfo(r, now), organisationNews: news.has(r.id) })),
    countByStatus,
    total,
    pages: pageCount(total),
    options: queueOptions(),
    meId: me.id,
    tasks,
  });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

/** The link to a case carries the view it was opened from, so "back to the queue" returns there. */
const caseHref = (id: number, from: string) =>
  `/medewerker/zaken/${id}${from ? `?terug=${encodeURIComponent(from)}` : ""}`;

function SearchForm({ query }: { query: string }) {
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

function SetupTasks({ tasks }: { tasks: NonNullable<Data["tasks"]> }) {
  const t = useCachedT();
  if (tasks.organisations.length === 0 && tasks.regions.length === 0) return null;
  return (
    <section className="notice setup-tasks" aria-labelledby="setup-heading">
      <h2 id="setup-heading">{t("setupTasks.heading")}</h2>
      <p>{t("setupTasks.intro")}</p>
      <ul>
        {tasks.organisations.length > 0 ? (
          <li>
            <Link to="/medewerker/organisaties?zonderadres=1">
              {t("setupTasks.organisations", { count: tasks.organisations.length })}
            </Link>
            {tasks.organisations.length <= 5
              ? `: ${tasks.organisations.map((o) => o.name).join(", ")}`
              : null}
          </li>
        ) : null}
        {tasks.regions.length > 0 ? (
          <li>
            <Link to="/medewerker/organisaties/regios">
              {t("setupTasks.regions", { count: tasks.regions.length })}
            </Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

function SearchResults({ data }: { data: Extract<Data, { mode: "search" }> }) {
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

/** "All cases" and "My cases": the two views a worker switches between all day, other filters kept. */
function ViewTabs({ filters }: { filters: QueueFilters }) {
  const t = useCachedT();
  return (
    <nav className="view-tabs" aria-label={t("queue.viewNav")}>
      <ul>
        <li>
          <Link
            to={`/medewerker${queueSearch(filters, { assignee: undefined })}`}
            aria-current={filters.assignee === undefined ? "page" : undefined}
          >
            {t("queue.views.all")}
          </Link>
        </li>
        <li>
          <Link
            to={`/medewerker${queueSearch(filters, { assignee: "mine" })}`}
            aria-current={filters.assignee === "mine" ? "page" : undefined}
          >
            {t("queue.views.mine")}
          </Link>
        </li>
      </ul>
    </nav>
  );
}

function QueueView({ data }: { data: Extract<Data, { mode: "queue" }> }) {
  const { filters, rows, countByStatus, total, pages, options, meId } = data;
  const t = useCachedT();
  const submit = useSubmit();
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

      <Form
        method="get"
        action="/medewerker"
        className="queue-filters"
        aria-label={t("queue.filters.heading")}
        // With JavaScript a changed filter applies at once; without it the button sends the form.
        onChange={(e) => submit(e.currentTarget, { replace: true, preventScrollReset: true })}
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
          {/* No labels made yet: nothing to filter by, and the row keeps its room. */}
          {options.tags.length > 0 || f.tag !== undefined ? (
            <SelectField
              name="tag"
              label={t("queue.filters.tag")}
              defaultValue={f.tag === undefined ? "" : String(f.tag)}
              options={[
                { value: "", label: t("queue.filters.anyTag") },
                ...options.tags.map((g) => ({ value: String(g.id), label: g.name })),
              ]}
            />
          ) : null}
          <SelectField
            name="sort"
            label={t("queue.filters.sort")}
            defaultValue={f.sort}
            options={queueSorts.map((s) => ({ value: s, label: t(`queue.sort.${s}`) }))}
          />
          <div className="queue-filters__checks">
            <FilterCheckbox name="overdue" label={t("queue.filters.overdue")} defaultChecked={f.overdue} />
            <FilterCheckbox name="urgent" label={t("queue.filters.urgent")} defaultChecked={f.urgent} />
          </div>
          <FilterActions
            submitLabel={t("queue.filters.apply")}
            clearLabel={t("queue.filters.clear")}
            clearTo="/medewerker"
          />
        </div>
      </Form>

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

export default function Queue() {
  const data = useLoaderData<typeof loader>();
  const t = useCachedT();
  return (
    <>
      <div className="queue-head">
        <h1>{t("queue.title")}</h1>
        {data.mode === "queue" ? <ViewTabs filters={data.filters as QueueFilters} /> : null}
        <SearchForm query={data.mode === "search" ? data.query : ""} />
      </div>
      {data.tasks ? <SetupTasks tasks={data.tasks} /> : null}
      {data.mode === "search" ? <SearchResults data={data} /> : <QueueView data={data} />}
    </>
  );
}
