/**
 * The coordinators' view of the mail outbox: mails that failed, and mails that are uncertain (an attempt
 * started long ago and never finished: the server may have stopped mid-send, so the mail may or may not
 * have arrived). Only what a mail is for, when, how often it was tried and the transport's error are
 * shown: mails carry no content by design, and the address stays encrypted.
 */
import { and, count, desc, eq, inArray, lt, or } from "drizzle-orm";
import { referralIdOfPurpose, referralReference } from "~/domain/referrals";
import { audit } from "./audit.server";
import { getDb, schema, type Db } from "./db.server";
import { retryMail } from "./outbox-worker.server";
import { REFERRAL_MAIL_CANCELLED, referralMailAllowed } from "./referrals/mail.server";
import type { StaffUser } from "./staff-session.server";

export const UNCERTAIN_AFTER_MS = 10 * 60_000;
const LIST_LIMIT = 100;

const m = schema.outbox;

const problem = (now: number) =>
  or(eq(m.status, "failed"), and(eq(m.status, "sending"), lt(m.nextAttemptAt, now - UNCERTAIN_AFTER_MS)));

export function mailProblems(now = Date.now(), db: Db = getDb()) {
  const rows = db
    .select({
      id: m.id,
      purpose: m.purpose,
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      createdAt: m.createdAt,
      startedAt: m.nextAttemptAt,
    })
    .from(m)
    .where(problem(now))
    .orderBy(desc(m.createdAt), desc(m.id))
    .limit(LIST_LIMIT)
    .all();
  const referralIds = rows.flatMap((x) => {
    const id = referralIdOfPurpose(x.purpose);
    return id === null ? [] : [id];
  });
  const referrals = referralIds.length
    ? db
        .select({ id: schema.referrals.id, caseId: schema.referrals.caseId, status: schema.referrals.status })
        .from(schema.referrals)
        .where(inArray(schema.referrals.id, referralIds))
        .all()
    : [];
  const queued = db.select({ n: count() }).from(m).where(eq(m.status, "queued")).get()?.n ?? 0;
  return {
    queued,
    rows: rows.map((x) => {
      const referralId = referralIdOfPurpose(x.purpose);
      const referral = referrals.find((ref) => ref.id === referralId);
      const cancelled = x.lastError === REFERRAL_MAIL_CANCELLED || referral?.status === "blocked";
      return {
        id: x.id,
        kind:
          referralId !== null
            ? ("referral" as const)
            : x.purpose === "news"
              ? ("news" as const)
              : x.purpose.startsWith("staff_alert:")
                ? ("staffAlert" as const)
                : ("other" as const),
        purpose: x.purpose,
        reference: referralId !== null ? referralReference(referralId) : null,
        caseId: referral?.caseId ?? null,
        uncertain: x.status === "sending",
        cancelled,
        attempts: x.attempts,
        lastError: cancelled ? null : x.lastError,
        createdAt: x.createdAt,
        startedAt: x.status === "sending" ? x.startedAt : null,
      };
    }),
  };
}

export type RetryResult = { ok: true } | { ok: false; reason: "not_found" | "cancelled" };

/** A coordinator puts a failed or uncertain mail back in the queue (audited). */
export function retryProblemMail(me: StaffUser, id: number, now = Date.now()): RetryResult {
  return getDb().transaction((tx): RetryResult => {
    const row = tx
      .select({ id: m.id, purpose: m.purpose })
      .from(m)
      .where(and(eq(m.id, id), problem(now)))
      .get();
    if (!row) return { ok: false, reason: "not_found" };
    if (!referralMailAllowed(tx, row.purpose)) return { ok: false, reason: "cancelled" };
    if (!retryMail(id, tx, now)) return { ok: false, reason: "not_found" };
    const referralId = referralIdOfPurpose(row.purpose);
    const caseId = referralId
      ? (tx
          .select({ caseId: schema.referrals.caseId })
          .from(schema.referrals)
          .where(eq(schema.referrals.id, referralId))
          .get()?.caseId ?? null)
      : null;
    audit(
      tx,
      { action: "mail_retried", staffId: me.id, caseId, detail: { mailId: id, purpose: row.purpose } },
      now,
    );
    return { ok: true };
  });
}
