/**
 * Changing consent, and the guard every referral must pass. A withdrawal is written to the timeline, blocks
 * every referral to that recipient that has not been sent yet (status `blocked`), and marks the ones already
 * sent (`consentWithdrawnAt`) so staff see it; what was sent stays with the organisation.
 */
import { and, eq } from "drizzle-orm";
import {
  canRefer,
  levelOf,
  recipientFor,
  stateOf,
  withdrawalAffects,
  withdrawalOf,
  type ConsentLevel,
  type ReferDecision,
} from "~/domain/consent";
import { consentRecipients, type ConsentRecipient } from "../../db/schema";
import { refreshCaseClock } from "./case-clocks.server";
import { recordEvent } from "./case-events.server";
import { getDb, schema, type Db } from "./db.server";
import { queueStaffAlert } from "./staff-alerts.server";
import { IMMEDIATE, type Tx } from "./tx.server";

/** A case's consent rows: to whom, yes or no, and with or without the person's details. */
export function consentsOf(db: Db | Tx, caseId: number) {
  return db
    .select({
      recipient: schema.consents.recipient,
      given: schema.consents.given,
      withIdentity: schema.consents.withIdentity,
    })
    .from(schema.consents)
    .where(eq(schema.consents.caseId, caseId))
    .all();
}

export type ConsentChangeResult = {
  changed: ConsentRecipient[];
  withdrawn: ConsentRecipient[];
  blockedReferrals: number;
};

/**
 * Withdraws (or narrows) consent inside an open transaction; used by changeConsents() and by erasure.
 * Returns how many unsent referrals it blocked.
 */
export function applyWithdrawal(
  tx: Tx,
  caseId: number,
  recipient: ConsentRecipient,
  withdrawal: "all" | "identity",
  now: number,
): number {
  const rows = tx
    .select({
      id: schema.referrals.id,
      status: schema.referrals.status,
      parts: schema.referrals.parts,
      consentWithdrawnAt: schema.referrals.consentWithdrawnAt,
      kind: schema.organisations.kind,
    })
    .from(schema.referrals)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.referrals.organisationId))
    .where(eq(schema.referrals.caseId, caseId))
    .all();
  let blocked = 0;
  for (const r of rows) {
    if (recipientFor(r.kind) !== recipient || !withdrawalAffects(withdrawal, r.parts)) continue;
    if (r.status === "pending") {
      tx.update(schema.referrals)
        .set({ status: "blocked", consentWithdrawnAt: now })
        .where(and(eq(schema.referrals.id, r.id), eq(schema.referrals.status, "pending")))
        .run();
      recordEvent(
        tx,
        caseId,
        { type: "referral_blocked", referralId: r.id, params: { recipient, withdrawal } },
        now,
      );
      blocked++;
    } else if (r.status !== "blocked" && r.consentWithdrawnAt === null) {
      tx.update(schema.referrals).set({ consentWithdrawnAt: now }).where(eq(schema.referrals.id, r.id)).run();
    }
  }
  // A blocked referral waits for no report: its clock stops.
  if (blocked > 0) refreshCaseClock(tx, caseId);
  return blocked;
}

/** The reporter's new choices, per recipient. Unchanged recipients are left alone (no event). */
export function changeConsents(
  caseId: number,
  levels: Record<ConsentRecipient, ConsentLevel>,
  opts: { now?: number; db?: Db } = {},
): ConsentChangeResult {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now();
  return db.transaction((tx) => {
    const current = tx.select().from(schema.consents).where(eq(schema.consents.caseId, caseId)).all();
    const result: ConsentChangeResult = { changed: [], withdrawn: [], blockedReferrals: 0 };
    for (const recipient of consentRecipients) {
      const row = current.find((c) => c.recipient === recipient);
      const before = row ? levelOf(row) : "none";
      const after = levels[recipient];
      if (before === after) continue;
      const next = stateOf(recipient, after);
      tx.insert(schema.consents)
        .values({ caseId, ...next, changedAt: now })
        .onConflictDoUpdate({
          target: [schema.consents.caseId, schema.consents.recipient],
          set: { given: next.given, withIdentity: next.withIdentity, changedAt: now },
        })
        .run();
      recordEvent(
        tx,
        caseId,
        {
          type: "consent_changed",
          params: { recipient, given: next.given, withIdentity: next.withIdentity },
        },
        now,
      );
      result.changed.push(recipient);
      const withdrawal = withdrawalOf(before, after);
      if (withdrawal) {
        result.withdrawn.push(recipient);
        result.blockedReferrals += applyWithdrawal(tx, caseId, recipient, withdrawal, now);
      }
    }
    // The worker hears that the sharing choices changed (one alert, whatever changed), never how.
    if (result.changed.length > 0) queueStaffAlert(tx, "consent_changed", caseId, now);
    return result;
  }, IMMEDIATE);
}

/**
 * The guard for creating (and for sending) a referral: call it inside the transaction that writes the
 * referral, and refuse when it says no. It reads the consent as it is at that moment.
 */
export function referralAllowed(
  db: Db | Tx,
  caseId: number,
  organisationId: number,
  parts: readonly string[],
): ReferDecision {
  const c = db
    .select({ erasedAt: schema.cases.erasedAt })
    .from(schema.cases)
    .where(eq(schema.cases.id, caseId))
    .get();
  if (!c || c.erasedAt !== null) return { allowed: false, reason: "no_consent" };
  const org = db
    .select({ kind: schema.organisations.kind })
    .from(schema.organisations)
    .where(eq(schema.organisations.id, organisationId))
    .get();
  if (!org) return { allowed: false, reason: "no_recipient" };
  const consents = consentsOf(db, caseId);
  return canRefer(consents, recipientFor(org.kind), parts);
}

/** Convenience for callers without an open transaction. */
export const referralAllowedNow = (caseId: number, organisationId: number, parts: readonly string[]) =>
  referralAllowed(getDb(), caseId, organisationId, parts);
