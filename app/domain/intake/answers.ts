/**
 * The answers of an unfinished intake (kept, encrypted, in the server-side draft) and how they become a
 * case. Testimony and complaint share every question; a complaint adds two to "what happened".
 */
import type { ConsentRecipient } from "../vocabulary";
import { consentConflicts, type ConsentConflict, type ConsentState } from "../consent";
import {
  themes as themeKeys,
  wishes as wishKeys,
  type CaseDetails,
  type CaseContact,
  type Theme,
  type Wish,
} from "../case-content";
import type { ContactMethod, NewCase, ReporterRole, SafeNowAnswer } from "../new-case";

export const intakeKinds = ["testimony", "complaint"] as const;
export type IntakeKind = (typeof intakeKinds)[number];

/** Per recipient: do not share, share without who you are, or share with your contact details. */
export const consentAnswers = ["no", "anonymous", "with_identity"] as const;
export type ConsentAnswer = (typeof consentAnswers)[number];

/** "Which unit": a unit's slug from the database, or one of these. */
export const unitOther = "other";
export const unitUnknown = "unknown";

export type IntakeAnswers = {
  reporterRole?: ReporterRole;
  unit?: string;
  unitOther?: string;
  periodFrom?: number;
  periodTo?: number;
  story?: string;
  themes?: Theme[];
  themeOther?: string;
  complaintAbout?: string;
  desiredOutcome?: string;
  safeNow?: SafeNowAnswer;
  wishes?: Wish[];
  consents?: Partial<Record<ConsentRecipient, ConsentAnswer>>;
  contactMethod?: ContactMethod;
  name?: string;
  email?: string;
  phone?: string;
  safeTimes?: string;
  mayLeaveMessage?: "yes" | "no";
  /** CBS code of the municipality responsible. */
  municipality?: string;
};

/** Which wish makes which recipient worth asking about (PRODUCT.md §4). */
const recipientForWish: Partial<Record<Wish, ConsentRecipient>> = {
  investigation: "igj",
  help_now: "ozj",
  complaint_handled: "gemeente",
};

/** The recipients the consent question asks about, in a fixed order. */
export function relevantRecipients(wishes: readonly Wish[] | undefined): ConsentRecipient[] {
  const wanted = new Set((wishes ?? []).map((w) => recipientForWish[w]).filter(Boolean));
  return (["igj", "ozj", "gemeente"] as const).filter((r) => wanted.has(r));
}

/** The consents the case will carry: one per recipient asked about, "no" when not answered. */
export function intakeConsents(answers: IntakeAnswers): ConsentState[] {
  return relevantRecipients(answers.wishes).map((recipient) => {
    const answer = answers.consents?.[recipient] ?? "no";
    return { recipient, given: answer !== "no", withIdentity: answer === "with_identity" };
  });
}

/** Consents the contact answers make impossible to keep (app/domain/consent.ts). */
export function intakeConsentConflicts(answers: IntakeAnswers): ConsentConflict[] {
  return consentConflicts(intakeConsents(answers), {
    contactMethod: answers.contactMethod ?? "none",
    municipalityGiven: Boolean(answers.municipality),
  });
}

/** Not safe now, or asking for help now: answered within one working day (PRODUCT.md §4). */
export function isUrgent(answers: IntakeAnswers): boolean {
  return answers.safeNow === "no" || (answers.wishes ?? []).includes("help_now");
}

/** Fixed order for fixed keys, whatever order the form sent them in. */
function inOrder<T extends string>(all: readonly T[], chosen: readonly T[] | undefined): T[] {
  return all.filter((k) => (chosen ?? []).includes(k));
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== "")) as T;
}

/** The case to create from a finished intake. Answers that no longer apply are left out. */
export function toNewCase(
  kind: IntakeKind,
  answers: IntakeAnswers,
  context: { language: "nl" | "en"; unitIdBySlug: ReadonlyMap<string, number> },
): NewCase {
  const contactMethod = answers.contactMethod ?? "none";
  const themes = inOrder(themeKeys, answers.themes);
  const details: CaseDetails = compact({
    complaintAbout: kind === "complaint" ? answers.complaintAbout : undefined,
    desiredOutcome: kind === "complaint" ? answers.desiredOutcome : undefined,
    themeOther: answers.themeOther,
    unitOther: answers.unitOther,
  });
  const contact: CaseContact | null =
    contactMethod === "none"
      ? null
      : compact({
          name: answers.name,
          email: contactMethod === "email" ? answers.email : undefined,
          phone: contactMethod === "phone" ? answers.phone : undefined,
          safeTimes: answers.safeTimes,
          mayLeaveMessage: contactMethod === "phone" ? answers.mayLeaveMessage === "yes" : undefined,
        });
  return {
    kind,
    language: context.language,
    urgent: isUrgent(answers),
    reporterRole: answers.reporterRole ?? null,
    unitId: (answers.unit && context.unitIdBySlug.get(answers.unit)) || null,
    periodFrom: answers.periodFrom ?? null,
    periodTo: answers.periodTo ?? null,
    themes,
    wishes: inOrder(wishKeys, answers.wishes),
    safeNow: answers.safeNow ?? null,
    municipalityCode: answers.municipality ?? null,
    contactMethod,
    story: answers.story ? { text: answers.story } : null,
    details,
    contact,
    consents: intakeConsents(answers),
  };
}
