/**
 * The queue's filters and sort order, read from the URL (GET parameters, so a filtered view can be
 * bookmarked and works without JavaScript). Anything unknown in the URL falls back to the default instead
 * of failing: an old bookmark must still open the queue.
 */
import { z } from "zod";
import { caseKinds, caseStatuses, type CaseKind, type CaseStatus } from "./case-status";

export const queueSorts = ["urgency", "newest", "oldest"] as const;
export type QueueSort = (typeof queueSorts)[number];

/** "open" is every status but closed; "all" includes closed cases. */
export const statusFilters = ["open", ...caseStatuses, "all"] as const;
export type StatusFilter = (typeof statusFilters)[number];

export const PAGE_SIZE = 25;
/** The longest search the queue's search box takes (and the server reads). */
export const QUERY_MAX = 200;
const MAX_PAGE = 10_000;

export type AssigneeFilter = "mine" | "nobody" | number;
export type UnitFilter = "none" | number;

export type QueueFilters = {
  kind?: CaseKind;
  status: StatusFilter;
  unit?: UnitFilter;
  assignee?: AssigneeFilter;
  /** A tag's id (ADR 041): its text may name someone, so it stays out of URLs and server logs. */
  tag?: number;
  overdue: boolean;
  urgent: boolean;
  sort: QueueSort;
  page: number;
};

export const defaultQueueFilters: QueueFilters = {
  status: "open",
  overdue: false,
  urgent: false,
  sort: "urgency",
  page: 1,
};

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const flag = z.preprocess(emptyToUndefined, z.enum(["1"]).optional()).catch(undefined);

const filterSchema = z.object({
  kind: z.preprocess(emptyToUndefined, z.enum(caseKinds).optional()).catch(undefined),
  status: z.preprocess(emptyToUndefined, z.enum(statusFilters).default("open")).catch("open"),
  unit: z.preprocess(emptyToUndefined, z.union([z.literal("none"), id]).optional()).catch(undefined),
  assignee: z
    .preprocess(emptyToUndefined, z.union([z.enum(["mine", "nobody"]), id]).optional())
    .catch(undefined),
  tag: z.preprocess(emptyToUndefined, id.optional()).catch(undefined),
  overdue: flag,
  urgent: flag,
  sort: z.preprocess(emptyToUndefined, z.enum(queueSorts).default("urgency")).catch("urgency"),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(MAX_PAGE).default(1)).catch(1),
});

export function parseQueueFilters(params: URLSearchParams): QueueFilters {
  const raw = Object.fromEntries(
    ["kind", "status", "unit", "assignee", "tag", "overdue", "urgent", "sort", "page"].map((k) => [
      k,
      params.get(k),
    ]),
  );
  const f = filterSchema.parse(raw);
  return {
    kind: f.kind,
    status: f.status,
    unit: f.unit,
    assignee: f.assignee,
    tag: f.tag,
    overdue: f.overdue === "1",
    urgent: f.urgent === "1",
    sort: f.sort,
    page: f.page,
  };
}

/**
 * The query string for a view: the current filters with some changed. Defaults are left out so URLs stay
 * short; changing any filter goes back to page 1 unless a page is given.
 */
export function queueSearch(current: QueueFilters, change: Partial<QueueFilters> = {}): string {
  const next: QueueFilters = { ...current, page: 1, ...change };
  const p = new URLSearchParams();
  if (next.kind) p.set("kind", next.kind);
  if (next.status !== "open") p.set("status", next.status);
  if (next.unit !== undefined) p.set("unit", String(next.unit));
  if (next.assignee !== undefined) p.set("assignee", String(next.assignee));
  if (next.tag !== undefined) p.set("tag", String(next.tag));
  if (next.overdue) p.set("overdue", "1");
  if (next.urgent) p.set("urgent", "1");
  if (next.sort !== "urgency") p.set("sort", next.sort);
  if (next.page > 1) p.set("page", String(next.page));
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Which statuses a status filter selects. */
export function statusesFor(filter: StatusFilter): readonly CaseStatus[] {
  if (filter === "all") return caseStatuses;
  if (filter === "open") return caseStatuses.filter((s) => s !== "closed");
  return [filter];
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/**
 * Where "back to the queue" on a case page leads: the view the case was opened from (`terug`, the queue's
 * query string), rebuilt from its parsed filters so nothing but a queue URL can come out of it.
 */
export function queueReturnPath(from: string | null): string {
  if (!from) return "/medewerker";
  const params = new URLSearchParams(from.startsWith("?") ? from.slice(1) : from);
  const q = (params.get("q") ?? "").trim().slice(0, 200);
  if (q) return `/medewerker?q=${encodeURIComponent(q)}`;
  const f = parseQueueFilters(params);
  return `/medewerker${queueSearch(f, { page: f.page })}`;
}
