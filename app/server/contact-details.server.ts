/**
 * The first page of the contact request, for both askers (someone close at /contact, a young person at
 * /bel-mij): the routes pass who asks, the rest is the same.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  contactDetailsFields,
  contactDetailsSchema,
  firstMissingStep,
  whoOf,
  type ContactWho,
} from "~/domain/contact-request";
import { formValues, problemsOf, type Problems } from "~/domain/form-input";
import { reloadInOtherLanguage } from "~/i18n/locale.server";
import { SWITCH_LANGUAGE } from "~/route-handle";
import {
  contactAnswers,
  keepUnsavedContactValues,
  mayStoreContactAnswers,
  saveContactAnswers,
  unsavedContactValues,
} from "./contact-draft.server";
import { formProblem, messagesOf } from "./follow-route.server";

export function contactDetailsLoader(who: ContactWho, { request }: LoaderFunctionArgs) {
  const answers = contactAnswers(request);
  // Answers of the other path are not shown here: saving this page starts that draft over.
  const mine = whoOf(answers) === who;
  const d = mine ? answers.details : undefined;
  const unsaved = mine ? unsavedContactValues(request, "details") : null;
  return json({ who, values: unsaved ?? (d ? { ...d } : null) });
}

export async function contactDetailsAction(who: ContactWho, { request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = formValues(form, contactDetailsFields);
  const fail = (problems: Problems, status = 400) =>
    json({ errors: messagesOf(request, problems), values }, { status });
  const bad = formProblem(request, form);
  if (bad) return fail(bad);
  if (form.get("intent") === SWITCH_LANGUAGE) {
    if (!mayStoreContactAnswers(request, context.clientKey))
      return fail({ form: { key: "errors:tooManyDrafts" } }, 429);
    return reloadInOtherLanguage(
      request,
      keepUnsavedContactValues(request, { page: "details", values }, { who }),
    );
  }
  const parsed = contactDetailsSchema(who).safeParse(values);
  if (!parsed.success) return fail(problemsOf(parsed.error));
  if (!mayStoreContactAnswers(request, context.clientKey))
    return fail({ form: { key: "errors:tooManyDrafts" } }, 429);
  const before = contactAnswers(request);
  const setCookie = saveContactAnswers(request, { who, details: parsed.data });
  const kept = whoOf(before) === who ? before : {};
  const next =
    firstMissingStep({ ...kept, who, details: parsed.data }) === "question"
      ? "/contact/vraag"
      : "/contact/controleren";
  return redirect(next, { headers: setCookie ? { "Set-Cookie": setCookie } : undefined });
}
