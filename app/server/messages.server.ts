/**
 * Messages from the aanspreekpunt to a reporter, and the "there is news" email. The back office posts
 * through postStaffMessage() (or calls queueNewsMail() in its own transaction): the message, its timeline
 * event and the mail in the outbox are written together or not at all. The mail names no case, no code
 * and no content: only that there is news and where to sign in.
 */
import { and, eq, isNull, ne } from "drizzle-orm";
import { getEnv } from "~/config/env.server";
import { caseEventTypes } from "~/domain/case-events";
import { getFixedT } from "~/i18n/resources.server";
import { decrypt, encrypt } from "./crypto.server";
import { getDb, schema, type Db } from "./db.server";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export const NEWS_PURPOSE = "news";

/** The news mail in the reporter's language; pure text, no HTML. */
export function newsMail(language: "nl" | "en"): { subject: string; bodyText: string } {
  const t = getFixedT(language, "follow");
  const url = `${getEnv().PUBLIC_URL}/volgen`;
  return { subject: t("news.mail.subject"), bodyText: t("news.mail.body", { url }) };
}

/**
 * Queues "there is news" for a case when its reporter asked for it, unless an earlier staff message is
 * still unread (they were told then and have not been back since). Call inside the transaction that wrote
 * the news; `exceptMessageId` is the message that caused it. Returns whether a mail was queued.
 */
export function queueNewsMail(tx: Tx | Db, caseId: number, now: number, exceptMessageId?: number): boolean {
  const c = tx
    .select({ notifyEmailEnc: schema.cases.notifyEmailEnc, language: schema.cases.language })
    .from(schema.cases)
    .where(and(eq(schema.cases.id, caseId), isNull(schema.cases.erasedAt)))
    .get();
  if (!c?.notifyEmailEnc) return false;
  const earlierUnread = tx
    .select({ id: schema.messages.id })
    .from(schema.messages)
    .where(
      and(
        eq(schema.messages.caseId, caseId),
        eq(schema.messages.author, "staff"),
        isNull(schema.messages.readAt),
        exceptMessageId !== undefined ? ne(schema.messages.id, exceptMessageId) : undefined,
      ),
    )
    .get();
  if (earlierUnread) return false;
  const mail = newsMail(c.language);
  tx.insert(schema.outbox)
    .values({
      purpose: NEWS_PURPOSE,
      // A fresh ciphertext: the outbox row never shares bytes with the case row.
      toEnc: encrypt(decrypt(c.notifyEmailEnc)),
      subject: mail.subject,
      bodyText: mail.bodyText,
      nextAttemptAt: now,
      createdAt: now,
    })
    .run();
  return true;
}

/** A message from staff to the reporter, with its timeline event and (if wanted) the news mail. */
export function postStaffMessage(
  caseId: number,
  body: string,
  opts: { staffId?: number | null; now?: number; db?: Db } = {},
): { messageId: number; newsQueued: boolean } {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now();
  return db.transaction((tx) => {
    const live = tx
      .select({ id: schema.cases.id })
      .from(schema.cases)
      .where(and(eq(schema.cases.id, caseId), isNull(schema.cases.erasedAt)))
      .get();
    if (!live) throw new Error("No such case, or it was erased");
    const { id } = tx
      .insert(schema.messages)
      .values({ caseId, at: now, author: "staff", staffId: opts.staffId ?? null, bodyEnc: encrypt(body) })
      .returning({ id: schema.messages.id })
      .get();
    tx.insert(schema.caseEvents)
      .values({
        caseId,
        at: now,
        type: "message_from_staff",
        reporterVisible: caseEventTypes.message_from_staff.reporterVisible,
        staffId: opts.staffId ?? null,
      })
      .run();
    return { messageId: id, newsQueued: queueNewsMail(tx, caseId, now, id) };
  });
}
