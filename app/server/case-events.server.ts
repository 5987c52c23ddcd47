/**
 * The one writer of a case's timeline (case_events): every change to a case that belongs on it comes
 * through recordEvent(), inside the change's own transaction. It writes the row as the event's kind says
 * (app/domain/case-events.ts) and queues the reporter's "there is news" mail when the kind calls for it,
 * at most one per case per NEWS_MAIL_WINDOW_MS. eslint.config.js refuses an insert into case_events
 * anywhere else in app/.
 */
import { eq } from "drizzle-orm";
import { bringsNews, caseEventTypes, type CaseEvent } from "~/domain/case-events";
import { newsMailDue } from "~/domain/news-mail";
import { getEnv } from "~/config/env.server";
import { getFixedT } from "~/i18n/resources.server";
import { decryptText } from "./case-admin/change.server";
import { encrypt } from "./crypto.server";
import { schema } from "./db.server";
import { enqueueMail } from "./outbox.server";
import type { DbOrTx, Tx } from "./tx.server";

/** Writes one event on the case's timeline at `at`; a news mail follows when the event brings news. */
export function recordEvent(tx: Tx, caseId: number, event: CaseEvent, at: number): void {
  tx.insert(schema.caseEvents)
    .values({
      caseId,
      at,
      type: event.type,
      reporterVisible: caseEventTypes[event.type].reporterVisible,
      staffId: "staffId" in event ? event.staffId : null,
      referralId: "referralId" in event ? event.referralId : null,
      params: "params" in event && event.params ? event.params : null,
      dataEnc: "text" in event && event.text ? encrypt(event.text) : null,
    })
    .run();
  if (bringsNews(event)) queueNewsMail(tx, caseId, at);
}

/**
 * A "there is news" mail (no case content, no code) to the address the reporter left, if any. At most one
 * per case within NEWS_MAIL_WINDOW_MS (app/domain/news-mail.ts), decided here, in the change's
 * transaction: one update with several visible events sends one mail, and the outbox never holds the
 * duplicates.
 */
function queueNewsMail(tx: DbOrTx, caseId: number, now: number): void {
  const row = tx
    .select({
      notifyEmailEnc: schema.cases.notifyEmailEnc,
      language: schema.cases.language,
      newsMailQueuedAt: schema.cases.newsMailQueuedAt,
    })
    .from(schema.cases)
    .where(eq(schema.cases.id, caseId))
    .get();
  if (!row?.notifyEmailEnc) return;
  if (!newsMailDue(row.newsMailQueuedAt, now)) return;
  const to = decryptText(row.notifyEmailEnc);
  if (!to) return;
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
}
