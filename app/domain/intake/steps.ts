/**
 * The intake machine: which questions, in which order, under which Dutch URL, and where "Continue", "Back"
 * and "Change" lead. One question per page (GOV.UK); a follow-up that only makes sense with its question
 * (the other unit's name, the other theme, a phone number) stays on that question's page. Pure; the
 * routes only ask it. docs/decisions/030-one-question-per-page.md
 */
import { intakeConsentConflicts, relevantRecipients, type IntakeAnswers, type IntakeKind } from "./answers";

export const stepIds = [
  "who",
  "unit",
  "period",
  "what",
  "themes",
  "complaintAbout",
  "safe",
  "wishes",
  "consent",
  "contact",
  "municipality",
] as const;
export type StepId = (typeof stepIds)[number];

export const stepSlugs: Record<StepId, string> = {
  who: "wie",
  unit: "afdeling",
  period: "wanneer",
  what: "wat-is-er-gebeurd",
  themes: "onderwerpen",
  complaintAbout: "organisatie",
  safe: "veilig",
  wishes: "wensen",
  consent: "toestemming",
  contact: "contact",
  municipality: "gemeente",
};

export const CHECK_SLUG = "controleren";
export const CONFIRMATION_SLUG = "bevestiging";

export const intakeBasePath: Record<IntakeKind, string> = { testimony: "/verhaal", complaint: "/klacht" };

/** The form fields each step owns: saving a step replaces exactly these answers. */
export const stepFields: Record<StepId, readonly (keyof IntakeAnswers)[]> = {
  who: ["reporterRole"],
  unit: ["unit", "unitOther"],
  period: ["periodFrom", "periodTo"],
  what: ["story"],
  themes: ["themes", "themeOther"],
  complaintAbout: ["complaintAbout"],
  safe: ["safeNow"],
  // A complaint's "what should happen" in the person's own words belongs with the same question.
  wishes: ["wishes", "desiredOutcome"],
  consent: ["consents"],
  contact: ["contactMethod", "name", "email", "phone", "safeTimes", "mayLeaveMessage"],
  municipality: ["municipality"],
};

export function stepFromSlug(slug: string | undefined): StepId | undefined {
  return stepIds.find((s) => stepSlugs[s] === slug);
}

export const stepPath = (kind: IntakeKind, step: StepId) => `${intakeBasePath[kind]}/${stepSlugs[step]}`;
export const checkPath = (kind: IntakeKind) => `${intakeBasePath[kind]}/${CHECK_SLUG}`;
export const confirmationPath = (kind: IntakeKind) => `${intakeBasePath[kind]}/${CONFIRMATION_SLUG}`;

/**
 * The steps this person gets: "which organisation" only for a complaint, the consent question only when a
 * wish needs someone else.
 */
export function stepsFor(kind: IntakeKind, answers: IntakeAnswers): StepId[] {
  return stepIds.filter(
    (s) =>
      (s !== "consent" || relevantRecipients(answers.wishes).length > 0) &&
      (s !== "complaintAbout" || kind === "complaint"),
  );
}

export type Progress = { kind: IntakeKind; done: readonly StepId[]; answers: IntakeAnswers };

/**
 * A step is complete when it was saved and still answers what is asked now. The contact step is not
 * while a consent needs a way to reach the person it does not give, the municipality step not while a
 * consent for the municipality has none: the check page then sends the person back there instead of
 * sending the case.
 */
export function isStepComplete(step: StepId, { done, answers }: Progress): boolean {
  if (!done.includes(step)) return false;
  if (step === "consent") return relevantRecipients(answers.wishes).every((r) => answers.consents?.[r]);
  if (step === "contact" || step === "municipality") {
    const problem = step === "contact" ? "identity_without_contact" : "no_municipality";
    return !intakeConsentConflicts(answers).some((c) => c.problem === problem);
  }
  return true;
}

export function firstIncompleteStep(progress: Progress): StepId | undefined {
  return stepsFor(progress.kind, progress.answers).find((s) => !isStepComplete(s, progress));
}

/**
 * The 1-based number of the question, for "Question 3". No total: the consent question comes or goes
 * with the wishes, so a total would change halfway through (ADR 030). The number counts the questions
 * this person gets, so it never skips.
 */
export function stepNumber(step: StepId, kind: IntakeKind, answers: IntakeAnswers): number {
  return stepsFor(kind, answers).indexOf(step) + 1;
}

export function previousStep(step: StepId, kind: IntakeKind, answers: IntakeAnswers): StepId | undefined {
  const steps = stepsFor(kind, answers);
  const i = steps.indexOf(step);
  return i > 0 ? steps[i - 1] : undefined;
}

export function nextStep(step: StepId, kind: IntakeKind, answers: IntakeAnswers): StepId | undefined {
  const steps = stepsFor(kind, answers);
  const i = steps.indexOf(step);
  return i >= 0 ? steps[i + 1] : steps[0];
}

export type Destination = { step: StepId } | { check: true };

/**
 * Where a person goes after saving a step. Normally the next question (even when it was answered
 * before, so its answer can be seen); when they came from "check your answers", straight back there
 * unless the change opened a question they have not answered yet (a new wish needs a consent).
 * An earlier unanswered question always comes first.
 */
export function afterSave(step: StepId, progress: Progress, changing: boolean): Destination {
  const steps = stepsFor(progress.kind, progress.answers);
  const incomplete = firstIncompleteStep(progress);
  if (changing) return incomplete ? { step: incomplete } : { check: true };
  const next = nextStep(step, progress.kind, progress.answers);
  if (incomplete && (!next || steps.indexOf(incomplete) < steps.indexOf(next))) return { step: incomplete };
  return next ? { step: next } : incomplete ? { step: incomplete } : { check: true };
}

/**
 * Whether a step may be shown now: not before the questions before it are answered (a bookmark or a
 * typed URL sends the person to the first open question instead).
 */
export function redirectBeforeShowing(step: StepId, progress: Progress): Destination | undefined {
  const steps = stepsFor(progress.kind, progress.answers);
  if (!steps.includes(step)) {
    const incomplete = firstIncompleteStep(progress);
    return incomplete ? { step: incomplete } : { check: true };
  }
  const incomplete = firstIncompleteStep(progress);
  if (incomplete && steps.indexOf(incomplete) < steps.indexOf(step)) return { step: incomplete };
  return undefined;
}

/** The answers with one step's fields replaced by what was just saved. */
export function applyStep(
  answers: IntakeAnswers,
  step: StepId,
  saved: Partial<IntakeAnswers>,
): IntakeAnswers {
  const next: IntakeAnswers = { ...answers };
  for (const field of stepFields[step]) delete next[field];
  for (const [key, value] of Object.entries(saved)) {
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  return next;
}
