/**
 * Mail goes through the outbox, and only through it: queued here in the same transaction as the change it
 * reports, sent later by the worker (outbox-worker.server.ts), which retries with backoff and marks a mail
 * `failed` after its last try. The address is stored encrypted; subject and body are stored as given, so
 * they may hold nothing secret: a referral mail is queued without a body, and its body with the link is
 * made by the worker at send time (app/server/referrals/mail.server.ts).
 */
import { encrypt } from "./crypto.server";
import { schema } from "./db.server";
import type { DbOrTx } from "./tx.server";

export type Mail = { purpose: string; to: string; subject: string; bodyText: string };

export function enqueueMail(tx: DbOrTx, mail: Mail, now = Date.now()): void {
  tx.insert(schema.outbox)
    .values({
      purpose: mail.purpose,
      toEnc: encrypt(mail.to),
      subject: mail.subject,
      bodyText: mail.bodyText,
      status: "queued",
      nextAttemptAt: now,
      createdAt: now,
    })
    .run();
}
