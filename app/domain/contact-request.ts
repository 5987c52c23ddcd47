/**
 * The contact request of someone close to a young person: two short question pages, then "check your
 * answers". The answers become a case of kind `contact` (no story, no referral: an ombudsworker calls or
 * mails back). Pure.
 */
import { z } from "zod";
import type { CaseContact, CaseDetails } from "./case-content";
import { choice, emailAddress, freeText, phoneNumber } from "./form-input";
import type { NewCase } from "./new-case";

export const relations = ["parent", "sibling", "partner", "family", "friend", "guardian", "other"] as const;
export type Relation = (typeof relations)[number];
export const yesNo = ["yes", "no"] as const;
export const knowsAnswers = ["yes", "no", "unknown"] as const;

export const NAME_MAX = 100;
export const SHORT_MAX = 200;
export const QUESTION_MAX = 2_000;

/** Page 1: who you are and how we reach you. */
export const contactDetailsFields = [
  "name",
  "relation",
  "relationOther",
  "phone",
  "email",
  "safeTimes",
  "mayLeaveMessage",
] as const;

export const contactDetailsSchema = z
  .object({
    name: freeText({ max: NAME_MAX, requiredKey: "follow:contact.errors.nameMissing" }),
    relation: choice(relations, "follow:contact.errors.relationMissing"),
    relationOther: freeText({ max: SHORT_MAX, optional: true }),
    phone: phoneNumber({ optional: true }),
    email: emailAddress({ optional: true }),
    safeTimes: freeText({ max: SHORT_MAX, optional: true }),
    // Only asked about when there is a phone number; checked below.
    mayLeaveMessage: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string()),
  })
  .superRefine((v, ctx) => {
    if (v.phone === "" && v.email === "") {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["phone"],
        message: "follow:contact.errors.phoneOrEmail",
      });
    }
    if (v.phone !== "" && !(yesNo as readonly string[]).includes(v.mayLeaveMessage)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["mayLeaveMessage"],
        message: "follow:contact.errors.mayLeaveMessageMissing",
      });
    }
  })
  .transform((v) => ({
    ...v,
    relationOther: v.relation === "other" ? v.relationOther : "",
    mayLeaveMessage: v.phone !== "" ? (v.mayLeaveMessage as (typeof yesNo)[number]) : ("" as const),
  }));

export type ContactDetailsAnswers = z.infer<typeof contactDetailsSchema>;

/** Page 2: the question. */
export const contactQuestionFields = ["question", "youngPersonKnows", "urgent"] as const;

export const contactQuestionSchema = z.object({
  question: freeText({ max: QUESTION_MAX, requiredKey: "follow:contact.errors.questionMissing" }),
  youngPersonKnows: choice(knowsAnswers, "follow:contact.errors.knowsMissing"),
  urgent: choice(yesNo, "follow:contact.errors.urgentMissing"),
});

export type ContactQuestionAnswers = z.infer<typeof contactQuestionSchema>;

export type ContactAnswers = {
  details?: ContactDetailsAnswers;
  question?: ContactQuestionAnswers;
};

export type CompleteContactAnswers = Required<ContactAnswers>;

export function isComplete(a: ContactAnswers): a is CompleteContactAnswers {
  return Boolean(a.details && a.question);
}

/** The first page that still needs an answer, or null when everything is there. */
export function firstMissingStep(a: ContactAnswers): "details" | "question" | null {
  if (!a.details) return "details";
  if (!a.question) return "question";
  return null;
}

/** What createCase() needs. Optional answers that were left empty are not stored at all. */
export function contactRequestToNewCase(a: CompleteContactAnswers, language: "nl" | "en"): NewCase {
  const d = a.details;
  const contact: CaseContact = { name: d.name };
  if (d.phone) contact.phone = d.phone;
  if (d.email) contact.email = d.email;
  if (d.safeTimes) contact.safeTimes = d.safeTimes;
  if (d.phone) contact.mayLeaveMessage = d.mayLeaveMessage === "yes";
  const details: CaseDetails = {
    question: a.question.question,
    relation: d.relation === "other" && d.relationOther ? d.relationOther : d.relation,
    youngPersonKnows: a.question.youngPersonKnows,
  };
  return {
    kind: "contact",
    language,
    urgent: a.question.urgent === "yes",
    reporterRole: "close",
    unitId: null,
    periodFrom: null,
    periodTo: null,
    themes: [],
    wishes: ["conversation"],
    safeNow: null,
    municipalityCode: null,
    contactMethod: d.phone ? "phone" : "email",
    story: null,
    details,
    contact,
    consents: [],
  };
}
