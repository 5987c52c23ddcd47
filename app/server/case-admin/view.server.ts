/**
 * One case as staff read it: every look at the story or contact details is written to the audit log, in
 * the same transaction as the reading. Also the related cases and what is left of an erased case.
 */
import { and, desc, eq, gte, isNotNull, isNull, ne, sql } from "drizzle-orm";
import type { CaseContact, CaseDetails } from "~/domain/case-content";
import { yearRangeOf, type PatternSummary } from "~/domain/related-cases";
import { formatCaseCode } from "~/domain/codes";
import { audit } from "../audit.server";
import { decryptText } from "./change.server";
import { decrypt, decryptJson } from "../crypto.server";
import { getDb, schema } from "../db.server";
import type { StaffUser } from "../staff-session.server";
import { storyOf } from "../story.server";
import type { DbOrTx, Tx } from "../tx.server";

const c = schema.cases;

export const RELATED_LIST_LIMIT = 10;

/**
 * Other cases about the same unit with an overlapping period (app/domain/related-cases.ts, here in SQL):
 * the counts and the most recent few.
 */
export function relatedCases(
  subject: { id: number; unitId: number | null; periodFrom: number | null; periodTo: number | null },
  db: DbOrTx = getDb(),
) {
  const period = yearRangeOf(subject);
  if (subject.unitId == null || period === null) return null;
  const where = and(
    eq(c.unitId, subject.unitId),
    ne(c.id, subject.id),
    isNull(c.erasedAt),
    sql`coalesce(${c.periodFrom}, ${c.periodTo}) <= ${period.to}`,
    sql`coalesce(${c.periodTo}, ${c.periodFrom}) >= ${period.from}`,
  );
  // One pass with sums is about twice as fast as GROUP BY kind, status over tens of thousands of rows.
  const counts = db
    .select({
      total: sql<number>`count(*)`,
      testimony: sql<number>`coalesce(sum(${c.kind} = 'testimony'), 0)`,
      complaint: sql<number>`coalesce(sum(${c.kind} = 'complaint'), 0)`,
      open: sql<number>`coalesce(sum(${c.status} <> 'closed'), 0)`,
    })
    .from(c)
    .where(where)
    .get() ?? { total: 0, testimony: 0, complaint: 0, open: 0 };
  const summary: PatternSummary = {
    total: counts.total,
    open: counts.open,
    byKind: {
      testimony: counts.testimony,
      complaint: counts.complaint,
      contact: counts.total - counts.testimony - counts.complaint,
    },
  };
  const recent = db
    .select({ id: c.id, code: c.code, kind: c.kind, status: c.status, receivedAt: c.receivedAt })
    .from(c)
    .where(where)
    .orderBy(desc(c.receivedAt), desc(c.id))
    .limit(RELATED_LIST_LIMIT)
    .all()
    .map((r) => ({ ...r, code: formatCaseCode(r.code) }));
  return { summary, recent };
}

export type CaseView = NonNullable<ReturnType<typeof loadCase>>;

/** Whether this person already had the contact details of this case shown since they signed in. */
function contactShownThisSession(tx: Tx, me: StaffUser, caseId: number): boolean {
  const session = tx
    .select({ createdAt: schema.staffSessions.createdAt })
    .from(schema.staffSessions)
    .where(eq(schema.staffSessions.idHash, me.sessionIdHash))
    .get();
  if (!session) return false;
  return (
    tx
      .select({ id: schema.auditLog.id })
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.caseId, caseId),
          eq(schema.auditLog.action, "contact_viewed"),
          eq(schema.auditLog.staffId, me.id),
          gte(schema.auditLog.at, session.createdAt),
        ),
      )
      .limit(1)
      .get() !== undefined
  );
}

/**
 * Everything about a case on one page. Writes `case_viewed` (unless `logView` is false: the page after
 * the person's own action on it) and marks the reporter's messages as read, in the same transaction as
 * the reading. Contact details asked for (`contact: "show"`) are logged as `contact_viewed` once per
 * session and then stay shown for the rest of it, unless hidden (`contact: "hide"`).
 */
