// Kept whole (just over 300 lines): every step's checks in one switch, built from the same field rules.
/**
 * Validation of every intake step, with zod. It returns error keys (with their parameters), never
 * sentences: the route translates them with the `intake` and `errors` namespaces. Text is kept as typed
 * (HTML included: it is always rendered escaped) under the one rule of every public form
 * (`normaliseText` and `hasControlChars` in ../form-input.ts, ADR 027).
 */
import { z } from "zod";
import type { ConsentRecipient } from "../vocabulary";
import { contactMethods, reporterRoles, safeNowAnswers, themes, wishes, type Wish } from "../case-content";
import {
  consentAnswers,
  intakeConsentConflicts,
  relevantRecipients,
  unitOther,
  unitUnknown,
  type ConsentAnswer,
  type IntakeAnswers,
  type IntakeKind,
} from "./answers";
import { hasControlChars, normaliseText } from "../form-input";
import type { StepId } from "./steps";

export type ErrorKey =
  | "required"
  | "choose"
  | "chooseAtLeastOne"
  | "invalidChoice"
  | "tooLong"
  | "controlChars"
  | "email"
  | "phone"
  | "year"
  | "yearOrder"
  | "identityNeedsContact"
  | "neededForConsent";
export type FieldError = { key: ErrorKey; params?: Record<string, number> };
export type FieldErrors = Record<string, FieldError>;

/** What a form sent: one string per field, a list for fields with several values. */
export type FormInput = Record<string, string | string[] | undefined>;

export type StepResult = { ok: true; answers: Partial<IntakeAnswers> } | { ok: false; errors: FieldErrors };

export type StepContext = {
  kind: IntakeKind;
  unitSlugs: readonly string[];
  municipalityCodes: readonly string[];
  currentYear: number;
  /** The wishes saved so far: the consent step asks only about the recipients they make relevant. */
  wishes: readonly Wish[] | undefined;
  /**
   * The answers saved so far: the contact answers must let the consents given earlier be kept
   * (app/domain/consent.ts). A consent changed later is checked when the contact step is asked again.
   */
  saved?: IntakeAnswers;
};

export const limits = {
  story: 20_000,
  desiredOutcome: 2_000,
  complaintAbout: 500,
  themeOther: 500,
  unitOther: 200,
  name: 100,
  email: 254,
  phone: 30,
  safeTimes: 200,
} as const;

export const FIRST_YEAR = 2000;

/** Fields that carry several values (checkboxes). */
export const multiValueFields = new Set(["themes", "wishes"]);

export const consentField = (recipient: ConsentRecipient) => `consent-${recipient}`;

/** The first field of each step: a problem with the whole form (an expired form) points there. */
export const firstField: Record<StepId, string> = {
  who: "reporterRole",
  unit: "unit",
  period: "periodFrom",
  what: "story",
  themes: "themes",
  complaintAbout: "complaintAbout",
  safe: "safeNow",
  wishes: "wishes",
  consent: "consent-igj",
  contact: "contactMethod",
  municipality: "municipality",
};

const issue = (ctx: z.RefinementCtx, key: ErrorKey, params?: Record<string, number>) =>
  ctx.addIssue({ code: z.ZodIssueCode.custom, message: key, params });

const raw = z.union([z.string(), z.array(z.string()), z.undefined()]);
const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);

function text(max: number, required = false) {
  return raw
    .transform((v) => normaliseText(single(v) ?? ""))
    .superRefine((v, ctx) => {
      if (v === "") {
        if (required) issue(ctx, "required");
        return;
      }
      if (hasControlChars(v)) issue(ctx, "controlChars");
      else if (v.length > max) issue(ctx, "tooLong", { max });
    })
    .transform((v) => (v === "" ? undefined : v));
}

function choice<T extends string>(options: readonly T[], required = false) {
  return raw
    .transform((v) => (single(v) ?? "").trim())
    .superRefine((v, ctx) => {
      if (v === "") {
        if (required) issue(ctx, "choose");
      } else if (!options.includes(v as T)) issue(ctx, "invalidChoice");
    })
    .transform((v) => (v === "" ? undefined : (v as T)));
}

function choices<T extends string>(options: readonly T[], min = 0) {
  return raw
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== ""))
    .superRefine((v, ctx) => {
      if (v.some((x) => !options.includes(x as T))) issue(ctx, "invalidChoice");
      else if (v.length < min) issue(ctx, "chooseAtLeastOne");
    })
    .transform((v) => [...new Set(v)] as T[]);
}

function year(max: number) {
  return raw
    .transform((v) => (single(v) ?? "").trim())
    .superRefine((v, ctx) => {
      if (v === "") return;
      const n = Number(v);
      if (!/^\d{4}$/.test(v) || n < FIRST_YEAR || n > max) issue(ctx, "year", { min: FIRST_YEAR, max });
    })
    .transform((v) => (v === "" ? undefined : Number(v)));
}

const email = text(limits.email).superRefine((v, ctx) => {
  if (v !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) issue(ctx, "email");
});

const phone = text(limits.phone).superRefine((v, ctx) => {
  if (v === undefined) return;
  const digits = v.replace(/\D/g, "").length;
  if (!/^\+?[0-9 ()-]+$/.test(v) || digits < 8 || digits > 15) issue(ctx, "phone");
});

/** Runs one schema per field, so every problem on the page is reported at once. */
class Collector {
  readonly errors: FieldErrors = {};
  constructor(private readonly input: FormInput) {}

