/** Planning the work on a case: who handles it, how urgent it is, and when to look at it again. */
import { and, eq } from "drizzle-orm";
import { caseDeadlines } from "~/domain/working-days";
import { audit } from "../audit.server";
import { recordEvent } from "../case-events.server";
import { withCase, type CaseActionResult } from "./change.server";
import { encrypt } from "../crypto.server";
import { schema } from "../db.server";
import { getDeadlineSettings } from "../deadline-settings.server";
import type { StaffUser } from "../staff-session.server";

const c = schema.cases;

export function assignCase(caseId: number, me: StaffUser, assigneeId: number | null, now = Date.now()) {
  return withCase(caseId, me, now, (ctx): CaseActionResult => {
    if (ctx.row.assigneeId === assigneeId) return { ok: false, reason: "same" };
    if (assigneeId !== null) {
      const target = ctx.tx
        .select({ id: schema.staff.id })
        .from(schema.staff)
        .where(and(eq(schema.staff.id, assigneeId), eq(schema.staff.active, true)))
        .get();
      if (!target) return { ok: false, reason: "unknown_staff" };
    }
    ctx.tx.update(c).set({ assigneeId }).where(eq(c.id, caseId)).run();
    recordEvent(ctx.tx, caseId, { type: "assigned", staffId: me.id, params: { to: assigneeId ?? 0 } }, now);
    audit(ctx.tx, { action: "case_assigned", staffId: me.id, caseId, detail: { to: assigneeId } }, now);
    return { ok: true };
  });
}

/**
 * A follow-up date with a short reason (ADR 039), or none (`followUp` null: done or no longer needed).
 * Internal: in the staff timeline with its reason, not on /volgen.
 */
export function setFollowUp(
  caseId: number,
  me: StaffUser,
  followUp: { date: string; dueAt: number; reason: string } | null,
  now = Date.now(),
) {
  return withCase(caseId, me, now, (ctx): CaseActionResult => {
    if (ctx.row.status === "closed") return { ok: false, reason: "closed" };
    if (followUp === null && ctx.row.followUpAt === null) return { ok: false, reason: "same" };
    ctx.tx
      .update(c)
      .set({
        followUpAt: followUp?.dueAt ?? null,
        followUpReasonEnc: followUp ? encrypt(followUp.reason) : null,
      })
      .where(eq(c.id, caseId))
      .run();
    recordEvent(
      ctx.tx,
      caseId,
      followUp
        ? { type: "follow_up_set", staffId: me.id, params: { date: followUp.date }, text: followUp.reason }
        : { type: "follow_up_done", staffId: me.id },
      now,
    );
    audit(
      ctx.tx,
      {
        action: followUp ? "follow_up_set" : "follow_up_done",
        staffId: me.id,
        caseId,
        detail: followUp ? { date: followUp.date } : undefined,
      },
      now,
    );
    return { ok: true };
  });
}

/** Urgency shortens the acknowledgement deadline while the case is not yet acknowledged. */
export function setUrgent(caseId: number, me: StaffUser, urgent: boolean, now = Date.now()) {
  return withCase(caseId, me, now, (ctx): CaseActionResult => {
    if (ctx.row.urgent === urgent) return { ok: false, reason: "same" };
    if (ctx.row.status === "closed") return { ok: false, reason: "closed" };
    const ackDueAt =
      ctx.row.acknowledgedAt == null
        ? caseDeadlines(ctx.row.receivedAt, urgent, getDeadlineSettings(ctx.tx)).ackDueAt
        : ctx.row.ackDueAt;
    ctx.tx.update(c).set({ urgent, ackDueAt }).where(eq(c.id, caseId)).run();
    recordEvent(ctx.tx, caseId, { type: "urgent_marked", staffId: me.id, params: { urgent } }, now);
    audit(ctx.tx, { action: "case_urgency_changed", staffId: me.id, caseId, detail: { urgent } }, now);
    return { ok: true };
  });
}
