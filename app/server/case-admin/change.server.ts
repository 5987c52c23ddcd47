/**
 * The shared core of every change staff make to a case: `withCase` runs the change in one transaction, in
 * which the change writes its timeline events through recordEvent() (../case-events.server.ts, which also
 * queues the reporter's "there is news" mail); the case's next due date follows. The changes themselves live beside this file:
 * status (status, close, reopen), messages (messages, notes, milestones), planning (assignment, urgency,
 * follow-up), facts (correcting facts). Reading a case: view.server.ts; the case page's forms:
 * page-actions.server.ts.
 */
import { and, eq, isNull } from "drizzle-orm";
import { decrypt } from "../crypto.server";
import { getDb, schema } from "../db.server";
import { refreshCaseClock } from "../case-clocks.server";
import type { StaffUser } from "../staff-session.server";
import type { Tx } from "../tx.server";

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
};

/**
 * A change to one case in one transaction; its next due date follows when it succeeds. Its timeline events
 * (and the news mail they may bring) are written by recordEvent() (../case-events.server.ts).
 */
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
    const result = change({ tx, row, me, now });
    if (result.ok) refreshCaseClock(tx, caseId);
    return result;
  });
}
