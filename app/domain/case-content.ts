/**
 * The shapes of the encrypted parts of a case (columns `storyEnc`, `detailsEnc`, `contactEnc` in
 * db/schema.ts). Shared by the intake, the follow page, the back office and referrals: change them
 * together. Everything here is free text or identifying, so it is only ever stored encrypted.
 */

/** `storyEnc`: what happened, in the reporter's words, plus later additions from /volgen. */
export type CaseStory = {
  text: string;
  additions?: { at: number; text: string }[];
};

/** `detailsEnc`: other free-text answers (complaints, contact requests). */
export type CaseDetails = {
  /** Complaint: the organisation it is about, in the reporter's words. */
  complaintAbout?: string;
  /** Complaint: the outcome the reporter wants. */
  desiredOutcome?: string;
  /** Free text for a theme "other" or a unit "other / don't know". */
  themeOther?: string;
  unitOther?: string;
  /** Contact request: the short question. */
  question?: string;
  /** Contact request: relation to the young person (fixed key or free text). */
  relation?: string;
  /** Contact request: does the young person know about it? yes | no | unknown */
  youngPersonKnows?: string;
};

/** `contactEnc`: how to reach the reporter. Absent when they chose "nobody (use the code)". */
export type CaseContact = {
  name?: string;
  email?: string;
  phone?: string;
  safeTimes?: string;
  mayLeaveMessage?: boolean;
};

/** Fixed option keys stored in plain columns (statistics count them); labels live in the locales. */
export const reporterRoles = ["young_person", "close", "other"] as const;
export const themes = [
  "isolation",
  "restraint",
  "humiliation",
  "no_school",
  "no_family_contact",
  "medication",
  "no_follow_up",
  "other",
] as const;
export const wishes = [
  "heard",
  "investigation",
  "help_now",
  "conversation",
  "complaint_handled",
  "counted",
] as const;
export const contactMethods = ["none", "email", "phone"] as const;
export const safeNowAnswers = ["yes", "no", "rather_not_say"] as const;

export type Theme = (typeof themes)[number];
export type Wish = (typeof wishes)[number];
