/**
 * Mail goes through the outbox: queued in the same transaction as the change it reports, sent later by a
 * worker (outbox-worker.server.ts) that retries with backoff. The address is stored encrypted.
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
