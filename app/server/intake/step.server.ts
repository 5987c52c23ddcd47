/**
 * One question page of an intake: the loader shows the question with the draft's answer (or what was typed
 * last), the action checks the answer with the pure intake machine (app/domain/intake), keeps it in the
 * encrypted draft and redirects to the next question (POST/redirect/GET).
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { intakeConsentConflicts, relevantRecipients, type IntakeKind } from "~/domain/intake/answers";
import { resolveMunicipality } from "~/domain/municipality-names";
import {
  afterSave,
  applyStep,
  checkPath,
  confirmationPath,
  intakeBasePath,
  previousStep,
  redirectBeforeShowing,
  stepFromSlug,
  stepPath,
  stepNumber,
  type Destination,
  type StepId,
} from "~/domain/intake/steps";
import {
  consentField,
  firstField,
  formInputFrom,
  formValuesFrom,
  limits,
  validateStep,
  type FieldErrors,
  type FormInput,
} from "~/domain/intake/validation";
import type { Language } from "~/i18n/config";
import { SWITCH_LANGUAGE } from "~/route-handle";
import { detectLanguage, reloadInOtherLanguage } from "~/i18n/locale.server";
import { getFixedT } from "~/i18n/resources.server";
import { refusalOf, translateProblems } from "../forms/parse-form.server";
import { intakeRefusal } from "../forms/refusals.server";
import { createDraft, readDraft, saveDraft, type Draft } from "../drafts.server";
import { draftLimiter } from "./limits.server";
import { activeUnits, municipalities, municipalityChoices } from "./reference.server";

const notFound = () => new Response("Not found", { status: 404 });

function destinationPath(kind: IntakeKind, d: Destination): string {
  return "check" in d ? checkPath(kind) : stepPath(kind, d.step);
}

/** Error keys to sentences: a message for this field if the intake has one, else the general one. */
function translateErrors(errors: FieldErrors, lang: Language): Record<string, string> {
  const t = getFixedT(lang, "intake");
  const number = new Intl.NumberFormat(lang === "nl" ? "nl-NL" : "en-GB");
  const out: Record<string, string> = {};
  for (const [field, { key, params }] of Object.entries(errors)) {
    const shown = key === "tooLong" && params ? { ...params, max: number.format(params.max ?? 0) } : params;
    out[field] = t([`fieldErrors.${field}.${key}`, `errors:${key}`], shown ?? {});
  }
  return out;
}

/** What the person sent, minus the form's own fields: shown again so nothing typed is lost. */
function keptValues(input: FormInput): FormInput {
  const { csrf: _csrf, website: _website, change: _change, intent: _intent, ...values } = input;
  return values;
}

function stepOr404(slug: string | undefined): StepId {
  const step = stepFromSlug(slug);
  if (!step) throw notFound();
  return step;
}

export function stepLoader(kind: IntakeKind, { request, params }: LoaderFunctionArgs) {
  const step = stepOr404(params.step);
  const draft = readDraft(request);
  if (draft?.data.receipt) throw redirect(confirmationPath(draft.data.receipt.kind));
  const progress = { kind, done: draft?.data.done ?? [], answers: draft?.data.answers ?? {} };
  const elsewhere = redirectBeforeShowing(step, progress);
  if (elsewhere) throw redirect(destinationPath(kind, elsewhere));

  const { answers } = progress;
  const changing = new URL(request.url).searchParams.has("wijzigen");
  const previous = previousStep(step, kind, answers);
  return json({
    kind,
    step,
    number: stepNumber(step, kind, answers),
    // A relative or someone else gets the questions about the young person, not about themselves.
    role: answers.reporterRole ?? null,
    backHref: changing ? checkPath(kind) : previous ? stepPath(kind, previous) : intakeBasePath[kind],
    changing,
    values: draft?.data.unsaved?.step === step ? draft.data.unsaved.values : formValuesFrom(answers),
    units: step === "unit" ? activeUnits().map(({ id: _id, ...u }) => u) : [],
    municipalities: step === "municipality" ? municipalityChoices() : [],
    recipients: step === "consent" ? relevantRecipients(answers.wishes) : [],
    // What the consents given need from this page (a way to reach them, their municipality): said up front.
    consentNeeds:
      step === "contact" || step === "municipality"
        ? [
            ...new Set(
              intakeConsentConflicts({ ...answers, contactMethod: "none", municipality: undefined })
                .map((c) => c.problem)
                .filter((p) => (step === "contact") === (p === "identity_without_contact")),
            ),
          ]
        : [],
    urgentNotice: step === "wishes" && answers.safeNow === "no",
    limits,
    onBehalf: draft?.data.enteredBy?.channel ?? null,
  });
}

