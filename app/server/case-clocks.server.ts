/**
 * Keeps cases.next_due_at / next_due_kind true (ADR 039): every change that can start or stop a clock
 * (a staff step, a reporter's message, a referral or an organisation's report, a follow-up date) calls
 * refreshCaseClock in its own transaction. Three index seeks per case: messages_case, referrals_case and
 * case_events_case.
 */
import { and, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { nextDue, NO_DUE_DATE, runningClocks, type Clock, type ClockFacts } from "~/domain/case-clocks";
import { getDb, schema, type Db } from "./db.server";
import type { DbOrTx } from "./tx.server";

const c = schema.cases;
const m = schema.messages;

/** The facts the clocks need, read for one case; null when the case is gone or erased. */
export function clockFacts(db: DbOrTx, caseId: number): ClockFacts | null {
  const row = db
    .select({
      status: c.status,
      erasedAt: c.erasedAt,
      receivedAt: c.receivedAt,
      ackDueAt: c.ackDueAt,
      answerDueAt: c.answerDueAt,
      acknowledgedAt: c.acknowledgedAt,
      firstAnswerAt: c.firstAnswerAt,
      followUpAt: c.followUpAt,
    })
    .from(c)
    .where(eq(c.id, caseId))
    .get();
  if (!row || row.erasedAt !== null) return null;
  const lastStaffMessage = db
    .select({ at: sql<number | null>`max(${m.at})` })
    .from(m)
    .where(and(eq(m.caseId, caseId), eq(m.author, "staff")))
    .get()?.at;
  const reply = db
    .select({ at: sql<number | null>`min(${m.at})` })
    .from(m)
    .where(and(eq(m.caseId, caseId), eq(m.author, "reporter"), sql`${m.at} > ${lastStaffMessage ?? -1}`))
    .get()?.at;
  const referral = db
    .select({ at: sql<number | null>`min(${schema.referrals.createdAt})` })
    .from(schema.referrals)
    .where(and(eq(schema.referrals.caseId, caseId), inArray(schema.referrals.status, ["pending", "sent"])))
    .get()?.at;
  const lastStep = db
    .select({ at: sql<number | null>`max(${schema.caseEvents.at})` })
    .from(schema.caseEvents)
    .where(and(eq(schema.caseEvents.caseId, caseId), isNotNull(schema.caseEvents.staffId)))
    .get()?.at;
  return {
    status: row.status,
    ackDueAt: row.ackDueAt,
    answerDueAt: row.answerDueAt,
    acknowledgedAt: row.acknowledgedAt,
    firstAnswerAt: row.firstAnswerAt,
    followUpAt: row.followUpAt,
    oldestUnansweredReplyAt: reply ?? null,
    oldestOpenReferralAt: referral ?? null,
    lastStaffStepAt: Math.max(lastStep ?? row.receivedAt, row.receivedAt),
  };
}

/** Every clock that runs for the case now (the case page lists them all); none for a closed or gone case. */
export function caseClocks(caseId: number, db: DbOrTx = getDb()): Clock[] {
  const facts = clockFacts(db, caseId);
  return facts ? runningClocks(facts) : [];
}

/** Recomputes and stores the case's next due date; call it inside the change's transaction. */
export function refreshCaseClock(db: DbOrTx, caseId: number): void {
  const facts = clockFacts(db, caseId);
  if (!facts) return;
  const next = nextDue(facts);
  db.update(c)
    .set({ nextDueAt: next?.dueAt ?? NO_DUE_DATE, nextDueKind: next?.which ?? null })
    .where(eq(c.id, caseId))
    .run();
}

const SYNC_SETTING = "clocks.model";
/** Bumped when the clock rules change, so the next start recomputes every open case once. */
const CLOCK_MODEL = "1";

/**
 * At start: recomputes every open case once after an upgrade to these clocks (the migration could only
 * approximate them in SQL). Returns how many cases it did.
 */
export function syncCaseClocks(db: Db = getDb()): number {
  const stored = db
    .select({ value: schema.settings.value })
    .from(schema.settings)
    .where(eq(schema.settings.key, SYNC_SETTING))
    .get();
  if (stored?.value === CLOCK_MODEL) return 0;
  return db.transaction((tx) => {
    const ids = tx
      .select({ id: c.id })
      .from(c)
      .where(and(ne(c.status, "closed"), sql`${c.erasedAt} IS NULL`))
      .all();
    for (const { id } of ids) refreshCaseClock(tx, id);
    tx.insert(schema.settings)
      .values({ key: SYNC_SETTING, value: CLOCK_MODEL })
      .onConflictDoUpdate({ target: schema.settings.key, set: { value: CLOCK_MODEL } })
      .run();
    return ids.length;
  });
}
