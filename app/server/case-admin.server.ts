/**
 * One case for staff: reading it (every look at the story or contact details is written to the audit log)
 * and handling it. Every change runs in one transaction that also writes the timeline (case_events), the
 * audit log and, when the reporter can see the change and asked for it, a "there is news" mail.
 */
import { and, asc, desc, eq, gte, isNotNull, isNull, ne, notInArray, or, sql } from "drizzle-orm";
import type { Theme } from "~/domain/case-content";
import { changedFacts, validateFacts, type CaseFacts, type EditableFact } from "~/domain/case-facts";
import type { FieldErrors as IntakeFieldErrors, FormInput } from "~/domain/intake/validation";
import { closedReferralStatuses, referralReference } from "~/domain/referrals";
import type { CaseContact, CaseDetails } from "~/domain/case-content";
import { caseEventTypes, type CaseEventType } from "~/domain/case-events";
import { statusChange, type StaffStatus } from "~/domain/case-status";
import { messageMilestones, type MessageRole } from "~/domain/case-clocks";
import { newsMailDue } from "~/domain/news-mail";
import { yearRangeOf, type PatternSummary } from "~/domain/related-cases";
import { caseDeadlines } from "~/domain/working-days";
import { getEnv } from "~/config/env.server";
import { getFixedT } from "~/i18n/resources.server";
import { audit } from "./audit.server";
import { decrypt, decryptJson, encrypt } from "./crypto.server";
import { getDb, schema, type Db } from "./db.server";
import { refreshCaseClock } from "./case-clocks.server";
import { getDeadlineSettings } from "./deadline-settings.server";
import { enqueueMail } from "./outbox.server";
import type { StaffUser } from "./staff-session.server";
import { storyOf } from "./story.server";
import type { DbOrTx, Tx } from "./tx.server";
import { formatCaseCode } from "~/domain/codes";

const c = schema.cases;

/**
 * Free text (outcome, event notes, the news address) is stored as encrypt(text); a JSON-encoded string is
 * read too, so either way of writing it shows the same words.
 */
function decryptText(stored: string | null): string | null {
  if (!stored) return null;
  const plain = decrypt(stored);
  try {
    const v: unknown = JSON.parse(plain);
    return typeof v === "string" ? v : plain;
  } catch {
    return plain;
  }
}

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

// ---------------------------------------------------------------- changes

/** A referral that is not done or blocked: closing the case while one is open asks to confirm first. */
export type OpenReferral = { reference: string; organisation: string; status: string; createdAt: number };

export type CaseActionResult =
  | { ok: true }
  | {
      ok: false;
      reason:
        | "not_found"
        | "closed"
        | "same"
        | "already_acknowledged"
        | "already_answered"
        | "unknown_staff"
        | "not_closed"
        | "not_duplicate";
    }
  | { ok: false; reason: "open_referral"; referrals: OpenReferral[] };

export type Ctx = {
  tx: Tx;
  row: typeof schema.cases.$inferSelect;
  me: StaffUser;
  now: number;
  news: boolean;
};

export function addEvent(
  ctx: Ctx,
  type: CaseEventType,
  params?: Record<string, string | number | boolean>,
  text?: string,
) {
  const reporterVisible = caseEventTypes[type].reporterVisible;
  ctx.tx
    .insert(schema.caseEvents)
    .values({
      caseId: ctx.row.id,
      at: ctx.now,
      type,
      reporterVisible,
      staffId: ctx.me.id,
      params: params ?? null,
      dataEnc: text ? encrypt(text) : null,
    })
    .run();
  if (reporterVisible) ctx.news = true;
}

/** One "there is news" mail per change the reporter can see, when they left an address for it. */
function queueNews(ctx: Ctx) {
  if (ctx.news) queueNewsMail(ctx.tx, ctx.row.id, ctx.now);
}

/**
 * A "there is news" mail (no case content, no code) to the address the reporter left, if any. Shared by
 * every change the reporter can see, here and in referrals.server.ts. At most one per case within
 * NEWS_MAIL_WINDOW_MS (app/domain/news-mail.ts), decided here, in the change's transaction: the outbox
 * never holds the duplicates.
 */
