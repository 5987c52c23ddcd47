/**
 * Loaders and actions of the intake routes (/verhaal/… and /klacht/…), shared by both kinds. Each reads
 * the request, asks the pure intake machine (app/domain/intake), keeps the answers in the encrypted draft
 * and redirects (POST/redirect/GET). Finishing creates the case in one transaction with the receipt.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { and, asc, eq } from "drizzle-orm";
import { getEnv, getTuning } from "~/config/env.server";
import {
  intakeConsentConflicts,
  relevantRecipients,
  toNewCase,
  unitOther,
  unitUnknown,
  type IntakeKind,
} from "~/domain/intake/answers";
import { municipalityEntries, resolveMunicipality } from "~/domain/municipality-names";
import { textPreview } from "~/domain/text-preview";
import {
  afterSave,
  applyStep,
  checkPath,
  confirmationPath,
  firstIncompleteStep,
  intakeBasePath,
  previousStep,
  redirectBeforeShowing,
  stepFromSlug,
  stepPath,
  stepIds,
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
import { defaultDeadlineSettings } from "~/domain/working-days";
import type { Language } from "~/i18n/config";
import { SWITCH_LANGUAGE } from "~/route-handle";
import { detectLanguage, reloadInOtherLanguage } from "~/i18n/locale.server";
import { getFixedT } from "~/i18n/resources.server";
import type { EnteredBy } from "~/domain/new-case";
import { audit } from "./audit.server";
import { createCase } from "./cases.server";
import { refusalOf, translateProblems } from "./forms/parse-form.server";
import { intakeRefusal } from "./forms/refusals.server";
import { getDb, schema } from "./db.server";
import {
  createDraft,
  deleteDraft,
  hasDraftCookie,
  keepReceipt,
  readDraft,
  saveDraft,
  type Draft,
  type Receipt,
} from "./drafts.server";
import type { TimeoutInfo } from "~/components/layout/SessionTimeout";
import { RateLimiter } from "./rate-limit.server";
import { receiptView } from "./receipt.server";
import { IMMEDIATE } from "./tx.server";

/** Finishing an intake: 20 cases per client per 10 minutes is far above any person, far below a flood. */
// 20 finished cases per client per 10 minutes; the browser tests raise it (every test browser is 127.0.0.1).
export const finishLimiter = new RateLimiter(
  "intake.finish",
  getTuning().FINISH_LIMIT_PER_10_MIN,
  10 * 60 * 1000,
);

/**
 * New drafts: 20 per client per hour. A person starts over now and then; a script made 300 drafts of
 * 20 kB in 4 seconds (issue 13, finding 5). The browser tests raise it (every test browser is 127.0.0.1).
 */
export const draftLimiter = new RateLimiter("intake.draft", getTuning().DRAFT_LIMIT_PER_HOUR, 60 * 60 * 1000);

const notFound = () => new Response("Not found", { status: 404 });

function destinationPath(kind: IntakeKind, d: Destination): string {
  return "check" in d ? checkPath(kind) : stepPath(kind, d.step);
}

// ---------------------------------------------------------------- reference data

function activeUnits() {
  return getDb()
    .select({
      id: schema.units.id,
      slug: schema.units.slug,
      name: schema.units.name,
      place: schema.units.place,
      operator: schema.units.operator,
    })
    .from(schema.units)
    .where(eq(schema.units.active, true))
    .orderBy(asc(schema.units.name))
    .all();
}

function municipalities() {
  return getDb()
    .select({ code: schema.organisations.cbsCode, name: schema.organisations.name })
    .from(schema.organisations)
    .where(and(eq(schema.organisations.kind, "gemeente"), eq(schema.organisations.active, true)))
    .orderBy(asc(schema.organisations.name))
    .all()
    .filter((m): m is { code: string; name: string } => m.code !== null);
}

/** Today's municipalities with the other names people know them by (aliases, names before a merger). */
function municipalityChoices() {
  const former = getDb()
    .select({
      oldCode: schema.municipalityRenames.oldCode,
      oldName: schema.municipalityRenames.oldName,
      successorCode: schema.municipalityRenames.successorCode,
    })
    .from(schema.municipalityRenames)
    .all();
  return municipalityEntries(municipalities(), former);
}

// ---------------------------------------------------------------- messages

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

function formatDate(epochMs: number, lang: Language, weekday = true): string {
  return new Intl.DateTimeFormat(lang === "nl" ? "nl-NL" : "en-GB", {
    weekday: weekday ? "long" : undefined,
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Amsterdam",
  }).format(epochMs);
}

/** A receipt kept before the promised days were stored names the defaults it was made with. */
const ackDays = (receipt: Receipt) =>
  receipt.ackWorkingDays ??
  (receipt.urgent ? defaultDeadlineSettings.ackWorkingDaysUrgent : defaultDeadlineSettings.ackWorkingDays);

// ---------------------------------------------------------------- on someone's behalf

/**
 * A staff member starts an intake for someone on the phone or at a visit (ADR 040): a fresh draft in this
 * browser that records who enters it and how. Returns the draft cookie.
 */
export function startEntryOnBehalf(enteredBy: EnteredBy, kind: IntakeKind, now = Date.now()): string {
  return getDb().transaction((tx) => {
    const { setCookie } = createDraft(kind, { answers: {}, done: [], enteredBy }, now, tx);
    audit(
      tx,
      {
        action: "case_entry_started",
        staffId: enteredBy.staffId,
        detail: { kind, channel: enteredBy.channel },
      },
      now,
    );
    return setCookie;
  }, IMMEDIATE);
}

