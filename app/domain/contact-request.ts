// Kept whole (just over 300 lines): the contact request's steps, schemas and order change together.
/**
 * The contact request: short pages of one question each, then "check your answers". Asked by someone close to a
 * young person, or by a young person who would rather talk than write ("I'd rather talk: call me"): the
 * same pages, worded for them, without the questions about "the young person", and the name optional.
 * The answers become a case of kind `contact` (no story, no referral: an ombudsworker calls or mails
 * back) whose reporter role says who asked. Pure.
 */
import { z } from "zod";
import type { CaseContact, CaseDetails } from "./case-content";
import { choice, emailAddress, freeText, normaliseText, phoneNumber } from "./form-input";
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

/**
 * The pages, one question each (GOV.UK; ADR 037), in order. The name page is the first page at both
 * addresses; the others live under /contact. Someone close is also asked what they are to the young person
 * and whether the young person knows; the call times and voicemail question only come with a phone number.
 */
export const contactSteps = ["name", "relation", "reach", "call", "question", "knows", "urgent"] as const;
export type ContactStep = (typeof contactSteps)[number];

export const contactStepSlugs: Record<ContactStep, string> = {
  name: "naam",
  relation: "relatie",
  reach: "bereiken",
  call: "bellen",
  question: "vraag",
  knows: "weet-ervan",
  urgent: "dringend",
};

export const CONTACT_CHECK_PATH = "/contact/controleren";

export function contactStepFromSlug(slug: string | undefined): ContactStep | undefined {
  return contactSteps.find((s) => s !== "name" && contactStepSlugs[s] === slug);
}

export const contactStepPath = (who: ContactWho, step: ContactStep) =>
  step === "name" ? contactFirstPage[who] : `/contact/${contactStepSlugs[step]}`;

/** How we reach you: the choice itself is not stored, it is which of the two is filled in. */
export const contactMethods = ["phone", "email"] as const;
export type ContactMethod = (typeof contactMethods)[number];

/** The form fields each page posts (echoed back on an error, kept on a language switch). */
export const contactStepFields: Record<ContactStep, readonly string[]> = {
  name: ["name"],
  relation: ["relation", "relationOther"],
  reach: ["contactMethod", "phone", "email"],
  call: ["safeTimes", "mayLeaveMessage"],
  question: ["question"],
  knows: ["youngPersonKnows"],
  urgent: ["urgent"],
};

/** The details that later pages fill in, one page at a time; stored as before, under `details`. */
export type ContactDetailsAnswers = {
  name: string;
  relation: Relation | "";
  relationOther: string;
  phone: string;
  email: string;
  safeTimes: string;
  mayLeaveMessage: (typeof yesNo)[number] | "";
};

export type ContactQuestionAnswers = {
  question: string;
  youngPersonKnows: (typeof knowsAnswers)[number] | "";
  urgent: (typeof yesNo)[number];
};

/** What a page's answer adds to the draft. */
export type ContactPatch = {
  details?: Partial<ContactDetailsAnswers>;
  question?: Partial<ContactQuestionAnswers>;
};

const asText = (v: unknown) => (typeof v === "string" ? normaliseText(v) : "");
const zodIssue = (ctx: z.RefinementCtx, path: string, message: string) =>
  ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });

/**
 * The check of one page's answer, turned into what it adds to the draft. Only the way chosen on the
 * "reach" page is checked and kept (without JavaScript both fields are on the page). Choosing e-mail
 * empties the call times and voicemail answer, which only belong with a phone number.
 */
export function contactStepSchema(step: ContactStep, who: ContactWho = "close") {
  const young = who === "young_person";
  switch (step) {
    case "name":
      return z
        .object({
          name: freeText({
            max: NAME_MAX,
            optional: young,
            requiredKey: "follow:contact.errors.nameMissing",
          }),
        })
        .transform((v): ContactPatch => ({ details: v }));
    case "relation":
      return z
        .object({
          relation: choice(relations, "follow:contact.errors.relationMissing"),
          relationOther: freeText({ max: SHORT_MAX, optional: true }),
        })
        .transform((v): ContactPatch => ({
          details: { ...v, relationOther: v.relation === "other" ? v.relationOther : "" },
        }));
    case "reach":
      return z
        .object({
          contactMethod: choice(contactMethods, "follow:contact.errors.methodMissing"),
          phone: z.preprocess(asText, z.string()),
          email: z.preprocess(asText, z.string()),
        })
        .superRefine((v, ctx) => {
          const field = v.contactMethod;
          // Without a valid choice there is only that error (the choice itself reports it).
          if (!(contactMethods as readonly string[]).includes(field)) return;
          if (v[field] === "") return zodIssue(ctx, field, `follow:contact.errors.${field}Missing`);
          const r = (field === "phone" ? phoneNumber() : emailAddress()).safeParse(v[field]);
          if (!r.success) zodIssue(ctx, field, r.error.issues[0]!.message);
        })
        .transform((v): ContactPatch =>
          v.contactMethod === "phone"
            ? { details: { phone: v.phone, email: "" } }
            : { details: { phone: "", email: v.email, safeTimes: "", mayLeaveMessage: "" } },
        );
    case "call":
      return z
        .object({
          safeTimes: freeText({ max: SHORT_MAX, optional: true }),
          mayLeaveMessage: choice(yesNo, "follow:contact.errors.mayLeaveMessageMissing"),
        })
        .transform((v): ContactPatch => ({ details: v }));
    case "question":
      return z
        .object({
          question: freeText({
            max: QUESTION_MAX,
            optional: young,
            requiredKey: "follow:contact.errors.questionMissing",
          }),
        })
        .transform((v): ContactPatch => ({ question: v }));
    case "knows":
      return z
        .object({ youngPersonKnows: choice(knowsAnswers, "follow:contact.errors.knowsMissing") })
        .transform((v): ContactPatch => ({ question: v }));
    case "urgent":
      return z
        .object({ urgent: choice(yesNo, "follow:contact.errors.urgentMissing") })
        .transform((v): ContactPatch => ({ question: v }));
  }
}