export function queueNewsMail(tx: DbOrTx, caseId: number, now: number): boolean {
  const row = tx
    .select({
      notifyEmailEnc: schema.cases.notifyEmailEnc,
      language: schema.cases.language,
      newsMailQueuedAt: schema.cases.newsMailQueuedAt,
    })
    .from(schema.cases)
    .where(eq(schema.cases.id, caseId))
    .get();
  if (!row?.notifyEmailEnc) return false;
  if (!newsMailDue(row.newsMailQueuedAt, now)) return false;
  const to = decryptText(row.notifyEmailEnc);
  if (!to) return false;
  tx.update(schema.cases).set({ newsMailQueuedAt: now }).where(eq(schema.cases.id, caseId)).run();
  const t = getFixedT(row.language, "staff");
  enqueueMail(
    tx,
    {
      purpose: "news",
      to,
      subject: t("newsMail.subject"),
      bodyText: t("newsMail.body", { url: `${getEnv().PUBLIC_URL}/volgen` }),
    },
    now,
  );
  return true;
}

/** A change to one case in one transaction; its news mail and next due date follow when it succeeds. */
export function withCase<R extends { ok: boolean }>(
  caseId: number,
  me: StaffUser,
  now: number,
  change: (ctx: Ctx) => R,
): R | { ok: false; reason: "not_found" } {
  return getDb().transaction((tx) => {
    const row = tx
      .select()
      .from(c)
      .where(and(eq(c.id, caseId), isNull(c.erasedAt)))
      .get();
    if (!row) return { ok: false, reason: "not_found" };
    const ctx: Ctx = { tx, row, me, now, news: false };
    const result = change(ctx);
    if (result.ok) {
      queueNews(ctx);
      refreshCaseClock(tx, caseId);
    }
    return result;
  });
}

export function assignCase(caseId: number, me: StaffUser, assigneeId: number | null, now = Date.now()) {
  return withCase(caseId, me, now, (ctx): CaseActionResult => {
    if (ctx.row.assigneeId === assigneeId) return { ok: false, reason: "same" };
    if (assigneeId !== null) {
      const target = ctx.tx
        .select({ id: schema.staff.id })
        .from(schema.staff)
        .where(and(eq(schema.staff.id, assigneeId), eq(schema.staff.active, true)))
        .get();
      if (!target) return { ok: false, reason: "unknown_staff" };
    }
    ctx.tx.update(c).set({ assigneeId }).where(eq(c.id, caseId)).run();
    addEvent(ctx, "assigned", { to: assigneeId ?? 0 });
    audit(ctx.tx, { action: "case_assigned", staffId: me.id, caseId, detail: { to: assigneeId } }, now);
    return { ok: true };
  });
}

/** The case's referrals that are still running (not done, not blocked), newest first. */
export function openReferralsOf(db: DbOrTx, caseId: number): OpenReferral[] {
  const r = schema.referrals;
  return db
    .select({ id: r.id, organisation: schema.organisations.name, status: r.status, createdAt: r.createdAt })
    .from(r)
    .innerJoin(schema.organisations, eq(schema.organisations.id, r.organisationId))
    .where(and(eq(r.caseId, caseId), notInArray(r.status, [...closedReferralStatuses])))
    .orderBy(desc(r.createdAt), desc(r.id))
    .all()
    .map(({ id, ...x }) => ({ ...x, reference: referralReference(id) }));
}

/** Whether a case is linked as the duplicate of another (app/domain/case-links.ts). */
function isDuplicate(db: DbOrTx, caseId: number): boolean {
  const k = schema.caseLinks;
  return (
    db
      .select({ id: k.id })
      .from(k)
      .where(and(eq(k.caseId, caseId), eq(k.kind, "duplicate")))
      .get() !== undefined
  );
}

/**
 * Closing a case while a referral is still open ends the reporter's clock but not the organisation's
 * work: it is asked to confirm first (`confirmOpenReferral`), the server answering with the referrals.
 */
