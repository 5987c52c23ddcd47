/**
 * The clocks of an open case (ADR 039): every open case works towards at least one due date, so the queue
 * can put it in order and nothing waits unseen. Pure: the server gathers the facts (case row, oldest
 * unanswered reply, oldest unreported referral, last staff step) and stores the result on the case.
 *
 * - ack: the statutory acknowledgement, until a worker marks one (a message chosen as acknowledgement,
 *   the status "acknowledged", a referral).
 * - answer: the first substantive answer, until a worker marks one (a message chosen as the answer,
 *   "answered outside the portal", or closing with an outcome).
 * - follow_up: a date a worker set with a reason ("call the municipality back").
 * - reply: a reporter's message that no staff message has followed yet.
 * - referral: a referral the organisation has not reported on (still pending or sent).
 * - review: when none of the above runs, the case is looked at again some working days after the last
 *   step staff took, so an answered case never drifts without a date.
 */
import { clockKinds, type CaseStatus, type ClockKind } from "./vocabulary";
import { addWorkingDays, amsterdamDate, endOfAmsterdamDay, type PlainDate } from "./working-days";

export { clockKinds, type ClockKind };

/** How many working days the reply, referral and review clocks give. */
export const clockWorkingDays = { reply: 5, referral: 10, review: 10 } as const;

/** The far-future instant that stands for "no due date" in SQL (closed cases), so no NULLS LAST is needed. */
export const NO_DUE_DATE = 253402300799999; // 9999-12-31

export type ClockFacts = {
  status: CaseStatus;
  ackDueAt: number;
  answerDueAt: number;
  acknowledgedAt: number | null;
  firstAnswerAt: number | null;
  /** The end of the follow-up day a worker chose, if any. */
  followUpAt: number | null;
  /** The oldest reporter message after the last staff message. */
  oldestUnansweredReplyAt: number | null;
  /** The oldest referral that is pending or sent, with no report from the organisation yet. */
  oldestOpenReferralAt: number | null;
  /** The last step taken by staff on the case (its receipt when there is none). */
  lastStaffStepAt: number;
};

export type Clock = { which: ClockKind; dueAt: number };

/** The end of the working day n working days after the Amsterdam day of `at`. */
export function workingDaysAfter(at: number, n: number): number {
  return endOfAmsterdamDay(addWorkingDays(amsterdamDate(at), n));
}

/** Every clock that runs for the case, in the order of clockKinds. None for a closed case. */
export function runningClocks(f: ClockFacts): Clock[] {
  if (f.status === "closed") return [];
  const clocks: Clock[] = [];
  if (f.acknowledgedAt == null) clocks.push({ which: "ack", dueAt: f.ackDueAt });
  if (f.firstAnswerAt == null) clocks.push({ which: "answer", dueAt: f.answerDueAt });
  if (f.followUpAt != null) clocks.push({ which: "follow_up", dueAt: f.followUpAt });
  if (f.oldestUnansweredReplyAt != null)
    clocks.push({
      which: "reply",
      dueAt: workingDaysAfter(f.oldestUnansweredReplyAt, clockWorkingDays.reply),
    });
  if (f.oldestOpenReferralAt != null)
    clocks.push({
      which: "referral",
      dueAt: workingDaysAfter(f.oldestOpenReferralAt, clockWorkingDays.referral),
    });
  if (clocks.length === 0)
    clocks.push({ which: "review", dueAt: workingDaysAfter(f.lastStaffStepAt, clockWorkingDays.review) });
  return clocks;
}

/** The nearest clock (the first in clockKinds order on a tie); null only for a closed case. */
export function nextDue(f: ClockFacts): Clock | null {
  let next: Clock | null = null;
  for (const clock of runningClocks(f)) if (next === null || clock.dueAt < next.dueAt) next = clock;
  return next;
}

export const FOLLOW_UP_REASON_MAX = 200;
/** How far ahead a follow-up date may be: a year, so a typo in the year is caught. */
export const FOLLOW_UP_MAX_DAYS = 366;

export type FollowUpInput =
  | { ok: true; date: PlainDate; dueAt: number; reason: string }
  | {
      ok: false;
      field: "followUpDate" | "followUpReason";
      error: "required" | "past" | "too_far" | "too_long";
    };

/**
 * A follow-up date as a worker types it (YYYY-MM-DD, the browser's date field) and its reason. Today counts
 * (due at the end of the day); a weekend day is allowed, as the worker may know better.
 */
export function parseFollowUp(date: string, reason: string, now: number): FollowUpInput {
  const d = date.trim();
  const r = reason.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)))
    return { ok: false, field: "followUpDate", error: "required" };
  if (new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d)
    return { ok: false, field: "followUpDate", error: "required" };
  const today = amsterdamDate(now);
  if (d < today) return { ok: false, field: "followUpDate", error: "past" };
  const limit = new Date(Date.parse(`${today}T00:00:00Z`) + FOLLOW_UP_MAX_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10);
  if (d > limit) return { ok: false, field: "followUpDate", error: "too_far" };
  if (r === "") return { ok: false, field: "followUpReason", error: "required" };
  if (r.length > FOLLOW_UP_REASON_MAX) return { ok: false, field: "followUpReason", error: "too_long" };
  return { ok: true, date: d, dueAt: endOfAmsterdamDay(d), reason: r };
}

/** What a message to the reporter is, as the worker chooses when sending it. */
export const messageRoles = ["acknowledgement", "answer", "other"] as const;
export type MessageRole = (typeof messageRoles)[number];

/** The choices that still mean something for this case: acknowledging or answering twice is not offered. */
export function messageRoleChoices(c: {
  acknowledgedAt: number | null;
  firstAnswerAt: number | null;
}): MessageRole[] {
  return messageRoles.filter(
    (r) =>
      (r !== "acknowledgement" || c.acknowledgedAt == null) && (r !== "answer" || c.firstAnswerAt == null),
  );
}

/**
 * What a message with this role sets: the acknowledgement and/or the first answer, each only once. An
 * answer also acknowledges (a person clearly has the case).
 */
export function messageMilestones(
  role: MessageRole,
  c: { acknowledgedAt: number | null; firstAnswerAt: number | null },
): { acknowledges: boolean; answers: boolean } {
  return {
    acknowledges: (role === "acknowledgement" || role === "answer") && c.acknowledgedAt == null,
    answers: role === "answer" && c.firstAnswerAt == null,
  };
}
