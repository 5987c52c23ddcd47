/**
 * The queue: open cases by urgency and their next due date (cases.next_due_at, ADR 039), with filters, counts per status and
 * unread reporter messages, in three indexed queries per page (rows, counts, unread) whatever the size.
 */
import { and, eq, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { ClockKind } from "~/domain/case-clocks";
import type { CaseKind, CaseStatus } from "~/domain/case-status";
import { PAGE_SIZE, statusesFor, type QueueFilters } from "~/domain/queue";
import type { ClosedAs } from "~/domain/vocabulary";
import { allTags, tagsOfCases, type Tag } from "./case-tags-links.server";
import { getDb, schema } from "./db.server";
import { formatCaseCode } from "~/domain/codes";

const c = schema.cases;

function conditions(f: QueueFilters, meId: number, now: number, withStatus: boolean): SQL[] {
  const where: SQL[] = [isNull(c.erasedAt)];
  if (withStatus) {
    if (f.status === "open") where.push(sql`${c.status} <> 'closed'`);
    else if (f.status !== "all") where.push(eq(c.status, f.status));
  }
  if (f.kind) where.push(eq(c.kind, f.kind));
  // The unary + keeps SQLite from choosing the unit or assignee index: with two units, or thousands of
  // cases per person over the years, walking the queue index in order and skipping is far cheaper than
  // sorting everything those indexes find.
  if (f.unit === "none") where.push(sql`+${c.unitId} IS NULL`);
  else if (f.unit !== undefined) where.push(sql`+${c.unitId} = ${f.unit}`);
  if (f.assignee === "mine") where.push(sql`+${c.assigneeId} = ${meId}`);
  else if (f.assignee === "nobody") where.push(sql`+${c.assigneeId} IS NULL`);
  else if (f.assignee !== undefined) where.push(sql`+${c.assigneeId} = ${f.assignee}`);
  if (f.urgent) where.push(eq(c.urgent, true));
  // Few cases carry one tag: SQLite reads them from case_tags_tag and checks each against the rest.
  if (f.tag !== undefined)
    where.push(
      sql`${c.id} IN (SELECT ${schema.caseTags.caseId} FROM ${schema.caseTags} WHERE ${schema.caseTags.tagId} = ${f.tag})`,
    );
  // A closed case's next_due_at is 9999-12-31 (ADR 039), so it is never overdue.
  if (f.overdue) where.push(lt(c.nextDueAt, now));
  return where;
}

export type QueueRow = {
  id: number;
  code: string;
  kind: CaseKind;
  reporterRole: string | null;
  status: CaseStatus;
  closedAs: ClosedAs | null;
  urgent: boolean;
  receivedAt: number;
  nextDueAt: number;
  nextDueKind: ClockKind | null;
  assigneeId: number | null;
  assigneeName: string | null;
  unitName: string | null;
  themes: string[];
  tags: Tag[];
  unread: number;
  /** The latest timeline event: a message, a status change, a referral update. */
  lastActivityAt: number;
};

export function loadQueue(f: QueueFilters, meId: number, now = Date.now(), db = getDb()) {
  const order =
    f.sort === "newest"
      ? [sql`${c.receivedAt} DESC`, sql`${c.id} DESC`]
      : f.sort === "oldest"
        ? [sql`${c.receivedAt} ASC`, sql`${c.id} ASC`]
        : [sql`${c.urgent} DESC`, sql`${c.nextDueAt} ASC`, sql`${c.receivedAt} ASC`, sql`${c.id} ASC`];

  const counts = db
    .select({ status: c.status, n: sql<number>`count(*)` })
    .from(c)
    .where(and(...conditions(f, meId, now, false)))
    .groupBy(c.status)
    .all();
  const countByStatus = Object.fromEntries(counts.map((r) => [r.status, r.n])) as Partial<
    Record<CaseStatus, number>
  >;
  const total = statusesFor(f.status).reduce((sum, s) => sum + (countByStatus[s] ?? 0), 0);

  const rows = db
    .select({
      id: c.id,
      code: c.code,
      kind: c.kind,
      reporterRole: c.reporterRole,
      status: c.status,
      closedAs: c.closedAs,
      urgent: c.urgent,
      receivedAt: c.receivedAt,
      nextDueAt: c.nextDueAt,
      nextDueKind: c.nextDueKind,
      assigneeId: c.assigneeId,
      assigneeName: schema.staff.name,
      unitName: schema.units.name,
      themes: c.themes,
    })
    .from(c)
    .leftJoin(schema.staff, eq(schema.staff.id, c.assigneeId))
    .leftJoin(schema.units, eq(schema.units.id, c.unitId))
    .where(and(...conditions(f, meId, now, true)))
    .orderBy(...order)
    .limit(PAGE_SIZE)
    .offset((f.page - 1) * PAGE_SIZE)
    .all();

  const ids = rows.map((r) => r.id);
  const unread = ids.length
    ? db
        .select({ caseId: schema.messages.caseId, n: sql<number>`count(*)` })
        .from(schema.messages)
        .where(
          and(
            inArray(schema.messages.caseId, ids),
            eq(schema.messages.author, "reporter"),
            isNull(schema.messages.readAt),
          ),
        )
        .groupBy(schema.messages.caseId)
        .all()
    : [];
  const unreadBy = new Map(unread.map((u) => [u.caseId, u.n]));
  // One index seek per row on case_events (case_id, at).
  const activity = ids.length
    ? db
        .select({ caseId: schema.caseEvents.caseId, at: sql<number>`max(${schema.caseEvents.at})` })
        .from(schema.caseEvents)
        .where(inArray(schema.caseEvents.caseId, ids))
        .groupBy(schema.caseEvents.caseId)
        .all()
    : [];
  const activityBy = new Map(activity.map((a) => [a.caseId, a.at]));
  const tagsBy = tagsOfCases(ids, db);

  return {
    rows: rows.map((r): QueueRow => ({
      ...r,
      code: formatCaseCode(r.code),
      tags: tagsBy.get(r.id) ?? [],
      unread: unreadBy.get(r.id) ?? 0,
      lastActivityAt: activityBy.get(r.id) ?? r.receivedAt,
    })),
    countByStatus,
    total,
  };
}

export function queueOptions(db = getDb()) {
  return {
    units: db
      .select({ id: schema.units.id, name: schema.units.name })
      .from(schema.units)
      .orderBy(schema.units.name)
      .all(),
    staff: db
      .select({ id: schema.staff.id, name: schema.staff.name })
      .from(schema.staff)
      .orderBy(schema.staff.name)
      .all(),
    tags: allTags(db),
  };
}