export function changeStatus(
  caseId: number,
  me: StaffUser,
  to: StaffStatus,
  outcome: string | null,
  now = Date.now(),
  opts: { confirmOpenReferral?: boolean; asDuplicate?: boolean } = {},
) {
  return withCase(caseId, me, now, (ctx): CaseActionResult => {
    const change = statusChange(ctx.row, to);
    if (!change.ok) return change;
    // Closed as a duplicate only while it is linked as one (ADR 041): the link says of which case.
    const asDuplicate = change.closes && opts.asDuplicate === true;
    if (asDuplicate && !isDuplicate(ctx.tx, caseId)) return { ok: false, reason: "not_duplicate" };
    if (change.closes && !opts.confirmOpenReferral) {
      const open = openReferralsOf(ctx.tx, caseId);
      if (open.length > 0) return { ok: false, reason: "open_referral", referrals: open };
    }
    const from = ctx.row.status;
    ctx.tx
      .update(c)
      .set({
        status: to,
        acknowledgedAt: change.acknowledges ? now : ctx.row.acknowledgedAt,
        ...(change.closes
          ? {
              closedAt: now,
              closedAs: asDuplicate ? ("duplicate" as const) : null,
              outcomeEnc: encrypt(outcome ?? ""),
              firstAnswerAt: ctx.row.firstAnswerAt ?? now,
            }
          : {}),
      })
      .where(eq(c.id, caseId))
      .run();
    if (change.acknowledges) addEvent(ctx, "acknowledged");
    if (change.closes)
      addEvent(ctx, "closed", asDuplicate ? { from, as: "duplicate" } : { from }, outcome ?? "");
    else if (to !== "acknowledged")
      addEvent(ctx, "status_changed", { from: change.acknowledges ? "acknowledged" : from, to });
    audit(
      ctx.tx,
      {
        action: "case_status_changed",
        staffId: me.id,
        caseId,
        detail: asDuplicate ? { from, to, as: "duplicate" } : { from, to },
      },
      now,
    );
    return { ok: true };
  });
}

export function addNote(caseId: number, me: StaffUser, body: string, now = Date.now()) {
  return withCase(caseId, me, now, (ctx): CaseActionResult => {
    const note = ctx.tx
      .insert(schema.notes)
      .values({ caseId, at: now, staffId: me.id, bodyEnc: encrypt(body) })
      .returning({ id: schema.notes.id })
      .get();
    addEvent(ctx, "note_added", { noteId: note.id });
    audit(ctx.tx, { action: "note_added", staffId: me.id, caseId }, now);
    return { ok: true };
  });
}

/** Stores the acknowledgement and/or first answer a worker marked, each once, with its timeline entry. */
function markMilestones(
  ctx: Ctx,
  m: { acknowledges: boolean; answers: boolean },
  how: "message" | "outside",
) {
  if (!m.acknowledges && !m.answers) return;
  ctx.tx
    .update(c)
    .set({
      // The reporter's status follows: a case acknowledged is no longer just "received".
      ...(ctx.row.status === "received" ? { status: "acknowledged" as const } : {}),
      ...(m.acknowledges ? { acknowledgedAt: ctx.now } : {}),
      ...(m.answers ? { firstAnswerAt: ctx.now } : {}),
    })
    .where(eq(c.id, ctx.row.id))
    .run();
  if (m.acknowledges) addEvent(ctx, "acknowledged", { how });
  if (m.answers) addEvent(ctx, "answered", { how });
  audit(
    ctx.tx,
    {
      action: "case_milestone_marked",
      staffId: ctx.me.id,
      caseId: ctx.row.id,
      detail: { acknowledged: m.acknowledges, answered: m.answers, how },
    },
    ctx.now,
  );
}

/**
 * A message the reporter reads on /volgen. The worker says what it is (ADR 039): the acknowledgement, the
 * first substantive answer, or neither; only their choice moves those deadlines. Any staff message stops
 * the clock on the reporter's unanswered messages.
 */
export function sendMessage(
  caseId: number,
  me: StaffUser,
  body: string,
  role: MessageRole,
  now = Date.now(),
) {
  return withCase(caseId, me, now, (ctx): CaseActionResult => {
    if (ctx.row.status === "closed") return { ok: false, reason: "closed" };
    const milestones = messageMilestones(role, ctx.row);
    if (role !== "other" && !milestones.acknowledges && !milestones.answers)
      return { ok: false, reason: role === "answer" ? "already_answered" : "already_acknowledged" };
    const message = ctx.tx
      .insert(schema.messages)
      .values({ caseId, at: now, author: "staff", staffId: me.id, bodyEnc: encrypt(body), readAt: null })
      .returning({ id: schema.messages.id })
      .get();
    addEvent(ctx, "message_from_staff", { messageId: message.id, role });
    audit(ctx.tx, { action: "message_sent", staffId: me.id, caseId, detail: { role } }, now);
    markMilestones(ctx, milestones, "message");
    return { ok: true };
  });
}

