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
 * - a reporter's reply, an organisation's update or a changed consent: whoever handles the case, or
 *   everyone while nobody does;
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
      chosen = assigned ? [assigned] : [...staff];
      break;
    case "referral_mail_failed":
      chosen = staff.filter((s) => s.coordinator || s.id === assigned?.id);
      break;
  }
  return chosen.filter(wants).map((s) => s.id);
}
