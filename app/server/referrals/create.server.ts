/**
 * Creating a referral and renewing its link. Creating one writes, in one transaction, the referral with a
 * frozen encrypted copy of exactly the consented parts, its timeline events (internal, and "referred to …"
 * for the reporter), the outbox mail (built in ./mail.server.ts) and the audit entry.
 */
import { and, desc, eq } from "drizzle-orm";
import {
  buildReferralContent,
  checkReferralParts,
  REFERRAL_LINK_MS,
  referralMailPurpose,
  referralReference,
  type ReferralBlock,
  type ReferralCreateInput,
} from "~/domain/referrals";
import { audit } from "../audit.server";
import { refreshCaseClock } from "../case-clocks.server";
import { recordEvent } from "../case-events.server";
import { referralAllowed } from "../consent.server";
import { encryptJson } from "../crypto.server";
import { getDb, schema } from "../db.server";
import type { StaffUser } from "../staff-session.server";
import { IMMEDIATE, type DbOrTx } from "../tx.server";
import { liveCase, optionsFor, sourceOf } from "./case-data.server";
import { queueReferralMail } from "./mail.server";

const r = schema.referrals;
const o = schema.organisations;

/** An earlier referral of this case to the same organisation: the reason to ask before a second one. */
export type EarlierReferral = { reference: string; status: string; createdAt: number };

export type CreateReferralResult =
  | { ok: true; referralId: number }
  | { ok: false; reason: "already_referred"; earlier: EarlierReferral[] }
  | {
      ok: false;
      reason:
        | "not_found"
        | "closed"
        | "organisation_not_found"
        | ReferralBlock
        | "nothing_to_share"
        | "unknown_part"
        | "no_identity_consent"
        | "not_in_case"
        | "refused";
      part?: string;
    };

/** The case's earlier referrals to one organisation, newest first. */
export function earlierReferrals(db: DbOrTx, caseId: number, organisationId: number): EarlierReferral[] {
  return db
    .select({ id: r.id, status: r.status, createdAt: r.createdAt })
    .from(r)
    .where(and(eq(r.caseId, caseId), eq(r.organisationId, organisationId)))
    .orderBy(desc(r.createdAt), desc(r.id))
    .all()
    .map(({ id, ...x }) => ({ ...x, reference: referralReference(id) }));
}

/**
 * A second referral to the same organisation is often a slip (a double click, a colleague who did not
 * see the first): without `confirmRepeat` the server answers with the earlier ones instead.
 */
export function createReferral(
  me: StaffUser,
  caseId: number,
  input: ReferralCreateInput,
  now = Date.now(),
  opts: { confirmRepeat?: boolean } = {},
): CreateReferralResult {
  return getDb().transaction((tx): CreateReferralResult => {
    const c = liveCase(tx, caseId);
    if (!c) return { ok: false, reason: "not_found" };
    if (c.status === "closed") return { ok: false, reason: "closed" };
    const org = tx.select().from(o).where(eq(o.id, input.organisationId)).get();
    if (!org) return { ok: false, reason: "organisation_not_found" };
    const check = checkReferralParts(optionsFor(tx, c, org), input.parts);
    if (!check.ok) {
      const reason = check.reason === "available" ? "refused" : check.reason;
      return { ok: false, reason, part: check.part };
    }
    // The consent module's own guard too, read in this same transaction.
    if (!referralAllowed(tx, caseId, org.id, check.parts).allowed) return { ok: false, reason: "refused" };
    if (!opts.confirmRepeat) {
      const earlier = earlierReferrals(tx, caseId, org.id);
      if (earlier.length > 0) return { ok: false, reason: "already_referred", earlier };
    }

    const content = buildReferralContent(sourceOf(tx, c), check.parts, input.coveringNote);
    const linkExpiresAt = now + REFERRAL_LINK_MS;
    const { id } = tx
      .insert(r)
      .values({
        caseId,
        organisationId: org.id,
        parts: check.parts,
        contentEnc: encryptJson(content),
        status: "pending",
        createdBy: me.id,
        createdAt: now,
        linkVersion: 1,
        linkExpiresAt,
      })
      .returning({ id: r.id })
      .get();
    tx.update(schema.cases)
      .set({ status: "referred", acknowledgedAt: c.acknowledgedAt ?? now })
      .where(eq(schema.cases.id, caseId))
      .run();
    queueReferralMail(tx, org, { id, linkVersion: 1, linkExpiresAt }, false, now);
    // The timeline after the organisation's mail, so the reporter's news mail queues after it.
    const names = { organisationId: org.id, organisation: org.name, reference: referralReference(id) };
    const by = { staffId: me.id, referralId: id };
    recordEvent(
      tx,
      caseId,
      {
        type: "referral_shared",
        ...by,
        params: { ...names, parts: check.parts.join(",") },
        text: input.coveringNote,
      },
      now,
    );
    recordEvent(tx, caseId, { type: "referral_created", ...by, params: names }, now);
    // Referring is a step by staff: it acknowledges the case if nobody had yet.
    if (c.acknowledgedAt === null) recordEvent(tx, caseId, { type: "acknowledged", staffId: me.id }, now);
    refreshCaseClock(tx, caseId);
    audit(
      tx,
      {
        action: "referral_created",
        staffId: me.id,
        caseId,
        detail: { referralId: id, organisationId: org.id, parts: check.parts.join(",") },
      },
      now,
    );
    return { ok: true, referralId: id };
  }, IMMEDIATE);
}

export type RenewResult =
  { ok: true } | { ok: false; reason: "not_found" | "blocked" | "withdrawn" | "inactive" | "no_email" };

/** A new link (30 days): the old one stops working at once, a new mail goes out. */
export function renewReferralLink(
  me: StaffUser,
  caseId: number,
  referralId: number,
  now = Date.now(),
): RenewResult {
  return getDb().transaction((tx): RenewResult => {
    const c = liveCase(tx, caseId);
    const ref = tx
      .select()
      .from(r)
      .where(and(eq(r.id, referralId), eq(r.caseId, caseId)))
      .get();
    if (!c || !ref) return { ok: false, reason: "not_found" };
    if (ref.status === "blocked") return { ok: false, reason: "blocked" };
    if (ref.consentWithdrawnAt !== null) return { ok: false, reason: "withdrawn" };
    const org = tx.select().from(o).where(eq(o.id, ref.organisationId)).get()!;
    if (!org.active) return { ok: false, reason: "inactive" };
    if (!org.referralEmail) return { ok: false, reason: "no_email" };
    const next = { id: ref.id, linkVersion: ref.linkVersion + 1, linkExpiresAt: now + REFERRAL_LINK_MS };
    tx.update(r)
      .set({ linkVersion: next.linkVersion, linkExpiresAt: next.linkExpiresAt })
      .where(eq(r.id, ref.id))
      .run();
    recordEvent(
      tx,
      caseId,
      {
        type: "referral_link_renewed",
        staffId: me.id,
        referralId: ref.id,
        params: { organisation: org.name, reference: referralReference(ref.id) },
      },
      now,
    );
    // A mail with the old link that has not gone yet never will: its link is dead.
    tx.delete(schema.outbox)
      .where(and(eq(schema.outbox.purpose, referralMailPurpose(ref.id)), eq(schema.outbox.status, "queued")))
      .run();
    queueReferralMail(tx, org, next, true, now);
    audit(
      tx,
      { action: "referral_link_renewed", staffId: me.id, caseId, detail: { referralId: ref.id } },
      now,
    );
    return { ok: true };
    // It reads before it writes: IMMEDIATE, so another writer on the file is waited for, not a 500.
  }, IMMEDIATE);
}
