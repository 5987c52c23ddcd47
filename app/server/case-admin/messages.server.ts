/** What staff write on a case: internal notes, messages to the reporter, and the milestones they mark. */
import { eq } from "drizzle-orm";
import { messageMilestones, type MessageRole } from "~/domain/case-clocks";
import { audit } from "../audit.server";
import { recordEvent } from "../case-events.server";
import { withCase, type CaseActionResult, type Ctx } from "./change.server";
import { encrypt } from "../crypto.server";
import { schema } from "../db.server";
import type { StaffUser } from "../staff-session.server";

const c = schema.cases;

export function addNote(caseId: number, me: StaffUser, body: string, now = Date.now()) {
  return withCase(caseId, me, now, (ctx): CaseActionResult => {
    const note = ctx.tx
      .insert(schema.notes)
      .values({ caseId, at: now, staffId: me.id, bodyEnc: encrypt(body) })
      .returning({ id: schema.notes.id })
      .get();
    recordEvent(ctx.tx, caseId, { type: "note_added", staffId: me.id, params: { noteId: note.id } }, now);
    audit(ctx.tx, { action: "note_added", staffId: me.id, caseId }, now);
    return { ok: true };
  });
}

/** Stores the acknowledgement and/or first answer a worker marked, each once, with its timeline entry. */
function markMilestones(
  ctx: Ctx,
  m: { acknowledges: boolean; answers: boolean },
  how: "message" | "outside",
) {
  if (!m.acknowledges && !m.answers) return;
  ctx.tx
    .update(c)
    .set({
      // The reporter's status follows: a case acknowledged is no longer just "received".
      ...(ctx.row.status === "received" ? { status: "acknowledged" as const } : {}),
      ...(m.acknowledges ? { acknowledgedAt: ctx.now } : {}),
      ...(m.answers ? { firstAnswerAt: ctx.now } : {}),
    })
    .where(eq(c.id, ctx.row.id))
    .run();
  const by = { staffId: ctx.me.id, params: { how } };
  if (m.acknowledges) recordEvent(ctx.tx, ctx.row.id, { type: "acknowledged", ...by }, ctx.now);
  if (m.answers) recordEvent(ctx.tx, ctx.row.id, { type: "answered", ...by }, ctx.now);
  audit(
    ctx.tx,
    {
      action: "case_milestone_marked",
      staffId: ctx.me.id,
      caseId: ctx.row.id,
      detail: { acknowledged: m.acknowledges, answered: m.answers, how },
    },
    ctx.now,
  );
}

/**
 * A message the reporter reads on /volgen. The worker says what it is (ADR 039): the acknowledgement, the
 * first substantive answer, or neither; only their choice moves those deadlines. Any staff message stops
 * the clock on the reporter's unanswered messages.
 */
export function sendMessage(
  caseId: number,
  me: StaffUser,
  body: string,
  role: MessageRole,
  now = Date.now(),
) {
  return withCase(caseId, me, now, (ctx): CaseActionResult => {
    if (ctx.row.status === "closed") return { ok: false, reason: "closed" };
    const milestones = messageMilestones(role, ctx.row);
    if (role !== "other" && !milestones.acknowledges && !milestones.answers)
      return { ok: false, reason: role === "answer" ? "already_answered" : "already_acknowledged" };
    const message = ctx.tx
      .insert(schema.messages)
      .values({ caseId, at: now, author: "staff", staffId: me.id, bodyEnc: encrypt(body), readAt: null })
      .returning({ id: schema.messages.id })
      .get();
    recordEvent(
      ctx.tx,
      caseId,
      { type: "message_from_staff", staffId: me.id, params: { messageId: message.id, role } },
      now,
    );
    audit(ctx.tx, { action: "message_sent", staffId: me.id, caseId, detail: { role } }, now);
    markMilestones(ctx, milestones, "message");
    return { ok: true };
  });
}

/** Acknowledged or answered outside the portal (by phone, in person): marked by hand, audited. */
export function markMilestone(
  caseId: number,
  me: StaffUser,
  which: "acknowledged" | "answered",
  now = Date.now(),
) {
  return withCase(caseId, me, now, (ctx): CaseActionResult => {
    if (ctx.row.status === "closed") return { ok: false, reason: "closed" };
    const milestones = messageMilestones(which === "answered" ? "answer" : "acknowledgement", ctx.row);
    if (!milestones.acknowledges && !milestones.answers)
      return { ok: false, reason: which === "answered" ? "already_answered" : "already_acknowledged" };
    markMilestones(ctx, milestones, "outside");
    return { ok: true };
  });
}