export type ContactAnswers = {
  /** Missing in drafts begun before young people could ask: those were all someone close. */
  who?: ContactWho;
  /** Filled in page by page: a field is there once its page was saved. */
  details?: Partial<ContactDetailsAnswers>;
  question?: Partial<ContactQuestionAnswers>;
};

export const whoOf = (a: ContactAnswers): ContactWho => a.who ?? "close";

/** The way chosen on the "reach" page, or undefined before it was answered. */
export function contactMethodOf(a: ContactAnswers): ContactMethod | undefined {
  if (a.details?.phone) return "phone";
  if (a.details?.email) return "email";
  return undefined;
}

/** The pages this person gets: no call page for e-mail, no questions about "the young person" for them. */
export function contactStepsFor(a: ContactAnswers): ContactStep[] {
  const young = whoOf(a) === "young_person";
  return contactSteps.filter(
    (s) =>
      !(young && (s === "relation" || s === "knows")) && !(s === "call" && contactMethodOf(a) === "email"),
  );
}

const has = (o: object | undefined, key: string) => o !== undefined && key in o;
const oneOf = (options: readonly string[], v: string | undefined) => v !== undefined && options.includes(v);

/** Whether a page was answered (its fields are in the draft and mean something). */
export function isStepAnswered(step: ContactStep, a: ContactAnswers): boolean {
  const d = a.details;
  const q = a.question;
  switch (step) {
    case "name":
      return has(d, "name");
    case "relation":
      return oneOf(relations, d?.relation);
    case "reach":
      return contactMethodOf(a) !== undefined;
    case "call":
      return has(d, "safeTimes") && oneOf(yesNo, d?.mayLeaveMessage);
    case "question":
      return has(q, "question");
    case "knows":
      return oneOf(knowsAnswers, q?.youngPersonKnows);
    case "urgent":
      return oneOf(yesNo, q?.urgent);
  }
}

/** The first page that still needs an answer, or null when everything is there. */
export function firstMissingStep(a: ContactAnswers): ContactStep | null {
  return contactStepsFor(a).find((s) => !isStepAnswered(s, a)) ?? null;
}

export const isComplete = (a: ContactAnswers) => firstMissingStep(a) === null;

/**
 * "Question 3": the number of the page among the pages this person gets. No total, as in the intake
 * (ADR 030): choosing e-mail on the third page takes away the call page, so a total would change halfway.
 */
export const contactStepNumber = (step: ContactStep, a: ContactAnswers) =>
  contactStepsFor(a).indexOf(step) + 1;

export type ContactDestination = { step: ContactStep } | { check: true };

/**
 * Where a person goes after saving a page: the next page, or, when they came from the check page, back
 * there unless the change opened a page they have not answered yet (phone instead of e-mail asks the call
 * page). An earlier unanswered page always comes first.
 */
export function contactAfterSave(
  step: ContactStep,
  a: ContactAnswers,
  changing: boolean,
): ContactDestination {
  const steps = contactStepsFor(a);
  const missing = firstMissingStep(a);
  if (changing) return missing ? { step: missing } : { check: true };
  const next = steps[steps.indexOf(step) + 1];
  if (missing && (!next || steps.indexOf(missing) < steps.indexOf(next))) return { step: missing };
  return next ? { step: next } : missing ? { step: missing } : { check: true };
}

/**
 * Whether a page may be shown now: not when this person does not get it, nor before the pages before it
 * are answered (a bookmark or typed address goes to the first open page instead).
 */
export function contactRedirectBeforeShowing(
  step: ContactStep,
  a: ContactAnswers,
): ContactDestination | undefined {
  const steps = contactStepsFor(a);
  const missing = firstMissingStep(a);
  if (!steps.includes(step)) return missing ? { step: missing } : { check: true };
  if (missing && steps.indexOf(missing) < steps.indexOf(step)) return { step: missing };
  return undefined;
}

/** The page before this one, for "Back" (none before the first page). */
export function contactPreviousStep(step: ContactStep, a: ContactAnswers): ContactStep | undefined {
  const steps = contactStepsFor(a);
  const i = steps.indexOf(step);
  return i > 0 ? steps[i - 1] : undefined;
}

/** What createCase() needs. Optional answers that were left empty are not stored at all. */
export function contactRequestToNewCase(a: ContactAnswers, language: "nl" | "en"): NewCase {
  const d = a.details ?? {};
  const q = a.question ?? {};
  const young = whoOf(a) === "young_person";
  const contact: CaseContact = {};
  if (d.name) contact.name = d.name;
  if (d.phone) contact.phone = d.phone;
  if (d.email) contact.email = d.email;
  if (d.safeTimes) contact.safeTimes = d.safeTimes;
  if (d.phone) contact.mayLeaveMessage = d.mayLeaveMessage === "yes";
  const details: CaseDetails = {};
  if (q.question) details.question = q.question;
  if (!young) {
    details.relation = d.relation === "other" && d.relationOther ? d.relationOther : (d.relation ?? "");
    details.youngPersonKnows = q.youngPersonKnows ?? "";
  }
  return {
    kind: "contact",
    language,
    urgent: q.urgent === "yes",
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
