/**
 * The project's value lists: the kinds, statuses, roles and recipients that the domain, the UI and the
 * database share. The domain owns them; `db/schema.ts` imports them for its typed columns, so the browser
 * bundle never needs the schema to know a status.
 */

export const organisationKinds = ["igj", "ozj", "vng", "gemeente", "other"] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const staffRoles = ["ombudsworker", "coordinator"] as const;
export type StaffRole = (typeof staffRoles)[number];

export const caseKinds = ["testimony", "complaint", "contact"] as const;
export type CaseKind = (typeof caseKinds)[number];

export const caseStatuses = [
  "received",
  "acknowledged",
  "in_progress",
  "referred",
  "waiting",
  "closed",
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Who a reporter can agree to share with. */
export const consentRecipients = ["igj", "ozj", "gemeente"] as const;
export type ConsentRecipient = (typeof consentRecipients)[number];

export const referralStatuses = ["pending", "sent", "received", "in_progress", "done", "blocked"] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** The clocks an open case can be on (ADR 039, app/domain/case-clocks.ts). */
export const clockKinds = ["ack", "answer", "follow_up", "reply", "referral", "review"] as const;
export type ClockKind = (typeof clockKinds)[number];

/** How a closed case was closed, when it says more than its outcome (ADR 041). */
export const closedAsKinds = ["duplicate"] as const;
export type ClosedAs = (typeof closedAsKinds)[number];

/** Links between cases (app/domain/case-links.ts): `duplicate` has a direction, `related` none. */
export const linkKinds = ["duplicate", "related"] as const;
export type LinkKind = (typeof linkKinds)[number];
