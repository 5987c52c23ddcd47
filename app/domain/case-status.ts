/**
 * The status changes staff may make, and the deadlines that follow from a case's status. The kinds and
 * statuses themselves are in vocabulary.ts (re-exported here for the pages that read both).
 */
import { workingDaysUntilFast } from "./working-day-count";
import { deadlineBadge, type DeadlineBadge } from "./working-days";
import type { ClockKind } from "./case-clocks";

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

/** A case's stored next due date (ADR 039: computed by nextDue() in case-clocks.ts when the case changes). */
export type DueFields = { status: CaseStatus; nextDueAt: number; nextDueKind: ClockKind | null };

export function isOverdue(c: DueFields, now: number): boolean {
  return c.status !== "closed" && c.nextDueKind !== null && now > c.nextDueAt;
}

export type DeadlineInfo = { which: ClockKind; dueAt: number; badge: DeadlineBadge; days: number };

/** What the queue and the case page show about the next due date, seen at `now`; none for a closed case. */
export function deadlineInfo(c: DueFields, now: number): DeadlineInfo | null {
  if (c.status === "closed" || c.nextDueKind === null) return null;
  return {
    which: c.nextDueKind,
    dueAt: c.nextDueAt,
    badge: deadlineBadge(c.nextDueAt, now),
    days: workingDaysUntilFast(c.nextDueAt, now),
  };
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
