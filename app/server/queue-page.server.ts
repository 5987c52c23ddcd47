/**
 * The queue page (/medewerker): a search when the URL has one, else the filtered, paged queue with the
 * cases that have news from an organisation; a coordinator also sees the setup tasks left.
 */
import { redirect } from "@remix-run/node";
import { deadlineInfo } from "~/domain/case-status";
import { pageCount, parseQueueFilters, QUERY_MAX, queueSearch } from "~/domain/queue";
import { loadQueue, queueOptions } from "./queue.server";
import { casesWithOrganisationNews } from "./referrals/case-panel.server";
import { searchCases } from "./search-index.server";
import { setupTasks } from "./setup-tasks.server";
import type { StaffUser } from "./staff-session.server";

export function queuePage(me: StaffUser, url: URL) {
  const params = url.searchParams;
  const tasks = me.role === "coordinator" ? setupTasks() : null;
  const query = (params.get("q") ?? "").slice(0, QUERY_MAX).trim();
  if (query) {
    const { hits, more } = searchCases(query);
    return { mode: "search" as const, query, hits, more, tasks };
  }
  const filters = parseQueueFilters(params);
  const now = Date.now();
  const { rows, countByStatus, total } = loadQueue(filters, me.id, now);
  // A bookmark or a link can point past the last page once cases are closed: show the last page instead.
  if (filters.page > pageCount(total))
    throw redirect(`/medewerker${queueSearch(filters, { page: pageCount(total) })}`);
  const news = casesWithOrganisationNews(rows.map((r) => r.id));
  return {
    mode: "queue" as const,
    filters,
    rows: rows.map((r) => ({ ...r, deadline: deadlineInfo(r, now), organisationNews: news.has(r.id) })),
    countByStatus,
    total,
    pages: pageCount(total),
    options: queueOptions(),
    meId: me.id,
    tasks,
  };
}