export async function stepAction(kind: IntakeKind, { request, params, context }: ActionFunctionArgs) {
  const step = stepOr404(params.step);
  const formData = await request.formData();
  const input = formInputFrom(formData);
  const lang = detectLanguage(request);
  const now = Date.now();
  const draft = readDraft(request, now);
  if (draft?.data.receipt) return redirect(confirmationPath(draft.data.receipt.kind));
  const answers = draft?.data.answers ?? {};

  const anchor =
    step === "consent" ? consentField(relevantRecipients(answers.wishes)[0] ?? "igj") : firstField[step];
  const refused = refusalOf(request, formData);
  if (refused) {
    const errors = translateProblems(getFixedT(lang), intakeRefusal(anchor)(refused));
    return json({ errors, values: keptValues(input) }, { status: 400 });
  }

  if (input.intent === SWITCH_LANGUAGE) return switchLanguage(kind, step, request, draft, input, now);

  // The searchable list sends what is in its box: "Den Haag" or "Vlagtwedde" becomes today's CBS code;
  // a name that matches none stays as typed, so the error below shows it again to correct.
  const typedMunicipality = typeof input.municipality === "string" ? input.municipality : undefined;
  const resolved =
    step === "municipality" && typedMunicipality
      ? {
          ...input,
          municipality: resolveMunicipality(municipalityChoices(), typedMunicipality) ?? typedMunicipality,
        }
      : input;
  const result = validateStep(step, resolved, {
    kind,
    unitSlugs: step === "unit" ? activeUnits().map((u) => u.slug) : [],
    municipalityCodes: step === "municipality" ? municipalities().map((m) => m.code) : [],
    currentYear: Number(
      new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Europe/Amsterdam" }).format(now),
    ),
    wishes: answers.wishes,
    saved: answers,
  });
  if (!result.ok) {
    return json({ errors: translateErrors(result.errors, lang), values: keptValues(input) }, { status: 400 });
  }

  if (!draft && !draftLimiter.hit(context.clientKey, now)) {
    const message = getFixedT(lang, "errors")("tooManyDrafts");
    return json({ errors: { [anchor]: message }, values: keptValues(input) }, { status: 429 });
  }

  const saved = applyStep(answers, step, result.answers);
  const done = [...new Set([...(draft?.data.done ?? []), step])];
  let setCookie: string | undefined;
  if (draft) saveDraft({ ...draft, kind, data: { ...draft.data, answers: saved, done, unsaved: undefined } });
  else setCookie = createDraft(kind, { answers: saved, done }, now).setCookie;

  const changing = input.change === "1";
  const next = afterSave(step, { kind, done, answers: saved }, changing);
  // A change that opens a new question keeps "changing" on, so that question leads back to the check page.
  const target = destinationPath(kind, next) + (changing && "step" in next ? "?wijzigen=1" : "");
  return redirect(target, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

/**
 * The language switch on a question page: what the form holds is kept as typed (not checked, not saved as
 * an answer) and the same page loads again in the other language, as a full page load so every text
 * changes (redirectDocument: with JavaScript too).
 */
function switchLanguage(
  kind: IntakeKind,
  step: StepId,
  request: Request,
  draft: Draft | null,
  input: FormInput,
  now: number,
) {
  const unsaved = { step, values: keptValues(input) };
  let setCookie: string | undefined;
  if (draft) saveDraft({ ...draft, kind, data: { ...draft.data, unsaved } });
  else setCookie = createDraft(kind, { answers: {}, done: [], unsaved }, now).setCookie;
  return reloadInOtherLanguage(request, setCookie);
}
