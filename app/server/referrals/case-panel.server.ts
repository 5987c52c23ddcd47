/**
 * The referral section of the case page: the suggestions and every referral of the case with its mail's
 * state and the organisation's reports; and the queue's mark for cases with news from an organisation.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { referralMailPurpose, referralReference } from "~/domain/referrals";
import { decrypt } from "../crypto.server";
import { getDb, schema, type Db } from "../db.server";
import type { DbOrTx } from "../tx.server";
import { liveCase } from "./case-data.server";
import { suggestionsFor } from "./suggestions.server";

const r = schema.referrals;
const o = schema.organisations;

export type ReferralRow = ReturnType<typeof referralsOf>[number];

function referralsOf(db: DbOrTx, caseId: number) {
  const rows = db
    .select({
      id: r.id,
      organisationId: r.organisationId,
      organisation: o.name,
      organisationKind: o.kind,
      parts: r.parts,
      status: r.status,
      createdAt: r.createdAt,
      createdBy: schema.staff.name,
      sentAt: r.sentAt,
      receivedAt: r.receivedAt,
      doneAt: r.doneAt,
      linkExpiresAt: r.linkExpiresAt,
      consentWithdrawnAt: r.consentWithdrawnAt,
    })
    .from(r)
    .innerJoin(o, eq(o.id, r.organisationId))
    .leftJoin(schema.staff, eq(schema.staff.id, r.createdBy))
    .where(eq(r.caseId, caseId))
    .orderBy(desc(r.createdAt), desc(r.id))
    .all();
  if (rows.length === 0) return [];
  const mails = db
    .select({
      purpose: schema.outbox.purpose,
      status: schema.outbox.status,
      attempts: schema.outbox.attempts,
      createdAt: schema.outbox.createdAt,
    })
    .from(schema.outbox)
    .where(
      inArray(
        schema.outbox.purpose,
        rows.map((x) => referralMailPurpose(x.id)),
      ),
    )
    .orderBy(desc(schema.outbox.id))
    .all();
  const updates = db
    .select({
      referralId: schema.caseEvents.referralId,
      at: schema.caseEvents.at,
      params: schema.caseEvents.params,
      dataEnc: schema.caseEvents.dataEnc,
    })
    .from(schema.caseEvents)
    .where(and(eq(schema.caseEvents.caseId, caseId), eq(schema.caseEvents.type, "referral_status")))
    .orderBy(schema.caseEvents.at, schema.caseEvents.id)
    .all();
  return rows.map((x) => {
    const mail = mails.find((m) => m.purpose === referralMailPurpose(x.id));
    return {
      ...x,
      reference: referralReference(x.id),
      mail: mail ? { status: mail.status, attempts: mail.attempts } : null,
      updates: updates
        .filter((u) => u.referralId === x.id)
        .map((u) => ({
          at: u.at,
          status: String(u.params?.status ?? ""),
          note: u.dataEnc ? decrypt(u.dataEnc) : null,
        })),
      mayRenew: x.status !== "blocked" && x.consentWithdrawnAt === null,
    };
  });
}

/** The referral section of the case page (the page itself audits the view of the case). */
export function referralPanel(caseId: number, db: Db = getDb()) {
  const c = liveCase(db, caseId);
  if (!c) return null;
  return {
    caseId,
    closed: c.status === "closed",
    suggestions: suggestionsFor(c, db),
    referrals: referralsOf(db, caseId),
  };
}

// ---------------------------------------------------------------- the queue

/**
 * Cases where an organisation reported something since anyone on the team last opened the case: the
 * queue marks them, so a report never goes unnoticed.
 */
export function casesWithOrganisationNews(caseIds: readonly number[], db: Db = getDb()): Set<number> {
  if (caseIds.length === 0) return new Set();
  const rows = db
    .select({ caseId: schema.caseEvents.caseId })
    .from(schema.caseEvents)
    .where(
      and(
        inArray(schema.caseEvents.caseId, [...caseIds]),
        eq(schema.caseEvents.type, "referral_status"),
        sql`${schema.caseEvents.at} > coalesce((SELECT max(${schema.auditLog.at}) FROM ${schema.auditLog}
          WHERE ${schema.auditLog.caseId} = ${schema.caseEvents.caseId}
          AND ${schema.auditLog.action} = 'case_viewed'), 0)`,
      ),
    )
    .groupBy(schema.caseEvents.caseId)
    .all();
  return new Set(rows.map((x) => x.caseId));
}
