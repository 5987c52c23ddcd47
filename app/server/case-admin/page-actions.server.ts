/**
 * What the case page's forms post (app/routes/medewerker.zaken.$caseId.tsx): the form is checked (session,
 * CSRF, zod), the intent is handed to the module that makes that change, and the answer is a redirect to the
 * page with "done", or the form back with its errors and the person's input.
 */
import { json, redirect } from "@remix-run/node";
import type { FieldErrors } from "~/components/ui";
import { FOLLOW_UP_REASON_MAX, parseFollowUp } from "~/domain/case-clocks";
import { TAG_MAX_LENGTH, TAGS_PER_CASE_MAX } from "~/domain/case-tags";
import { caseActionSchema, TEXT_MAX, type CaseAction } from "~/domain/staff-forms";
import type { CaseActionResult, OpenReferral } from "./change.server";
import { addNote, markMilestone, sendMessage } from "./messages.server";
import { assignCase, setFollowUp, setUrgent } from "./planning.server";
import { changeStatus, reopenCase } from "./status.server";
import { changeTagsOrLinks } from "../case-tags-links.server";
import { parseFormData } from "../forms/parse-form.server";
import { staffRefusal } from "../forms/refusals.server";
import { renewLinkAction } from "../referral-actions.server";
import { staffTranslators } from "../staff-i18n.server";
import { flashCookie } from "../staff-flash.server";
import { requireStaffKeepingText } from "../staff-unsent.server";

/** The case id in the URL, or a 404. */
export function caseIdFrom(param: string | undefined): number {
  const id = Number(param);
  if (!Number.isSafeInteger(id) || id < 1) throw json({ reason: "not_found" }, { status: 404 });
  return id;
}

/** Which field an action's error belongs to (for the error summary link). */
const fieldOf: Record<CaseAction["intent"], string> = {
  assign: "assignee",
  status: "status",
  close: "outcome",
  note: "note",
  message: "message",
  urgent: "urgent",
  reopen: "reason",
  milestone: "milestone",
  followUp: "followUpDate",
  followUpDone: "followUpDate",
  tag: "tag",
  untag: "tag",
  link: "linkCode",
  unlink: "linkCode",
};

export async function casePageAction(request: Request, caseIdParam: string | undefined) {
  // A note typed while the session ran out is kept for signing in again, not lost (ADR 038).
  const me = await requireStaffKeepingText(request, Number(caseIdParam), { permission: "cases.handle" });
  const id = caseIdFrom(caseIdParam);
  const form = await request.formData();
  const { t } = staffTranslators(request);
  const raw = Object.fromEntries(form) as Record<string, string>;
  if (raw.intent === "renewLink") return renewLinkAction(request, form, me, id);
  const intent = (
    Object.keys(fieldOf).includes(raw.intent ?? "") ? raw.intent : "note"
  ) as CaseAction["intent"];
  const values = {
    outcome: raw.outcome ?? "",
    note: raw.note ?? "",
    message: raw.message ?? "",
    reason: raw.reason ?? "",
    messageRole: raw.messageRole ?? "",
    followUpDate: raw.followUpDate ?? "",
    followUpReason: raw.followUpReason ?? "",
    confirmClose: raw.confirmClose === "yes",
    asDuplicate: raw.asDuplicate === "yes",
    tag: raw.tag ?? "",
    linkCode: raw.linkCode ?? "",
    linkKind: raw.linkKind ?? "",
  };
  const fail = (errors: FieldErrors, status = 400, openReferrals: OpenReferral[] | null = null) =>
    json({ errors, intent, values, openReferrals }, { status });
  const parsed = parseFormData(request, form, caseActionSchema, {
    t,
    refusal: staffRefusal(fieldOf[intent]),
    messageValues: { max: TEXT_MAX },
  });
  if (!parsed.ok) return fail(parsed.errors);
  const a = parsed.data;
  const from = new URL(request.url).searchParams.get("terug");
  const done = () =>
    redirect(
      `/medewerker/zaken/${id}?gedaan=${a.intent}${from ? `&terug=${encodeURIComponent(from)}` : ""}`,
      {
        headers: { "Set-Cookie": flashCookie(me.id, { kind: "acted", caseId: id }) },
      },
    );
  if (a.intent === "tag" || a.intent === "untag" || a.intent === "link" || a.intent === "unlink") {
    const changed = changeTagsOrLinks(id, me, a);
    if (changed.ok) return done();
    if (changed.reason === "not_found") throw json({ reason: "not_found" }, { status: 404 });
    const area = a.intent === "tag" || a.intent === "untag" ? "tag" : "link";
    return fail({
      [fieldOf[a.intent]]: t(`errors.${area}.${changed.reason}`, {
        max: TAG_MAX_LENGTH,
        count: TAGS_PER_CASE_MAX,
        code: "code" in changed ? changed.code : "",
      }),
    });
  }
  let result: CaseActionResult;
  switch (a.intent) {
    case "assign":
      result = assignCase(id, me, a.assignee === "me" ? me.id : a.assignee === "nobody" ? null : a.assignee);
      break;
    case "status":
      result = changeStatus(id, me, a.status, null);
      break;
    case "close":
      result = changeStatus(id, me, "closed", a.outcome, Date.now(), {
        confirmOpenReferral: a.confirmOpenReferral === "yes",
        asDuplicate: a.asDuplicate === "yes",
      });
      break;
    case "reopen":
      result = reopenCase(id, me, a.reason);
      break;
    case "note":
      result = addNote(id, me, a.note);
      break;
    case "message":
      result = sendMessage(id, me, a.message, a.messageRole);
      break;
    case "milestone":
      result = markMilestone(id, me, a.milestone);
      break;
    case "followUp": {
      const followUp = parseFollowUp(a.followUpDate, a.followUpReason, Date.now());
      if (!followUp.ok)
        return fail({
          [followUp.field]: t(`errors.followUp.${followUp.field}.${followUp.error}`, {
            max: FOLLOW_UP_REASON_MAX,
          }),
        });
      result = setFollowUp(id, me, followUp);
      break;
    }
    case "followUpDone":
      result = setFollowUp(id, me, null);
      break;
    case "urgent":
      result = setUrgent(id, me, a.urgent === "yes");
      break;
  }
  if (!result.ok) {
    if (result.reason === "not_found") throw json({ reason: "not_found" }, { status: 404 });
    // A question, not an error: the close form comes back with the open referrals and a confirm button.
    if (result.reason === "open_referral") return fail({}, 409, result.referrals);
    return fail({ [fieldOf[a.intent]]: t(`errors.action.${result.reason}`) }, 409);
  }
  return done();
}
