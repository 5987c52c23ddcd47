/**
 * The contact request: two short question pages, then "check your answers". Asked by someone close to a
 * young person, or by a young person who would rather talk than write ("I'd rather talk: call me"): the
 * same pages, worded for them, without the questions about "the young person", and the name optional.
 * The answers become a case of kind `contact` (no story, no referral: an ombudsworker calls or mails
 * back) whose reporter role says who asked. Pure.
 */
import { z } from "zod";
import type { CaseContact, CaseDetails } from "./case-content";
import { choice, emailAddress, freeText, phoneNumber } from "./form-input";
import type { NewCase } from "./new-case";

/** Who asks: someone close (`/contact`) or the young person themselves (`/bel-mij`). */
export const contactWhos = ["close", "young_person"] as const;
export type ContactWho = (typeof contactWhos)[number];

/** Where each asker's first page is (the later pages are shared and read the asker from the draft). */
export const contactFirstPage: Record<ContactWho, string> = { close: "/contact", young_person: "/bel-mij" };

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

/** Who you are and how we reach you; a young person is not asked their relation, nor their name. */
export function contactDetailsSchema(who: ContactWho = "close") {
  const young = who === "young_person";
  return z
    .object({
      name: freeText({ max: NAME_MAX, optional: young, requiredKey: "follow:contact.errors.nameMissing" }),
      relation: young
        ? z.unknown().transform((): Relation | "" => "")
        : choice(relations, "follow:contact.errors.relationMissing"),
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
      relation: v.relation as Relation | "",
      relationOther: v.relation === "other" ? v.relationOther : "",
      mayLeaveMessage: v.phone !== "" ? (v.mayLeaveMessage as (typeof yesNo)[number]) : ("" as const),
    }));
}

export type ContactDetailsAnswers = z.infer<ReturnType<typeof contactDetailsSchema>>;

/** Page 2: the question. */
export const contactQuestionFields = ["question", "youngPersonKnows", "urgent"] as const;

/** The question; a young person who asks to be called need not say what about. */
export function contactQuestionSchema(who: ContactWho = "close") {
  const young = who === "young_person";
  return z.object({
    question: freeText({
      max: QUESTION_MAX,
      optional: young,
      requiredKey: "follow:contact.errors.questionMissing",
    }),
    youngPersonKnows: young
      ? z.unknown().transform((): (typeof knowsAnswers)[number] | "" => "")
      : choice(knowsAnswers, "follow:contact.errors.knowsMissing"),
    urgent: choice(yesNo, "follow:contact.errors.urgentMissing"),
  });
}

export type ContactQuestionAnswers = z.infer<ReturnType<typeof contactQuestionSchema>>;

export type ContactAnswers = {
  /** Missing in drafts begun before young people could ask: those were all someone close. */
  who?: ContactWho;
  details?: ContactDetailsAnswers;
  question?: ContactQuestionAnswers;
};

export const whoOf = (a: ContactAnswers): ContactWho => a.who ?? "close";

export type CompleteContactAnswers = ContactAnswers & Required<Pick<ContactAnswers, "details" | "question">>;

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
  const young = whoOf(a) === "young_person";
  const contact: CaseContact = {};
  if (d.name) contact.name = d.name;
  if (d.phone) contact.phone = d.phone;
  if (d.email) contact.email = d.email;
  if (d.safeTimes) contact.safeTimes = d.safeTimes;
  if (d.phone) contact.mayLeaveMessage = d.mayLeaveMessage === "yes";
  const details: CaseDetails = {};
  if (a.question.question) details.question = a.question.question;
  if (!young) {
    details.relation = d.relation === "other" && d.relationOther ? d.relationOther : d.relation;
    details.youngPersonKnows = a.question.youngPersonKnows;
  }
  return {
    kind: "contact",
    language,
    urgent: a.question.urgent === "yes",
    reporterRole: young ? "young_person" : "close",
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
