/**
 * The shared core of every change staff make to a case: `withCase` runs the change in one transaction that
 * also writes the timeline (case_events) and, when the reporter can see the change and asked for it, a
 * "there is news" mail; the case's next due date follows. The changes themselves live beside this file:
 * status (status, close, reopen), messages (messages, notes, milestones), planning (assignment, urgency,
 * follow-up), facts (correcting facts). Reading a case: view.server.ts; the case page's forms:
 * page-actions.server.ts.
 */
import { and, eq, isNull } from "drizzle-orm";
import { caseEventTypes, type CaseEventType } from "~/domain/case-events";
import { newsMailDue } from "~/domain/news-mail";
import { getEnv } from "~/config/env.server";
import { getFixedT } from "~/i18n/resources.server";
import { decrypt, encrypt } from "../crypto.server";
import { getDb, schema } from "../db.server";
import { refreshCaseClock } from "../case-clocks.server";
import { enqueueMail } from "../outbox.server";
import type { StaffUser } from "../staff-session.server";
import type { DbOrTx, Tx } from "../tx.server";

const c = schema.cases;

/**
 * Free text (outcome, event notes, the news address) is stored as encrypt(text); a JSON-encoded string is
 * read too, so either way of writing it shows the same words.
 */
export function decryptText(stored: string | null): string | null {
  if (!stored) return null;
  const plain = decrypt(stored);
  try {
    const v: unknown = JSON.parse(plain);
    return typeof v === "string" ? v : plain;
  } catch {
    return plain;
  }
}

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
 * every change the reporter can see, here and in app/server/referrals/. At most one per case within
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
