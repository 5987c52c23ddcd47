/**
 * The intake machine: which questions, in which order, under which Dutch URL, and where "Continue", "Back"
 * and "Change" lead. Pure; the routes only ask it.
 */
import { intakeConsentConflicts, relevantRecipients, type IntakeAnswers, type IntakeKind } from "./answers";

export const stepIds = ["who", "unit", "what", "safe", "wishes", "consent", "contact"] as const;
export type StepId = (typeof stepIds)[number];

export const stepSlugs: Record<StepId, string> = {
  who: "wie",
  unit: "afdeling",
  what: "wat-is-er-gebeurd",
  safe: "veilig",
  wishes: "wensen",
  consent: "toestemming",
  contact: "contact",
};

export const CHECK_SLUG = "controleren";
export const CONFIRMATION_SLUG = "bevestiging";

export const intakeBasePath: Record<IntakeKind, string> = { testimony: "/verhaal", complaint: "/klacht" };

/** The form fields each step owns: saving a step replaces exactly these answers. */
export const stepFields: Record<StepId, readonly (keyof IntakeAnswers)[]> = {
  who: ["reporterRole"],
  unit: ["unit", "unitOther", "periodFrom", "periodTo"],
  what: ["story", "themes", "themeOther", "complaintAbout", "desiredOutcome"],
  safe: ["safeNow"],
  wishes: ["wishes"],
  consent: ["consents"],
  contact: ["contactMethod", "name", "email", "phone", "safeTimes", "mayLeaveMessage", "municipality"],
};

export function stepFromSlug(slug: string | undefined): StepId | undefined {
  return stepIds.find((s) => stepSlugs[s] === slug);
}

export const stepPath = (kind: IntakeKind, step: StepId) => `${intakeBasePath[kind]}/${stepSlugs[step]}`;
export const checkPath = (kind: IntakeKind) => `${intakeBasePath[kind]}/${CHECK_SLUG}`;
export const confirmationPath = (kind: IntakeKind) => `${intakeBasePath[kind]}/${CONFIRMATION_SLUG}`;

/** The steps this person gets: the consent question only when a wish needs someone else. */
export function stepsFor(answers: IntakeAnswers): StepId[] {
  return stepIds.filter((s) => s !== "consent" || relevantRecipients(answers.wishes).length > 0);
}

export type Progress = { done: readonly StepId[]; answers: IntakeAnswers };

/**
 * A step is complete when it was saved and still answers what is asked now. The contact step is not
 * while a consent needs a way to reach the person or a municipality it does not give: the check page
 * then sends the person back there instead of sending the case.
 */
export function isStepComplete(step: StepId, { done, answers }: Progress): boolean {
  if (!done.includes(step)) return false;
  if (step === "consent") return relevantRecipients(answers.wishes).every((r) => answers.consents?.[r]);
  if (step === "contact") return intakeConsentConflicts(answers).length === 0;
  return true;
}

export function firstIncompleteStep(progress: Progress): StepId | undefined {
  return stepsFor(progress.answers).find((s) => !isStepComplete(s, progress));
}

/** 1-based position and total, for "Step 3 of 7". */
export function stepPosition(step: StepId, answers: IntakeAnswers): { number: number; total: number } {
  const steps = stepsFor(answers);
  return { number: steps.indexOf(step) + 1, total: steps.length };
}

export function previousStep(step: StepId, answers: IntakeAnswers): StepId | undefined {
  const steps = stepsFor(answers);
  const i = steps.indexOf(step);
  return i > 0 ? steps[i - 1] : undefined;
}

export function nextStep(step: StepId, answers: IntakeAnswers): StepId | undefined {
  const steps = stepsFor(answers);
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
  const steps = stepsFor(progress.answers);
  const incomplete = firstIncompleteStep(progress);
  if (changing) return incomplete ? { step: incomplete } : { check: true };
  const next = nextStep(step, progress.answers);
  if (incomplete && (!next || steps.indexOf(incomplete) < steps.indexOf(next))) return { step: incomplete };
  return next ? { step: next } : incomplete ? { step: incomplete } : { check: true };
}

/**
 * Whether a step may be shown now: not before the questions before it are answered (a bookmark or a
 * typed URL sends the person to the first open question instead).
 */
export function redirectBeforeShowing(step: StepId, progress: Progress): Destination | undefined {
  const steps = stepsFor(progress.answers);
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