// ---------------------------------------------------------------- start page

export function startLoader(kind: IntakeKind, { request }: LoaderFunctionArgs) {
  const draft = readDraft(request);
  const receipt = draft?.data.receipt;
  let resumeHref: string | null = null;
  if (draft && !receipt && draft.data.done.length > 0) {
    const open = firstIncompleteStep({ ...draft.data, kind });
    resumeHref = open ? stepPath(kind, open) : checkPath(kind);
  }
  return json({
    kind,
    firstStepHref: stepPath(kind, "who"),
    resumeHref,
    receiptHref: receipt ? confirmationPath(receipt.kind) : null,
    expired: !draft && hasDraftCookie(request),
  });
}

// ---------------------------------------------------------------- question steps

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

// ---------------------------------------------------------------- check your answers

function draftReadyToSend(kind: IntakeKind, draft: Draft | null): Draft {
  if (!draft) throw redirect(intakeBasePath[kind]);
  if (draft.data.receipt) throw redirect(confirmationPath(draft.data.receipt.kind));
  const open = firstIncompleteStep({ ...draft.data, kind });
  if (open) throw redirect(stepPath(kind, open));
  return draft;
}

const STORY_PREVIEW = 500;

export function checkLoader(kind: IntakeKind, { request }: LoaderFunctionArgs) {
  const { answers, enteredBy } = draftReadyToSend(kind, readDraft(request)).data;
  const unit = activeUnits().find((u) => u.slug === answers.unit);
  const municipality = answers.municipality
    ? municipalities().find((m) => m.code === answers.municipality)
    : undefined;
  const story = textPreview(answers.story ?? "", STORY_PREVIEW);
  return json({
    kind,
    answers: { ...answers, story: story.preview },
    storyMore: story.more,
    unit: unit
      ? { name: unit.name, place: unit.place }
      : answers.unit === unitOther || answers.unit === unitUnknown
        ? answers.unit
        : null,
    municipalityName: municipality?.name ?? null,
    recipients: relevantRecipients(answers.wishes),
    onBehalf: enteredBy?.channel ?? null,
    paths: Object.fromEntries(stepIds.map((s) => [s, `${stepPath(kind, s)}?wijzigen=1`])) as Record<
      StepId,
      string
    >,
  });
}

export async function checkAction(kind: IntakeKind, { request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const lang = detectLanguage(request);
  const refused = refusalOf(request, formData);
  if (refused) {
    return json(
      { errors: translateProblems(getFixedT(lang), intakeRefusal("submit")(refused)) },
      { status: 400 },
    );
  }
  const now = Date.now();
  const draft = draftReadyToSend(kind, readDraft(request, now));
  if (!finishLimiter.hit(context.clientKey, now)) {
    return json({ errors: { submit: getFixedT(lang, "errors")("rateLimited") } }, { status: 429 });
  }

  const unitIdBySlug = new Map(activeUnits().map((u) => [u.slug, u.id]));
  const newCase = {
    ...toNewCase(kind, draft.data.answers, { language: lang, unitIdBySlug }),
    enteredBy: draft.data.enteredBy,
  };
  let setCookie: string | undefined;
  await createCase(newCase, {
    submissionKey: draft.data.submissionKey,
    now,
    withinTransaction: (tx, created) => {
      // A repeat finds the receipt the first submission kept; it never has the passphrase to keep.
      if (!created.created || !created.passphrase) return;
      const receipt: Receipt = {
        kind,
        code: created.code,
        passphrase: created.passphrase,
        receivedAt: created.receivedAt,
        ackDueAt: created.ackDueAt,
        ackWorkingDays: created.ackWorkingDays,
        urgent: created.urgent,
        contactMethod: newCase.contactMethod,
        onBehalf: newCase.enteredBy
          ? { caseId: created.caseId, channel: newCase.enteredBy.channel }
          : undefined,
      };
      setCookie = keepReceipt(draft, receipt, now, tx);
      if (newCase.enteredBy) {
        audit(
          tx,
          {
            action: "case_entered",
            staffId: newCase.enteredBy.staffId,
            caseId: created.caseId,
            detail: { channel: newCase.enteredBy.channel },
          },
          now,
        );
      }
    },
  });
  return redirect(confirmationPath(kind), setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

// ---------------------------------------------------------------- confirmation and receipt

export function confirmationLoader(kind: IntakeKind, { request }: LoaderFunctionArgs) {
  const receipt = readDraft(request)?.data.receipt;
  const lang = detectLanguage(request);
  const view = receiptView(request, lang, "intake");
  if (!receipt || !view) return json({ kind, receipt: null });
  return json({
    kind: receipt.kind,
    receipt: {
      ...view,
      ackDays: ackDays(receipt),
      ackDate: formatDate(receipt.ackDueAt, lang),
      urgent: receipt.urgent,
      followUrl: `${getEnv().PUBLIC_URL}/volgen`,
    },
    onBehalf: receipt.onBehalf?.channel ?? null,
    caseId: receipt.onBehalf?.caseId ?? null,
    timeout: { kind: "receipt", endsInMs: view.endsInMs } satisfies TimeoutInfo,
  });
}

export async function confirmationAction(kind: IntakeKind, { request }: ActionFunctionArgs) {
  const formData = await request.formData();
  if (refusalOf(request, formData)) {
    const lang = detectLanguage(request);
    return json({ errors: { done: getFixedT(lang, "errors")("formProblem") } }, { status: 400 });
  }
  return redirect(confirmationPath(kind), { headers: { "Set-Cookie": deleteDraft(request) } });
}
