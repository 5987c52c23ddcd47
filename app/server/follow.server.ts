// Kept whole (just over 300 lines): the reporter's reads and writes, each scoped to the session's case.
/**
 * The reporter's side of a case: what /volgen shows and what the reporter may change (reply, add to the
 * story, the "there is news" email). Every function takes the case id from the reporter's session, never
 * from the request, and works on that case only.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  additionRefusal,
  DAY_MS,
  messageRefusal,
  type AdditionRefusal,
  type MessageRefusal,
} from "~/domain/case-limits";
import { staffFirstName } from "~/config/operator";
import type { ConsentState } from "~/domain/consent";
import {
  nextDeadline,
  reporterStatus,
  reporterTimeline,
  type NextDeadline,
  type ReferralFacts,
  type ReporterStatus,
  type TimelineItem,
} from "~/domain/reporter-view";
import type { CaseKind } from "../../db/schema";
import { decrypt, encrypt } from "./crypto.server";
import { refreshCaseClock } from "./case-clocks.server";
import { recordEvent } from "./case-events.server";
import { consentsOf } from "./consent.server";
import { getDb, schema, type Db } from "./db.server";
import { queueStaffAlert } from "./staff-alerts.server";
import { reindexCase } from "./search-index.server";
import { addStoryAddition, storySize } from "./story.server";
import { IMMEDIATE, type Tx } from "./tx.server";

export type ReporterMessage = {
  id: number;
  at: number;
  author: "staff" | "reporter";
  /** A staff message: the writer's first name, signed with the operator's signature on the page. */
  signedBy: string | null;
  body: string;
  isNew: boolean;
};

export type ReporterCase = {
  kind: CaseKind;
  status: ReporterStatus;
  receivedAt: number;
  nextDeadline: NextDeadline | null;
  timeline: TimelineItem[];
  /** Names of the organisations the timeline mentions. */
  organisations: Record<number, string>;
  messages: ReporterMessage[];
  notifyEmail: string | null;
};

function liveCase(db: Db | Tx, caseId: number) {
  return db
    .select()
    .from(schema.cases)
    .where(and(eq(schema.cases.id, caseId), isNull(schema.cases.erasedAt)))
    .get();
}

/** true while the case exists and is not erased. */
export function caseIsOpenToReporter(caseId: number, db: Db = getDb()): boolean {
  return liveCase(db, caseId) !== undefined;
}

/** A live case that still takes additions (not closed), with its kind for wording. */
export function openCaseForAddition(caseId: number, db: Db = getDb()): { kind: CaseKind } | null {
  const c = liveCase(db, caseId);
  return c && c.status !== "closed" ? { kind: c.kind } : null;
}

/** The kind of a live case (the signed-in reporter's), for wording. */
export function openCaseKind(caseId: number, db: Db = getDb()): CaseKind | null {
  return liveCase(db, caseId)?.kind ?? null;
}

/**
 * The case as its reporter sees it. Staff messages not seen before are returned with `isNew` and marked
 * read in the same step, so the next visit shows them as read.
 */
export function openCaseForReporter(
  caseId: number,
  opts: { now?: number; db?: Db } = {},
): ReporterCase | null {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now();
  return db.transaction((tx) => {
    const c = liveCase(tx, caseId);
    if (!c) return null;

    const events = tx
      .select()
      .from(schema.caseEvents)
      .where(and(eq(schema.caseEvents.caseId, caseId), eq(schema.caseEvents.reporterVisible, true)))
      .orderBy(asc(schema.caseEvents.at), asc(schema.caseEvents.id))
      .all();
    const referralRows = tx
      .select({
        id: schema.referrals.id,
        organisationId: schema.referrals.organisationId,
        status: schema.referrals.status,
      })
      .from(schema.referrals)
      .where(eq(schema.referrals.caseId, caseId))
      .all();
    const referrals = new Map<number, ReferralFacts>(referralRows.map((r) => [r.id, r]));
    const timeline = reporterTimeline(
      events.map((e) => ({
        at: e.at,
        type: e.type,
        reporterVisible: e.reporterVisible,
        referralId: e.referralId,
        params: e.params,
        // Only the closing outcome is written for the reporter; other encrypted notes stay with staff.
        text: e.type === "closed" && e.dataEnc ? decrypt(e.dataEnc) : null,
      })),
      referrals,
    );

    const orgIds = [...new Set(referralRows.map((r) => r.organisationId))];
    const organisations: Record<number, string> = {};
    if (orgIds.length > 0) {
      for (const o of tx
        .select({ id: schema.organisations.id, name: schema.organisations.name })
        .from(schema.organisations)
        .where(inArray(schema.organisations.id, orgIds))
        .all())
        organisations[o.id] = o.name;
    }

    const rows = tx
      .select({ message: schema.messages, staffName: schema.staff.name })
      .from(schema.messages)
      .leftJoin(schema.staff, eq(schema.staff.id, schema.messages.staffId))
      .where(eq(schema.messages.caseId, caseId))
      .orderBy(asc(schema.messages.at), asc(schema.messages.id))
      .all();
    const messages: ReporterMessage[] = rows.map(({ message: m, staffName }) => ({
      id: m.id,
      at: m.at,
      author: m.author,
      signedBy: m.author === "staff" ? staffFirstName(staffName) : null,
      body: decrypt(m.bodyEnc),
      isNew: m.author === "staff" && m.readAt === null,
    }));
    const unread = messages.filter((m) => m.isNew).map((m) => m.id);
    if (unread.length > 0) {
      tx.update(schema.messages)
        .set({ readAt: now })
        .where(and(eq(schema.messages.caseId, caseId), inArray(schema.messages.id, unread)))
        .run();
    }

    return {
      kind: c.kind,
      status: reporterStatus(c.status),
      receivedAt: c.receivedAt,
      nextDeadline: nextDeadline(c, now),
      timeline,
      organisations,
      messages,
      notifyEmail: c.notifyEmailEnc ? decrypt(c.notifyEmailEnc) : null,
    };
  }, IMMEDIATE);
}