/** Acknowledged or answered outside the portal (by phone, in person): marked by hand, audited. */
export function markMilestone(
  caseId: number,
  me: StaffUser,
  which: "acknowledged" | "answered",
  now = Date.now(),
) {
  return withCase(caseId, me, now, (ctx): CaseActionResult => {
    if (ctx.row.status === "closed") return { ok: false, reason: "closed" };
    const milestones = messageMilestones(which === "answered" ? "answer" : "acknowledgement", ctx.row);
    if (!milestones.acknowledges && !milestones.answers)
      return { ok: false, reason: which === "answered" ? "already_answered" : "already_acknowledged" };
    markMilestones(ctx, milestones, "outside");
    return { ok: true };
  });
}

/**
 * A follow-up date with a short reason (ADR 039), or none (`followUp` null: done or no longer needed).
 * Internal: in the staff timeline with its reason, not on /volgen.
 */
export function setFollowUp(
  caseId: number,
  me: StaffUser,
  followUp: { date: string; dueAt: number; reason: string } | null,
  now = Date.now(),
) {
  return withCase(caseId, me, now, (ctx): CaseActionResult => {
    if (ctx.row.status === "closed") return { ok: false, reason: "closed" };
    if (followUp === null && ctx.row.followUpAt === null) return { ok: false, reason: "same" };
    ctx.tx
      .update(c)
      .set({
        followUpAt: followUp?.dueAt ?? null,
        followUpReasonEnc: followUp ? encrypt(followUp.reason) : null,
      })
      .where(eq(c.id, caseId))
      .run();
    if (followUp) addEvent(ctx, "follow_up_set", { date: followUp.date }, followUp.reason);
    else addEvent(ctx, "follow_up_done");
    audit(
      ctx.tx,
      {
        action: followUp ? "follow_up_set" : "follow_up_done",
        staffId: me.id,
        caseId,
        detail: followUp ? { date: followUp.date } : undefined,
      },
      now,
    );
    return { ok: true };
  });
}

/** Urgency shortens the acknowledgement deadline while the case is not yet acknowledged. */
export function setUrgent(caseId: number, me: StaffUser, urgent: boolean, now = Date.now()) {
  return withCase(caseId, me, now, (ctx): CaseActionResult => {
    if (ctx.row.urgent === urgent) return { ok: false, reason: "same" };
    if (ctx.row.status === "closed") return { ok: false, reason: "closed" };
    const ackDueAt =
      ctx.row.acknowledgedAt == null
        ? caseDeadlines(ctx.row.receivedAt, urgent, getDeadlineSettings(ctx.tx)).ackDueAt
        : ctx.row.ackDueAt;
    ctx.tx.update(c).set({ urgent, ackDueAt }).where(eq(c.id, caseId)).run();
    addEvent(ctx, "urgent_marked", { urgent });
    audit(ctx.tx, { action: "case_urgency_changed", staffId: me.id, caseId, detail: { urgent } }, now);
    return { ok: true };
  });
}

/**
 * A closed case taken up again: back to "in progress", the reason in the timeline (the reporter sees it on
 * /volgen, like the outcome). The acknowledgement and first-answer deadlines are history the statistics
 * count, so they stay as they were met (ADR 036); the outcome stays in the timeline.
 */
export function reopenCase(caseId: number, me: StaffUser, reason: string, now = Date.now()) {
  return withCase(caseId, me, now, (ctx): CaseActionResult => {
    if (ctx.row.status !== "closed") return { ok: false, reason: "not_closed" };
    ctx.tx
      .update(c)
      .set({ status: "in_progress", closedAt: null, closedAs: null })
      .where(eq(c.id, caseId))
      .run();
    addEvent(ctx, "reopened", { from: "closed", to: "in_progress" }, reason);
    audit(
      ctx.tx,
      { action: "case_reopened", staffId: me.id, caseId, detail: { from: "closed", to: "in_progress" } },
      now,
    );
    return { ok: true };
  });
}

// ---------------------------------------------------------------- correcting facts

const amsterdamYear = (now: number) =>
  Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Europe/Amsterdam" }).format(now));

function unitChoices(db: DbOrTx, keepId: number | null) {
  const u = schema.units;
  // An inactive unit the case already names stays choosable, so saving the form does not drop it.
  return db
    .select({ id: u.id, slug: u.slug, name: u.name, place: u.place })
    .from(u)
    .where(keepId === null ? eq(u.active, true) : or(eq(u.active, true), eq(u.id, keepId)))
    .orderBy(asc(u.name))
    .all();
}

