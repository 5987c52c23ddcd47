/**
 * What it takes to open a case: the plain fields the back office sorts and counts by, and the parts that
 * are stored encrypted (the shapes in case-content.ts). Built by the intake (and later the contact request)
 * and handed to createCase() in app/server/cases.server.ts.
 */
import type { CaseKind, ConsentRecipient } from "./vocabulary";
import type {
  CaseContact,
  CaseDetails,
  CaseStory,
  contactMethods,
  reporterRoles,
  safeNowAnswers,
  Theme,
  Wish,
} from "./case-content";

export type ReporterRole = (typeof reporterRoles)[number];
export type ContactMethod = (typeof contactMethods)[number];
export type SafeNowAnswer = (typeof safeNowAnswers)[number];

/** One row per recipient: `given` false means "do not share"; `withIdentity` adds the contact details. */
export type ConsentChoice = { recipient: ConsentRecipient; given: boolean; withIdentity: boolean };

export type NewCase = {
  kind: CaseKind;
  language: "nl" | "en";
  urgent: boolean;
  reporterRole: ReporterRole | null;
  unitId: number | null;
  periodFrom: number | null;
  periodTo: number | null;
  themes: Theme[];
  wishes: Wish[];
  safeNow: SafeNowAnswer | null;
  /** CBS code of the municipality responsible (GM0363), when the person gave one. */
  municipalityCode: string | null;
  contactMethod: ContactMethod;
  story: CaseStory | null;
  details: CaseDetails | null;
  /** null when the person chose to be reached by nobody (they use the code). */
  contact: CaseContact | null;
  consents: ConsentChoice[];
  /** Set when a staff member filled in the intake for someone on the phone or at a visit (ADR 040). */
  enteredBy?: EnteredBy;
};

export const entryChannels = ["phone", "visit"] as const;
export type EntryChannel = (typeof entryChannels)[number];
export type EnteredBy = { staffId: number; channel: EntryChannel };
