/**
 * The mail outbox worker. Mails are written to the `outbox` table in the same transaction as what caused
 * them; this worker sends what is due. Each attempt is recorded (status `sending`, attempts + 1) BEFORE
 * the mail is handed to SMTP and marked `sent` after, so a crash mid-send never sends a mail twice: a mail
 * left in `sending` is shown to coordinators as uncertain and only resent by hand. A refused or
 * unreachable server means the mail was not sent, so it is retried with exponential backoff and marked
 * `failed` after MAX_ATTEMPTS (coordinators can retry it).
 *
 * Referral mails (purpose `referral:<id>`) are checked right before sending: a referral blocked by a
 * consent withdrawal (or whose case was erased) is not sent, and the mail is marked failed with
 * REFERRAL_MAIL_CANCELLED. Their body, with the link, is made at that moment: it is never stored. After
 * sending, the referral becomes `sent`.
 */
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { decrypt } from "./crypto.server";
import { getDb, schema, type Db } from "./db.server";
import { defaultSender, type Sender } from "./mailer.server";
import { IMMEDIATE, type DbOrTx } from "./tx.server";
import { queueStaffAlert } from "./staff-alerts.server";
import { referralIdOfPurpose } from "~/domain/referrals";
import {
  REFERRAL_MAIL_CANCELLED,
  referralMailAllowed,
  referralMailSent,
  renderReferralMail,
} from "./referrals/mail.server";

export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

const SMTP_STAGES: Record<string, string> = {
  "MAIL FROM": "sender rejected",
  "RCPT TO": "recipient rejected",
  DATA: "message rejected",
};

/**
 * What is kept of a failed attempt: the SMTP reply code and the stage it failed at, or the kind of
 * connection error. Never the server's own text: a refused recipient's reply names the address
 * ("550 5.1.1 <someone@example.org>: User unknown"), and the outbox must not keep addresses in plain text.
 */
export function transportError(e: unknown): string {
  const err = (typeof e === "object" && e !== null ? e : {}) as Record<string, unknown>;
  const command = typeof err.command === "string" ? err.command.toUpperCase() : "";
  const stage = Object.entries(SMTP_STAGES).find(([c]) => command.startsWith(c))?.[1];
  if (typeof err.responseCode === "number" && err.responseCode >= 200 && err.responseCode < 600) {
    return `${err.responseCode} ${stage ?? (err.responseCode < 500 ? "temporary failure" : "refused")}`;
  }
  if (typeof err.code === "string" && /^E[A-Z]{2,20}$/.test(err.code)) return `${err.code} connection failed`;
  return "send failed";
}

export type OutboxRun = { sent: number; retried: number; failed: number };

/** Sends every mail that is due now, one at a time. */
export async function processOutbox(
  opts: { db?: Db; send?: Sender; now?: () => number; limit?: number } = {},
) {
  const db = opts.db ?? getDb();
  const send = opts.send ?? defaultSender();
  const now = opts.now ?? Date.now;
  const run: OutboxRun = { sent: 0, retried: 0, failed: 0 };
  const due = db
    .select()
    .from(schema.outbox)
    .where(and(eq(schema.outbox.status, "queued"), lte(schema.outbox.nextAttemptAt, now())))
    .orderBy(asc(schema.outbox.nextAttemptAt))
    .limit(opts.limit ?? 50)
    .all();
  for (const mail of due) {
    // Claim it: only one worker (or one turn) may take a queued mail. While `sending`, nextAttemptAt
    // holds when this attempt started, so a mail stuck mid-send shows as uncertain after a while.
    const claimed = db.transaction((tx) => {
      if (!referralMailAllowed(tx, mail.purpose)) {
        tx.update(schema.outbox)
          .set({ status: "failed", lastError: REFERRAL_MAIL_CANCELLED })
          .where(and(eq(schema.outbox.id, mail.id), eq(schema.outbox.status, "queued")))
          .run();
        return null;
      }
      const taken =
        tx
          .update(schema.outbox)
          .set({ status: "sending", attempts: mail.attempts + 1, nextAttemptAt: now() })
          .where(and(eq(schema.outbox.id, mail.id), eq(schema.outbox.status, "queued")))
          .run().changes === 1;
      // A referral mail is stored without its link: made now, from the referral as it is.
      return taken ? (renderReferralMail(tx, mail.purpose) ?? mail) : null;
      // It reads before it writes: IMMEDIATE waits for another writer (a second process on the same file)
      // instead of failing with SQLITE_BUSY when its snapshot went stale.
    }, IMMEDIATE);
    if (!claimed) continue;
    try {
      await send({ to: decrypt(mail.toEnc), subject: claimed.subject, text: claimed.bodyText });
    } catch (e) {
      const attempts = mail.attempts + 1;
      const failed = attempts >= MAX_ATTEMPTS;
      db.transaction((tx) => {
        tx.update(schema.outbox)
          .set({
            status: failed ? "failed" : "queued",
            nextAttemptAt: now() + backoffMs(attempts),
            lastError: transportError(e),
          })
          .where(eq(schema.outbox.id, mail.id))
          .run();
        // A referral that did not reach its organisation: the people on the case hear of it (no content).
        const referralId = failed ? referralIdOfPurpose(mail.purpose) : null;
        const caseId =
          referralId === null
            ? undefined
            : tx
                .select({ caseId: schema.referrals.caseId })
                .from(schema.referrals)
                .where(eq(schema.referrals.id, referralId))
                .get()?.caseId;
        if (caseId !== undefined) queueStaffAlert(tx, "referral_mail_failed", caseId, now());
      }, IMMEDIATE);
      if (failed) run.failed++;
      else run.retried++;
      continue;
    }
    // SMTP accepted it: from here on the mail never goes back to the queue. Should recording that fail
    // (the database busy or full), it stays `sending`, shown as uncertain, as after a crash at this point.
    run.sent++;
    try {
      db.transaction((tx) => {
        tx.update(schema.outbox)
          .set({ status: "sent", sentAt: now(), lastError: null })
          .where(eq(schema.outbox.id, mail.id))
          .run();
        referralMailSent(tx, mail.purpose, now());
      }, IMMEDIATE);
    } catch (e) {
      console.error(
        `Mail outbox: mail ${mail.id} was sent but could not be marked sent; it stays uncertain:`,
        e instanceof Error ? e.message : e,
      );
    }
  }
  return run;
}

/** A coordinator's "retry": a failed (or uncertain) mail goes back into the queue, due now. Never a sent one. */
export function retryMail(id: number, db: DbOrTx = getDb(), now = Date.now()): boolean {
  return (
    db
      .update(schema.outbox)
      .set({ status: "queued", nextAttemptAt: now, attempts: 0 })
      .where(and(eq(schema.outbox.id, id), inArray(schema.outbox.status, ["failed", "sending"])))
      .run().changes === 1
  );
}

/** Runs the worker every few seconds inside the server; returns a stop function. */
export function startOutboxWorker(intervalMs = 5_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    processOutbox()
      .catch((e: unknown) => console.error("Mail outbox:", e instanceof Error ? e.message : e))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
