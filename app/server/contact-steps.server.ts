/**
 * The question pages of the contact request, one question each (ADR 037): the name page at both addresses
 * (someone close at /contact, a young person at /bel-mij, ADR 034), the others at /contact/<slug>, where
 * the asker comes from the draft. The order and skips are the domain's (contact-request.ts).
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  CONTACT_CHECK_PATH,
  contactAfterSave,
  contactFirstPage,
  contactMethodOf,
  contactPreviousStep,
  contactRedirectBeforeShowing,
  contactStepFields,
  contactStepNumber,
  contactStepPath,
  contactStepSchema,
  whoOf,
  type ContactAnswers,
  type ContactDestination,
  type ContactStep,
  type ContactWho,
} from "~/domain/contact-request";
import { formValues, type Problems } from "~/domain/form-input";
import { reloadInOtherLanguage } from "~/i18n/locale.server";
import { SWITCH_LANGUAGE } from "~/route-handle";
import {
  contactAnswers,
  keepUnsavedContactValues,
  mayStoreContactAnswers,
  saveContactAnswers,
  unsavedContactValues,
  withPatch,
} from "./contact-draft.server";
import { formProblem, messagesOf } from "./follow-route.server";
import { parseInput } from "./forms/parse-form.server";

/** The first page names its asker (its address); the others read it from the draft. */
export type StepOf = { step: "name"; who: ContactWho } | { step: Exclude<ContactStep, "name"> };

const pathOf = (who: ContactWho, to: ContactDestination) =>
  "check" in to ? CONTACT_CHECK_PATH : contactStepPath(who, to.step);

/** The draft's answers as this page sees them: a draft of the other path does not count on the first page. */
function answersFor(request: Request, of: StepOf): ContactAnswers {
  const answers = contactAnswers(request);
  if (of.step === "name") return whoOf(answers) === of.who ? answers : { who: of.who };
  return answers;
}

/** What the page's fields hold as saved: the chosen way comes from which of the two is filled in. */
function savedValues(step: ContactStep, a: ContactAnswers): Record<string, string> {
  const stored: Record<string, string | undefined> = { ...a.details, ...a.question };
  const out: Record<string, string> = {};
  for (const f of contactStepFields[step]) {
    const v = f === "contactMethod" ? contactMethodOf(a) : stored[f];
    if (v !== undefined) out[f] = v;
  }
  return out;
}

export function contactStepLoader(of: StepOf, { request }: LoaderFunctionArgs) {
  const answers = answersFor(request, of);
  const who = whoOf(answers);
  // No draft yet: the later pages start at the first page of someone close (the usual way in).
  if (of.step !== "name" && !answers.details) throw redirect(contactFirstPage[who]);
  const away = contactRedirectBeforeShowing(of.step, answers);
  if (away) throw redirect(pathOf(who, away));
  const changing = new URL(request.url).searchParams.has("wijzigen");
  const previous = contactPreviousStep(of.step, answers);
  return json({
    who,
    step: of.step,
    number: contactStepNumber(of.step, answers),
    changing,
    backHref: changing ? CONTACT_CHECK_PATH : previous ? contactStepPath(who, previous) : null,
    values: unsavedContactValues(request, of.step) ?? savedValues(of.step, answers),
  });
}

export async function contactStepAction(of: StepOf, { request, context }: ActionFunctionArgs) {
  const answers = answersFor(request, of);
  const who = whoOf(answers);
  if (of.step !== "name" && !answers.details) throw redirect(contactFirstPage[who]);
  const form = await request.formData();
  const values = formValues(form, contactStepFields[of.step]);
  const fail = (problems: Problems, status = 400) =>
    json({ errors: messagesOf(request, problems), values }, { status });
  const bad = formProblem(request, form);
  if (bad) return fail(bad);
  // Only the first page can start a draft; a new one counts against the client's draft limit.
  const first = of.step === "name" ? { who: of.who } : {};
  const tooMany = () =>
    of.step === "name" && !mayStoreContactAnswers(request, context.clientKey)
      ? fail({ form: { key: "errors:tooManyDrafts" } }, 429)
      : null;
  if (form.get("intent") === SWITCH_LANGUAGE) {
    return (
      tooMany() ??
      reloadInOtherLanguage(request, keepUnsavedContactValues(request, { page: of.step, values }, first))
    );
  }
  const parsed = parseInput(contactStepSchema(of.step, who), values);
  if (!parsed.ok) return fail(parsed.problems);
  const limited = tooMany();
  if (limited) return limited;
  const patch = { ...first, ...parsed.data };
  const setCookie = saveContactAnswers(request, patch);
  const changing = form.get("change") === "1";
  const next = contactAfterSave(of.step, withPatch(answers, patch), changing);
  // A change that opens a new page keeps "changing" on, so that page leads back to the check page too.
  const target = pathOf(who, next) + (changing && "step" in next ? "?wijzigen=1" : "");
  return redirect(target, { headers: setCookie ? { "Set-Cookie": setCookie } : undefined });
}