/**
 * The reporter's answer in the thread. A case that waited for the reporter is back with us. A closed case
 * takes no more messages (the back office keeps it closed and its queue no longer shows it): false.
 */
export function postReporterMessage(
  caseId: number,
  body: string,
  opts: { now?: number; db?: Db } = {},
): "sent" | "closed" | MessageRefusal {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now();
  return db.transaction((tx): "sent" | "closed" | MessageRefusal => {
    const c = liveCase(tx, caseId);
    if (!c || c.status === "closed") return "closed";
    // Both counts are ranges of the messages_case index (case_id, at).
    const [sent] = tx
      .select({
        total: sql<number>`count(*)`,
        today: sql<number>`coalesce(sum(${schema.messages.at} > ${now - DAY_MS}), 0)`,
      })
      .from(schema.messages)
      .where(and(eq(schema.messages.caseId, caseId), eq(schema.messages.author, "reporter")))
      .all();
    const refusal = messageRefusal(sent ?? { total: 0, today: 0 });
    if (refusal) return refusal;
    tx.insert(schema.messages)
      .values({ caseId, at: now, author: "reporter", bodyEnc: encrypt(body) })
      .run();
    queueStaffAlert(tx, "reporter_reply", caseId, now);
    recordEvent(tx, caseId, { type: "message_from_reporter" }, now);
    if (c.status === "waiting") {
      tx.update(schema.cases).set({ status: "in_progress" }).where(eq(schema.cases.id, caseId)).run();
      recordEvent(
        tx,
        caseId,
        { type: "status_changed", by: "reporter", params: { from: "waiting", to: "in_progress" } },
        now,
      );
    }
    refreshCaseClock(tx, caseId);
    return "sent";
  }, IMMEDIATE);
}

/**
 * More of the story, dated, as a row and ciphertext of its own (story.server.ts): the story itself is not
 * decrypted or written again. Not on a closed case (see above), and not past the limits of case-limits.ts.
 */
export function addInformation(
  caseId: number,
  text: string,
  opts: { now?: number; db?: Db } = {},
): "added" | "closed" | AdditionRefusal {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now();
  return db.transaction((tx): "added" | "closed" | AdditionRefusal => {
    const c = liveCase(tx, caseId);
    if (!c || c.status === "closed") return "closed";
    const refusal = additionRefusal(storySize(tx, caseId, c.storyEnc), text.length, now);
    if (refusal) return refusal;
    addStoryAddition(tx, caseId, text, now);
    recordEvent(tx, caseId, { type: "information_added" }, now);
    return "added";
  }, IMMEDIATE);
}

/** The address that gets "there is news", or null. */
export function notifyEmailOf(caseId: number, db: Db = getDb()): string | null {
  const c = liveCase(db, caseId);
  return c?.notifyEmailEnc ? decrypt(c.notifyEmailEnc) : null;
}

/** Sets the address that gets "there is news" (null removes it). */
export function setNotifyEmail(caseId: number, email: string | null, db: Db = getDb()): boolean {
  return db.transaction((tx) => {
    const changed =
      tx
        .update(schema.cases)
        .set({ notifyEmailEnc: email ? encrypt(email) : null })
        .where(and(eq(schema.cases.id, caseId), isNull(schema.cases.erasedAt)))
        .run().changes === 1;
    // The news address is searchable too (ADR 032): the index follows it.
    if (changed) reindexCase(tx, caseId);
    return changed;
  });
}

/** The organisations that already received something of this case (it stays with them). */
export function organisationsReached(caseId: number, db: Db = getDb()): string[] {
  const rows = db
    .selectDistinct({ name: schema.organisations.name })
    .from(schema.referrals)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.referrals.organisationId))
    .where(
      and(
        eq(schema.referrals.caseId, caseId),
        inArray(schema.referrals.status, ["sent", "received", "in_progress", "done"]),
      ),
    )
    .all();
  return rows.map((r) => r.name).sort();
}

/** What the reporter agreed to share, per recipient, and the municipality the case names (if any). */
export function consentsForReporter(
  caseId: number,
  db: Db = getDb(),
): { consents: ConsentState[]; municipality: string | null } | null {
  const c = liveCase(db, caseId);
  if (!c) return null;
  const consents = consentsOf(db, caseId);
  const municipality = c.municipalityCode
    ? (db
        .select({ name: schema.organisations.name })
        .from(schema.organisations)
        .where(eq(schema.organisations.cbsCode, c.municipalityCode))
        .get()?.name ?? null)
    : null;
  return { consents, municipality };
}
