/**
 * Erasing a case: at the reporter's request (/volgen/verwijderen) and, later, by the retention job. In one
 * transaction it removes everything a person wrote or that identifies them — story, details, contact
 * details, the news address (and mails queued to it), the outcome text, messages, notes, the encrypted
 * text of timeline events and the frozen copies in referrals — withdraws every consent (so an unsent
 * referral is blocked), closes the case and makes the code stop working. What stays is what statistics
 * count: kind, month, unit, themes, wishes, status and the timeline's event types.
 *
 * Deleted bytes must not linger in the file: the connection runs with `secure_delete` (db.server.ts), so
 * SQLite overwrites freed space with zeros, and a WAL checkpoint afterwards moves the overwritten pages
 * into the database file and empties the WAL. Backups made before the erasure still hold the case until
 * they are rotated (docs/decisions/007-following-a-case.md).
 */
import { and, eq, inArray } from "drizzle-orm";
import { consentRecipients } from "../../db/schema";
import { recordEvent } from "./case-events.server";
import { forgetTagsAndLinks } from "./case-tags-links.server";
import { applyWithdrawal } from "./consent.server";
import { decrypt } from "./crypto.server";
import { getDb, schema, type Db } from "./db.server";
import { IMMEDIATE } from "./tx.server";
import { forgetUnsent } from "./unsent.server";
import { forgetStaffUnsent } from "./staff-unsent.server";

/** The outbox purpose of "there is news" mails (case-admin/change.server.ts queues them). */
const NEWS_PURPOSE = "news";

/** Stored instead of the passphrase hash: no argon2 hash, so no passphrase ever verifies against it. */
export const ERASED_PASSPHRASE_HASH = "erased";

export type ErasureActor = "reporter" | "retention";

function safeDecrypt(value: string): string | null {
  try {
    return decrypt(value);
  } catch {
    return null;
  }
}

/** Erases a case. false when there is no such case or it was erased before. */
export function eraseCase(caseId: number, opts: { actor: ErasureActor; now?: number; db?: Db }): boolean {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now();
  const erased = db.transaction((tx) => {
    const c = tx.select().from(schema.cases).where(eq(schema.cases.id, caseId)).get();
    if (!c || c.erasedAt !== null) return false;

    for (const recipient of consentRecipients) applyWithdrawal(tx, caseId, recipient, "all", now);
    tx.update(schema.consents)
      .set({ given: false, withIdentity: false, changedAt: now })
      .where(eq(schema.consents.caseId, caseId))
      .run();
    tx.update(schema.referrals).set({ contentEnc: null }).where(eq(schema.referrals.caseId, caseId)).run();
    tx.delete(schema.messages).where(eq(schema.messages.caseId, caseId)).run();
    tx.delete(schema.notes).where(eq(schema.notes.caseId, caseId)).run();
    tx.delete(schema.storyAdditions).where(eq(schema.storyAdditions.caseId, caseId)).run();
    // Nothing of the reporter stays findable, not even as a keyed hash (ADR 032).
    tx.delete(schema.caseSearchTerms).where(eq(schema.caseSearchTerms.caseId, caseId)).run();
    // Nobody stays signed in to an erased case, in any browser.
    tx.delete(schema.followSessions).where(eq(schema.followSessions.caseId, caseId)).run();
    forgetTagsAndLinks(tx, caseId);
    forgetUnsent(caseId, tx);
    forgetStaffUnsent(caseId, tx);
    tx.update(schema.caseEvents).set({ dataEnc: null }).where(eq(schema.caseEvents.caseId, caseId)).run();

    // News mails carry no case id; they are found by their address (few rows, decrypted here only).
    const address = c.notifyEmailEnc ? safeDecrypt(c.notifyEmailEnc) : null;
    if (address) {
      const mails = tx
        .select({ id: schema.outbox.id, toEnc: schema.outbox.toEnc })
        .from(schema.outbox)
        .where(eq(schema.outbox.purpose, NEWS_PURPOSE))
        .all()
        .filter((m) => safeDecrypt(m.toEnc) === address)
        .map((m) => m.id);
      if (mails.length > 0) tx.delete(schema.outbox).where(inArray(schema.outbox.id, mails)).run();
    }

    tx.update(schema.cases)
      .set({
        storyEnc: null,
        detailsEnc: null,
        contactEnc: null,
        notifyEmailEnc: null,
        outcomeEnc: null,
        // A municipality or a period can point at one person on an 18-bed unit; statistics keep the unit.
        municipalityCode: null,
        periodFrom: null,
        periodTo: null,
        passphraseHash: ERASED_PASSPHRASE_HASH,
        status: "closed",
        closedAt: c.closedAt ?? now,
        erasedAt: now,
      })
      .where(and(eq(schema.cases.id, caseId)))
      .run();
    recordEvent(tx, caseId, { type: "erasure_requested", params: { by: opts.actor } }, now);
    tx.insert(schema.auditLog)
      .values({
        at: now,
        actor: opts.actor === "reporter" ? "reporter" : "system",
        action: "case_erased",
        caseId,
      })
      .run();
    return true;
  }, IMMEDIATE);
  if (erased) checkpoint(db);
  return erased;
}

/**
 * Moves the WAL into the database file and truncates it, so the old pages leave the WAL. Best effort: a
 * long reader can keep a checkpoint from finishing; the next automatic checkpoint then completes it.
 */
export function checkpoint(db: Db) {
  try {
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
  } catch {
    // Busy: SQLite's own checkpoints will finish the job.
  }
}