function municipalityChoices(db: DbOrTx, keepCode: string | null) {
  const o = schema.organisations;
  const active = keepCode === null ? eq(o.active, true) : or(eq(o.active, true), eq(o.cbsCode, keepCode));
  return db
    .select({ code: o.cbsCode, name: o.name })
    .from(o)
    .where(and(eq(o.kind, "gemeente"), active))
    .orderBy(asc(o.name))
    .all()
    .filter((m): m is { code: string; name: string } => m.code !== null);
}

const factsOf = (row: typeof schema.cases.$inferSelect): CaseFacts => ({
  municipalityCode: row.municipalityCode,
  unitId: row.unitId,
  periodFrom: row.periodFrom,
  periodTo: row.periodTo,
  themes: row.themes as Theme[],
});

/** The "correct facts" page: the case's facts now and the choices, without a look at its content. */
export function factsForm(caseId: number, db: Db = getDb()) {
  const row = db
    .select()
    .from(c)
    .where(and(eq(c.id, caseId), isNull(c.erasedAt)))
    .get();
  if (!row) return null;
  return {
    case: { id: row.id, code: formatCaseCode(row.code), kind: row.kind },
    facts: factsOf(row),
    units: unitChoices(db, row.unitId).map(({ slug, name, place, id }) => ({ id, slug, name, place })),
    municipalities: municipalityChoices(db, row.municipalityCode),
  };
}

export type EditFactsResult =
  | { ok: true; changed: EditableFact[] }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "same" }
  | { ok: false; reason: "invalid"; errors: IntakeFieldErrors };

/** What a fact was and became, as the timeline stores it (names, not ids: a unit may be renamed later). */
function factParams(db: DbOrTx, fact: EditableFact, before: CaseFacts, after: CaseFacts) {
  const side = (f: CaseFacts): string => {
    switch (fact) {
      case "municipality":
        return f.municipalityCode
          ? (db
              .select({ name: schema.organisations.name })
              .from(schema.organisations)
              .where(eq(schema.organisations.cbsCode, f.municipalityCode))
              .get()?.name ?? f.municipalityCode)
          : "";
      case "unit": {
        const unit = f.unitId
          ? db.select().from(schema.units).where(eq(schema.units.id, f.unitId)).get()
          : undefined;
        return unit ? `${unit.name}, ${unit.place}` : "";
      }
      case "period":
        return `${f.periodFrom ?? ""}-${f.periodTo ?? ""}`;
      case "themes":
        return f.themes.join(",");
    }
  };
  return { fact, from: side(before), to: side(after) };
}

/**
 * Staff correct the municipality, unit, period and themes. Checked by the intake's rules, in one
 * transaction with one timeline entry per changed fact and one audit row. The statistics follow by the
 * count triggers (ADR 013: unit and themes are counted columns); the search index holds only contact
 * details, which this does not touch.
 */
export function editFacts(
  caseId: number,
  me: StaffUser,
  input: FormInput,
  now = Date.now(),
): EditFactsResult {
  return getDb().transaction((tx): EditFactsResult => {
    const row = tx
      .select()
      .from(c)
      .where(and(eq(c.id, caseId), isNull(c.erasedAt)))
      .get();
    if (!row) return { ok: false, reason: "not_found" };
    const consents = tx
      .select({
        recipient: schema.consents.recipient,
        given: schema.consents.given,
        withIdentity: schema.consents.withIdentity,
      })
      .from(schema.consents)
      .where(eq(schema.consents.caseId, caseId))
      .all();
    const result = validateFacts(input, {
      kind: row.kind,
      units: unitChoices(tx, row.unitId),
      municipalityCodes: municipalityChoices(tx, row.municipalityCode).map((m) => m.code),
      currentYear: amsterdamYear(now),
      consents,
    });
    if (!result.ok) return { ok: false, reason: "invalid", errors: result.errors };
    const before = factsOf(row);
    const changed = changedFacts(before, result.facts);
    if (changed.length === 0) return { ok: false, reason: "same" };
    const after = result.facts;
    tx.update(c)
      .set({
        municipalityCode: after.municipalityCode,
        unitId: after.unitId,
        periodFrom: after.periodFrom,
        periodTo: after.periodTo,
        themes: after.themes,
      })
      .where(eq(c.id, caseId))
      .run();
    const ctx: Ctx = { tx, row, me, now, news: false };
    for (const fact of changed) addEvent(ctx, "fact_changed", factParams(tx, fact, before, after));
    refreshCaseClock(tx, caseId);
    audit(
      tx,
      { action: "case_facts_changed", staffId: me.id, caseId, detail: { facts: changed.join(",") } },
      now,
    );
    return { ok: true, changed };
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
