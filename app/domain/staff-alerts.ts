/**
 * Staff alerts by e-mail (issue 16, point 2): who hears about what. Pure. The mail itself says only that
 * there is something to look at, with a link to the case: no content, not even which kind of news, since a
 * mailbox is read on phones and shared screens.
 */
export const staffAlertKinds = [
  "urgent_case",
  "reporter_reply",
  "organisation_update",
  "consent_changed",
  "referral_mail_failed",
  "deadline_approaching",
  "deadline_missed",
] as const;
export type StaffAlertKind = (typeof staffAlertKinds)[number];

export function isStaffAlertKind(value: unknown): value is StaffAlertKind {
  return typeof value === "string" && (staffAlertKinds as readonly string[]).includes(value);
}

export type AlertCandidate = {
  id: number;
  active: boolean;
  coordinator: boolean;
  /** The kinds this person turned off (everything is on until they do). */
  off: ReadonlySet<StaffAlertKind>;
};

/**
 * Who gets an alert of this kind about a case:
 * - a new urgent case ("not safe now"): everyone, since nobody handles it yet;
 * - a reporter's reply, an organisation's update, a changed consent, or the case's next due date coming
 *   within a day or passing (ADR 039's clocks): whoever handles the case, or everyone while nobody does;
 * - a failed referral mail: whoever handles the case and the coordinators (they fix addresses).
 * Never a deactivated account, and never someone who turned this kind off.
 */
export function alertRecipients(
  kind: StaffAlertKind,
  assigneeId: number | null,
  staff: readonly AlertCandidate[],
): number[] {
  const wants = (s: AlertCandidate) => s.active && !s.off.has(kind);
  const assigned = staff.find((s) => s.id === assigneeId && s.active);
  let chosen: AlertCandidate[];
  switch (kind) {
    case "urgent_case":
      chosen = [...staff];
      break;
    case "reporter_reply":
    case "organisation_update":
    case "consent_changed":
    case "deadline_approaching":
    case "deadline_missed":
      chosen = assigned ? [assigned] : [...staff];
      break;
    case "referral_mail_failed":
      chosen = staff.filter((s) => s.coordinator || s.id === assigned?.id);
      break;
  }
  return chosen.filter(wants).map((s) => s.id);
}

/** How long before a case's next due date the person handling it hears it is coming. */
export const DUE_SOON_MS = 24 * 60 * 60_000;

export type DueAlertKind = Extract<StaffAlertKind, "deadline_approaching" | "deadline_missed">;

/**
 * The deadline alert a case's next due date calls for now, if any: "approaching" once within DUE_SOON_MS
 * of it, "missed" once when it has passed; each once per due date (a new clock, a new date, new alerts).
 * `alerted` is what was last sent: the due date it was for and which kind.
 */
export function dueAlertFor(
  nextDueAt: number,
  now: number,
  alerted: { at: number | null; kind: string | null },
): DueAlertKind | null {
  const sameDate = alerted.at === nextDueAt;
  if (nextDueAt <= now) return sameDate && alerted.kind === "deadline_missed" ? null : "deadline_missed";
  if (nextDueAt - now <= DUE_SOON_MS) return sameDate ? null : "deadline_approaching";
  return null;
}
