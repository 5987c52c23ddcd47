/**
 * The status changes staff may make, and the deadlines that follow from a case's status. The kinds and
 * statuses themselves are in vocabulary.ts (re-exported here for the pages that read both).
 */
import { workingDaysUntilFast } from "./working-day-count";
import { deadlineBadge, type DeadlineBadge } from "./working-days";

import { caseKinds, caseStatuses, type CaseKind, type CaseStatus } from "./vocabulary";

export { caseKinds, caseStatuses, type CaseKind, type CaseStatus };

/** Statuses an ombudsworker sets by hand ("referred" comes with a referral). */
export const staffStatuses = ["acknowledged", "in_progress", "waiting", "closed"] as const;
export type StaffStatus = (typeof staffStatuses)[number];

export type StatusChange =
  | { ok: false; reason: "closed" | "same" | "already_acknowledged" }
  | { ok: true; acknowledges: boolean; closes: boolean };

/**
 * What changing a case to `to` means. A closed case stays closed. Any first step by staff acknowledges the
 * case (the reporter then knows a person has it), so acknowledging twice is refused.
 */
export function statusChange(
  current: { status: CaseStatus; acknowledgedAt: number | null },
  to: StaffStatus,
): StatusChange {
  if (current.status === "closed") return { ok: false, reason: "closed" };
  if (to === "acknowledged" && current.acknowledgedAt != null) {
    return { ok: false, reason: "already_acknowledged" };
  }
  if (to === current.status) return { ok: false, reason: "same" };
  return { ok: true, acknowledges: current.acknowledgedAt == null, closes: to === "closed" };
}

export type DeadlineFields = {
  status: CaseStatus;
  ackDueAt: number;
  answerDueAt: number;
  acknowledgedAt: number | null;
  firstAnswerAt: number | null;
};

export type NextDeadline = { which: "ack" | "answer"; dueAt: number };

/**
 * The deadline a case is working towards: the acknowledgement until it is acknowledged, then the first
 * substantive answer. None once both are met or the case is closed. queue.server.ts mirrors this in SQL.
 */
export function nextDeadline(c: DeadlineFields): NextDeadline | null {
  if (c.status === "closed") return null;
  if (c.acknowledgedAt == null) return { which: "ack", dueAt: c.ackDueAt };
  if (c.firstAnswerAt == null) return { which: "answer", dueAt: c.answerDueAt };
  return null;
}

export function isOverdue(c: DeadlineFields, now: number): boolean {
  const next = nextDeadline(c);
  return next !== null && now > next.dueAt;
}

export type DeadlineInfo = { which: "ack" | "answer"; dueAt: number; badge: DeadlineBadge; days: number };

/** What the queue and the case page show about the next deadline, seen at `now`. */
export function deadlineInfo(c: DeadlineFields, now: number): DeadlineInfo | null {
  const next = nextDeadline(c);
  if (!next) return null;
  return { ...next, badge: deadlineBadge(next.dueAt, now), days: workingDaysUntilFast(next.dueAt, now) };
}

/**
 * The staff label of a case's kind: a contact request from the young person themselves ("call me") is
 * named as such, so nobody takes it for one from someone close.
 */
export function kindLabelKey(kind: CaseKind, reporterRole: string | null): string {
  return kind === "contact" && reporterRole === "young_person"
    ? "kinds.contact_young_person"
    : `kinds.${kind}`;
}
