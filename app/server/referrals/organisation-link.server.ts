/**
 * The organisation's side, through /verwijzing/<token>: opening the link shows the frozen copy under the
 * consent as it is now, and the organisation reports "received / in progress / done". Each view and each
 * report is audited; a report lands on the timeline, in the queue and on the reporter's /volgen.
 */
import { and, eq } from "drizzle-orm";
import { levelOf } from "~/domain/consent";
import {
  consentRecipientOf,
  contentUnderConsent,
  organisationStatusChange,
  referralReference,
  type OrganisationReport,
  type ReferralContent,
} from "~/domain/referrals";
import { audit } from "../audit.server";
import { refreshCaseClock } from "../case-clocks.server";
import { recordEvent } from "../case-events.server";
import { decrypt, decryptJson } from "../crypto.server";
import { getDb, schema } from "../db.server";
import { verifyLink } from "../signed-links.server";
import { queueStaffAlert } from "../staff-alerts.server";
import type { DbOrTx } from "../tx.server";
import { consentsOf, liveCase, type CaseRow, type OrgRow } from "./case-data.server";

const r = schema.referrals;
const o = schema.organisations;

export type LinkProblem = "not_found" | "gone";

type Resolved = { referral: typeof r.$inferSelect; org: OrgRow; caseRow: CaseRow };

/**
 * The referral a token opens, or why not. A forged or garbled token is "not found"; an expired, renewed
 * or blocked link, or an erased case, is "gone". Neither says anything more.
 */
function resolveLink(db: DbOrTx, token: string, now: number): Resolved | { problem: LinkProblem } {
  const check = verifyLink(token, now);
  if (!check.ok) return { problem: check.reason === "expired" ? "gone" : "not_found" };
  const referral = db.select().from(r).where(eq(r.id, check.claims.referralId)).get();
  if (!referral) return { problem: "not_found" };
  if (
    referral.linkVersion !== check.claims.version ||
    referral.linkExpiresAt !== check.claims.expiresAt ||
    now > referral.linkExpiresAt ||
    referral.status === "blocked"
  )
    return { problem: "gone" };
  const caseRow = liveCase(db, referral.caseId);
  if (!caseRow) return { problem: "gone" };
  const org = db.select().from(o).where(eq(o.id, referral.organisationId)).get()!;
  return { referral, org, caseRow };
}

export type OrganisationView = {
  reference: string;
  organisation: string;
  sharedAt: number;
  status: typeof r.$inferSelect.status;
  receivedAt: number | null;
  doneAt: number | null;
  linkExpiresAt: number;
  content: ReferralContent | null;
  withdrawn: "all" | "identity" | null;
  reports: { at: number; status: string; note: string | null }[];
};

function viewOf(db: DbOrTx, x: Resolved): OrganisationView {
  const recipient = consentRecipientOf(x.org.kind);
  const consent = consentsOf(db, x.caseRow.id).find((k) => k.recipient === recipient);
  const frozen = decryptJson<ReferralContent>(x.referral.contentEnc);
  const shown = frozen
    ? contentUnderConsent(frozen, consent ? levelOf(consent) : "none")
    : { content: null, withdrawn: null };
  const reports = db
    .select({
      at: schema.caseEvents.at,
      params: schema.caseEvents.params,
      dataEnc: schema.caseEvents.dataEnc,
    })
    .from(schema.caseEvents)
    .where(
      and(eq(schema.caseEvents.referralId, x.referral.id), eq(schema.caseEvents.type, "referral_status")),
    )
    .orderBy(schema.caseEvents.at, schema.caseEvents.id)
    .all()
    .map((e) => ({
      at: e.at,
      status: String(e.params?.status ?? ""),
      note: e.dataEnc ? decrypt(e.dataEnc) : null,
    }));
  return {
    reference: referralReference(x.referral.id),
    organisation: x.org.name,
    sharedAt: x.referral.sentAt ?? x.referral.createdAt,
    status: x.referral.status,
    receivedAt: x.referral.receivedAt,
    doneAt: x.referral.doneAt,
    linkExpiresAt: x.referral.linkExpiresAt,
    content: shown.content,
    withdrawn: shown.withdrawn,
    reports,
  };
}

/** Opening the link: the view, written to the audit log (actor "organisation") in the same transaction. */
export function openReferral(
  token: string,
  now = Date.now(),
): { ok: true; view: OrganisationView } | { ok: false; problem: LinkProblem } {
  return getDb().transaction((tx) => {
    const x = resolveLink(tx, token, now);
    if ("problem" in x) return { ok: false as const, problem: x.problem };
    audit(
      tx,
      {
        action: "referral_viewed",
        actor: "organisation",
        caseId: x.caseRow.id,
        detail: { referralId: x.referral.id, organisationId: x.org.id },
      },
      now,
    );
    return { ok: true as const, view: viewOf(tx, x) };
  });
}

export type ReportResult =
  { ok: true } | { ok: false; problem: LinkProblem } | { ok: false; reason: "blocked" | "same" };

/**
 * The organisation's "received / in progress / done" with an optional note. The status reaches the
 * reporter's /volgen in plain words; the note is for the aanspreekpunt's staff only.
 */
export function reportReferralStatus(
  token: string,
  report: OrganisationReport,
  now = Date.now(),
): ReportResult {
  return getDb().transaction((tx): ReportResult => {
    const x = resolveLink(tx, token, now);
    if ("problem" in x) return { ok: false, problem: x.problem };
    const change = organisationStatusChange(x.referral, report.status, report.note !== "", now);
    if (!change.ok) return { ok: false, reason: change.reason };
    tx.update(r)
      .set({
        status: report.status,
        receivedAt: change.receivedAt,
        doneAt: change.doneAt,
        // A report proves the mail arrived, even if the worker stopped before marking it sent.
        sentAt: x.referral.sentAt ?? now,
      })
      .where(eq(r.id, x.referral.id))
      .run();
    recordEvent(
      tx,
      x.caseRow.id,
      {
        type: "referral_status",
        referralId: x.referral.id,
        params: {
          status: report.status,
          organisationId: x.org.id,
          organisation: x.org.name,
          reference: referralReference(x.referral.id),
        },
        text: report.note,
      },
      now,
    );
    queueStaffAlert(tx, "organisation_update", x.caseRow.id, now);
    refreshCaseClock(tx, x.caseRow.id);
    audit(
      tx,
      {
        action: "referral_status_reported",
        actor: "organisation",
        caseId: x.caseRow.id,
        detail: { referralId: x.referral.id, status: report.status, from: x.referral.status },
      },
      now,
    );
    return { ok: true };
  });
}