  field<S extends z.ZodTypeAny>(name: string, schema: S): z.output<S> | undefined {
    const result = schema.safeParse(this.input[name]);
    if (result.success) return result.data;
    const first = result.error.issues[0];
    const params =
      first && "params" in first ? (first.params as Record<string, number> | undefined) : undefined;
    this.errors[name] = { key: (first?.message ?? "required") as ErrorKey, ...(params ? { params } : {}) };
    return undefined;
  }

  fail(name: string, error: FieldError) {
    this.errors[name] ??= error;
  }

  result(answers: Partial<IntakeAnswers>): StepResult {
    return Object.keys(this.errors).length > 0 ? { ok: false, errors: this.errors } : { ok: true, answers };
  }
}

export function validateStep(step: StepId, input: FormInput, ctx: StepContext): StepResult {
  const c = new Collector(input);
  switch (step) {
    case "who":
      return c.result({ reporterRole: c.field("reporterRole", choice(reporterRoles, true)) });

    case "unit": {
      const unit = c.field("unit", choice([...ctx.unitSlugs, unitOther, unitUnknown]));
      const unitOtherText = c.field("unitOther", text(limits.unitOther));
      return c.result({ unit, unitOther: unitOtherText });
    }

    case "period": {
      const periodFrom = c.field("periodFrom", year(ctx.currentYear));
      const periodTo = c.field("periodTo", year(ctx.currentYear));
      if (periodFrom !== undefined && periodTo !== undefined && periodTo < periodFrom) {
        c.fail("periodTo", { key: "yearOrder" });
      }
      return c.result({ periodFrom, periodTo });
    }

    case "what":
      return c.result({ story: c.field("story", text(limits.story, true)) });

    case "themes":
      return c.result({
        themes: c.field("themes", choices(themes)),
        themeOther: c.field("themeOther", text(limits.themeOther)),
      });

    case "complaintAbout":
      return c.result({
        complaintAbout:
          ctx.kind === "complaint" ? c.field("complaintAbout", text(limits.complaintAbout)) : undefined,
      });

    case "safe":
      return c.result({ safeNow: c.field("safeNow", choice(safeNowAnswers, true)) });

    case "wishes":
      return c.result({
        wishes: c.field("wishes", choices(wishes, 1)),
        desiredOutcome:
          ctx.kind === "complaint" ? c.field("desiredOutcome", text(limits.desiredOutcome)) : undefined,
      });

    case "consent": {
      const consents: Partial<Record<ConsentRecipient, ConsentAnswer>> = {};
      for (const recipient of relevantRecipients(ctx.wishes)) {
        const answer = c.field(consentField(recipient), choice(consentAnswers, true));
        if (answer) consents[recipient] = answer;
      }
      return c.result({ consents });
    }

    case "contact": {
      // Fields in page order, so the error summary lists them as the page shows them.
      const contactMethod = c.field("contactMethod", choice(contactMethods, true));
      const byEmail = contactMethod === "email";
      const byPhone = contactMethod === "phone";
      const reachable = byEmail || byPhone;
      // Only what belongs to the chosen way is kept: an address typed before switching to "phone" goes.
      const emailAddress = byEmail ? c.field("email", email) : undefined;
      if (byEmail && emailAddress === undefined) c.fail("email", { key: "required" });
      const phoneNumber = byPhone ? c.field("phone", phone) : undefined;
      if (byPhone && phoneNumber === undefined) c.fail("phone", { key: "required" });
      const name = reachable ? c.field("name", text(limits.name)) : undefined;
      const safeTimes = reachable ? c.field("safeTimes", text(limits.safeTimes)) : undefined;
      const mayLeaveMessage = byPhone
        ? c.field("mayLeaveMessage", choice(["yes", "no"] as const, true))
        : undefined;
      // A consent given earlier to share contact details needs a way to reach the person: ask for it here.
      if (contactMethod !== undefined && ctx.saved) {
        const reach = { ...ctx.saved, wishes: ctx.wishes?.slice(), contactMethod };
        if (intakeConsentConflicts(reach).some((x) => x.problem === "identity_without_contact")) {
          c.fail("contactMethod", { key: "identityNeedsContact" });
        }
      }
      return c.result({
        contactMethod,
        email: emailAddress,
        phone: phoneNumber,
        name,
        safeTimes,
        mayLeaveMessage,
      });
    }

    case "municipality": {
      const municipality = c.field("municipality", choice(ctx.municipalityCodes));
      // A consent given earlier for the municipality needs to know which one: ask for it here.
      if (ctx.saved && !c.errors.municipality) {
        const reach = { ...ctx.saved, wishes: ctx.wishes?.slice(), municipality };
        if (intakeConsentConflicts(reach).some((x) => x.problem === "no_municipality")) {
          c.fail("municipality", { key: "neededForConsent" });
        }
      }
      return c.result({ municipality });
    }
  }
}

/** Reads a submitted form into plain values (files are ignored: no step asks for one). */
export function formInputFrom(formData: FormData): FormInput {
  const input: FormInput = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    input[key] = multiValueFields.has(key) ? values : values[0];
  }
  return input;
}

/** The saved answers as form values, to fill a step's fields when it is shown again. */
export function formValuesFrom(answers: IntakeAnswers): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(answers)) {
    if (value === undefined) continue;
    if (key === "consents") {
      for (const [recipient, answer] of Object.entries(value as Record<string, string>)) {
        values[consentField(recipient as ConsentRecipient)] = answer;
      }
    } else if (Array.isArray(value)) values[key] = value.map(String);
    else values[key] = String(value);
  }
  return values;
}