export function loadCase(
  caseId: number,
  me: StaffUser,
  opts: { contact?: "show" | "hide"; logView?: boolean },
  now = Date.now(),
) {
  const db = getDb();
  return db.transaction((tx) => {
    const row = tx
      .select()
      .from(c)
      .where(and(eq(c.id, caseId), isNull(c.erasedAt)))
      .get();
    if (!row) return null;
    if (opts.logView !== false) audit(tx, { action: "case_viewed", staffId: me.id, caseId }, now);
    const shownBefore = row.contactEnc !== null && contactShownThisSession(tx, me, caseId);
    const showContact =
      row.contactEnc !== null && (opts.contact === "show" || (opts.contact !== "hide" && shownBefore));
    if (showContact && !shownBefore) audit(tx, { action: "contact_viewed", staffId: me.id, caseId }, now);
    tx.update(schema.messages)
      .set({ readAt: now })
      .where(
        and(
          eq(schema.messages.caseId, caseId),
          eq(schema.messages.author, "reporter"),
          isNull(schema.messages.readAt),
        ),
      )
      .run();

    const unit = row.unitId
      ? tx.select().from(schema.units).where(eq(schema.units.id, row.unitId)).get()
      : undefined;
    const municipality = row.municipalityCode
      ? tx
          .select({ name: schema.organisations.name })
          .from(schema.organisations)
          .where(eq(schema.organisations.cbsCode, row.municipalityCode))
          .get()
      : undefined;
    const assignee = row.assigneeId
      ? tx
          .select({ id: schema.staff.id, name: schema.staff.name })
          .from(schema.staff)
          .where(eq(schema.staff.id, row.assigneeId))
          .get()
      : undefined;
    const consents = tx
      .select({
        recipient: schema.consents.recipient,
        given: schema.consents.given,
        withIdentity: schema.consents.withIdentity,
        changedAt: schema.consents.changedAt,
      })
      .from(schema.consents)
      .where(eq(schema.consents.caseId, caseId))
      .all();
    const events = tx
      .select({
        id: schema.caseEvents.id,
        at: schema.caseEvents.at,
        type: schema.caseEvents.type,
        reporterVisible: schema.caseEvents.reporterVisible,
        params: schema.caseEvents.params,
        dataEnc: schema.caseEvents.dataEnc,
        staffName: schema.staff.name,
      })
      .from(schema.caseEvents)
      .leftJoin(schema.staff, eq(schema.staff.id, schema.caseEvents.staffId))
      .where(eq(schema.caseEvents.caseId, caseId))
      .orderBy(schema.caseEvents.at, schema.caseEvents.id)
      .all();
    const messages = tx
      .select({
        id: schema.messages.id,
        at: schema.messages.at,
        author: schema.messages.author,
        bodyEnc: schema.messages.bodyEnc,
        staffName: schema.staff.name,
      })
      .from(schema.messages)
      .leftJoin(schema.staff, eq(schema.staff.id, schema.messages.staffId))
      .where(eq(schema.messages.caseId, caseId))
      .orderBy(schema.messages.at, schema.messages.id)
      .all();
    const notes = tx
      .select({
        id: schema.notes.id,
        at: schema.notes.at,
        bodyEnc: schema.notes.bodyEnc,
        staffName: schema.staff.name,
      })
      .from(schema.notes)
      .leftJoin(schema.staff, eq(schema.staff.id, schema.notes.staffId))
      .where(eq(schema.notes.caseId, caseId))
      .orderBy(schema.notes.at, schema.notes.id)
      .all();

    return {
      case: {
        id: row.id,
        code: formatCaseCode(row.code),
        kind: row.kind,
        status: row.status,
        urgent: row.urgent,
        language: row.language,
        reporterRole: row.reporterRole,
        unit: unit ? { id: unit.id, name: unit.name, place: unit.place } : null,
        periodFrom: row.periodFrom,
        periodTo: row.periodTo,
        themes: row.themes,
        wishes: row.wishes,
        safeNow: row.safeNow,
        municipality: municipality?.name ?? null,
        contactMethod: row.contactMethod,
        receivedAt: row.receivedAt,
        ackDueAt: row.ackDueAt,
        answerDueAt: row.answerDueAt,
        acknowledgedAt: row.acknowledgedAt,
        firstAnswerAt: row.firstAnswerAt,
        closedAt: row.closedAt,
        closedAs: row.closedAs,
        nextDueAt: row.nextDueAt,
        nextDueKind: row.nextDueKind,
        followUp:
          row.followUpAt !== null
            ? { dueAt: row.followUpAt, reason: decryptText(row.followUpReasonEnc) ?? "" }
            : null,
        assignee: assignee ?? null,
        wantsNews: row.notifyEmailEnc != null,
        hasContact: row.contactEnc != null,
      },
      story: storyOf(tx, row.id, row.storyEnc),
      details: decryptJson<CaseDetails>(row.detailsEnc),
      outcome: decryptText(row.outcomeEnc),
      contact: showContact ? decryptJson<CaseContact>(row.contactEnc) : null,
      consents,
      events: events.map(({ dataEnc, ...e }) => ({ ...e, text: decryptText(dataEnc) })),
      messages: messages.map(({ bodyEnc, ...m }) => ({ ...m, body: decrypt(bodyEnc) })),
      notes: notes.map(({ bodyEnc, ...n }) => ({ ...n, body: decrypt(bodyEnc) })),
      related: relatedCases(row, tx),
    };
  });
}

/** What the back office still knows of a case its reporter erased: its code and when. */
export function erasedCase(caseId: number, db = getDb()) {
  const row = db
    .select({ code: c.code, erasedAt: c.erasedAt })
    .from(c)
    .where(and(eq(c.id, caseId), isNotNull(c.erasedAt)))
    .get();
  return row ? { code: formatCaseCode(row.code), erasedAt: row.erasedAt! } : null;
}
