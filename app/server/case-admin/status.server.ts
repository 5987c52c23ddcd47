/** Changing a case's status: the status changes staff may make, closing (also as a duplicate), reopening. */
import { and, desc, eq, notInArray } from "drizzle-orm";
import { closedReferralStatuses, referralReference } from "~/domain/referrals";
import { statusChange, type StaffStatus } from "~/domain/case-status";
import { audit } from "../audit.server";
import { recordEvent } from "../case-events.server";
import { withCase, type CaseActionResult, type OpenReferral } from "./change.server";
import { encrypt } from "../crypto.server";
import { schema } from "../db.server";
import type { StaffUser } from "../staff-session.server";
import type { DbOrTx } from "../tx.server";

const c = schema.cases;

/** The case's referrals that are still running (not done, not blocked), newest first. */
export function openReferralsOf(db: DbOrTx, caseId: number): OpenReferral[] {
  const r = schema.referrals;
  return db
    .select({ id: r.id, organisation: schema.organisations.name, status: r.status, createdAt: r.createdAt })
    .from(r)
    .innerJoin(schema.organisations, eq(schema.organisations.id, r.organisationId))
    .where(and(eq(r.caseId, caseId), notInArray(r.status, [...closedReferralStatuses])))
    .orderBy(desc(r.createdAt), desc(r.id))
    .all()
    .map(({ id, ...x }) => ({ ...x, reference: referralReference(id) }));
}

/** Whether a case is linked as the duplicate of another (app/domain/case-links.ts). */
function isDuplicate(db: DbOrTx, caseId: number): boolean {
  const k = schema.caseLinks;
  return (
    db
      .select({ id: k.id })
      .from(k)
      .where(and(eq(k.caseId, caseId), eq(k.kind, "duplicate")))
      .get() !== undefined
  );
}

/**
 * Closing a case while a referral is still open ends the reporter's clock but not the organisation's
 * work: it is asked to confirm first (`confirmOpenReferral`), the server answering with the referrals.
 */
export function changeStatus(
  caseId: number,
  me: StaffUser,
  to: StaffStatus,
  outcome: string | null,
  now = Date.now(),
  opts: { confirmOpenReferral?: boolean; asDuplicate?: boolean } = {},
) {
  return withCase(caseId, me, now, (ctx): CaseActionResult => {
    const change = statusChange(ctx.row, to);
    if (!change.ok) return change;
    // Closed as a duplicate only while it is linked as one (ADR 041): the link says of which case.
    const asDuplicate = change.closes && opts.asDuplicate === true;
    if (asDuplicate && !isDuplicate(ctx.tx, caseId)) return { ok: false, reason: "not_duplicate" };
    if (change.closes && !opts.confirmOpenReferral) {
      const open = openReferralsOf(ctx.tx, caseId);
      if (open.length > 0) return { ok: false, reason: "open_referral", referrals: open };
    }
    const from = ctx.row.status;
    ctx.tx
      .update(c)
      .set({
        status: to,
        acknowledgedAt: change.acknowledges ? now : ctx.row.acknowledgedAt,
        ...(change.closes
          ? {
              closedAt: now,
              closedAs: asDuplicate ? ("duplicate" as const) : null,
              outcomeEnc: encrypt(outcome ?? ""),
              firstAnswerAt: ctx.row.firstAnswerAt ?? now,
            }
          : {}),
      })
      .where(eq(c.id, caseId))
      .run();
    if (change.acknowledges) recordEvent(ctx.tx, caseId, { type: "acknowledged", staffId: me.id }, now);
    if (change.closes)
      recordEvent(
        ctx.tx,
        caseId,
        {
          type: "closed",
          staffId: me.id,
          params: asDuplicate ? { from, as: "duplicate" } : { from },
          text: outcome ?? "",
        },
        now,
      );
    else if (to !== "acknowledged")
      recordEvent(
        ctx.tx,
        caseId,
        {
          type: "status_changed",
          by: "staff",
          staffId: me.id,
          params: { from: change.acknowledges ? "acknowledged" : from, to },
        },
        now,
      );
    audit(
      ctx.tx,
      {
        action: "case_status_changed",
        staffId: me.id,
        caseId,
        detail: asDuplicate ? { from, to, as: "duplicate" } : { from, to },
      },
      now,
    );
    return { ok: true };
  });
}

/**
 * A closed case taken up again: back to "in progress", the reason in the timeline (the reporter sees it on
 * /volgen, like the outcome). The acknowledgement and first-answer deadlines are history the statistics
 * count, so they stay as they were met (ADR 036); the outcome stays in the timeline.
 */
export function reopenCase(caseId: number, me: StaffUser, reason: string, now = Date.now()) {
  return withCase(caseId, me, now, (ctx): CaseActionResult => {
    if (ctx.row.status !== "closed") return { ok: false, reason: "not_closed" };
    ctx.tx
      .update(c)
      .set({ status: "in_progress", closedAt: null, closedAs: null })
      .where(eq(c.id, caseId))
      .run();
    recordEvent(
      ctx.tx,
      caseId,
      { type: "reopened", staffId: me.id, params: { from: "closed", to: "in_progress" }, text: reason },
      now,
    );
    audit(
      ctx.tx,
      { action: "case_reopened", staffId: me.id, caseId, detail: { from: "closed", to: "in_progress" } },
      now,
    );
    return { ok: true };
  });
}
