import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, ErrorSummary, Form, Link, RadioGroup, TextArea } from "~/components/ui";
import {
  contactFirstPage,
  contactQuestionFields,
  contactQuestionSchema,
  knowsAnswers,
  QUESTION_MAX,
  whoOf,
  yesNo,
} from "~/domain/contact-request";
import { formValues, problemsOf, type Problems } from "~/domain/form-input";
import { SWITCH_LANGUAGE, type RouteHandle } from "~/route-handle";
import {
  contactAnswers,
  keepUnsavedContactValues,
  saveContactAnswers,
  unsavedContactValues,
} from "~/server/contact-draft.server";
import { reloadInOtherLanguage } from "~/i18n/locale.server";
import { formProblem, messagesOf } from "~/server/follow-route.server";
import followStyles from "~/styles/follow.css?url";

export const handle: RouteHandle = {
  title: (t, data) =>
    t(
      (data as { who?: string } | undefined)?.who === "young_person"
        ? "follow:contact.young.question.title"
        : "follow:contact.question.title",
    ),
  languageForm: "contact-question",
};
export const links = () => [{ rel: "stylesheet", href: followStyles }];

export function loader({ request }: LoaderFunctionArgs) {
  const answers = contactAnswers(request);
  const who = whoOf(answers);
  if (!answers.details) throw redirect(contactFirstPage[who]);
  const saved = answers.question ? { ...answers.question } : null;
  return json({ who, values: unsavedContactValues(request, "question") ?? saved });
}

export async function action({ request }: ActionFunctionArgs) {
  const answers = contactAnswers(request);
  const who = whoOf(answers);
  if (!answers.details) throw redirect(contactFirstPage[who]);
  const form = await request.formData();
  const values = formValues(form, contactQuestionFields);
  const fail = (problems: Problems) =>
    json({ errors: messagesOf(request, problems), values }, { status: 400 });
  const bad = formProblem(request, form);
  if (bad) return fail(bad);
  // This page is only reached with a draft (above): keeping the text adds no new draft.
  if (form.get("intent") === SWITCH_LANGUAGE) {
    return reloadInOtherLanguage(request, keepUnsavedContactValues(request, { page: "question", values }));
  }
  const parsed = contactQuestionSchema(who).safeParse(values);
  if (!parsed.success) return fail(problemsOf(parsed.error));
  const setCookie = saveContactAnswers(request, { question: parsed.data });
  return redirect("/contact/controleren", { headers: setCookie ? { "Set-Cookie": setCookie } : undefined });
}

export default function ContactQuestion() {
  const loaded = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation("follow");
  const young = loaded.who === "young_person";
  const errors = data?.errors ?? {};
  const v: Partial<Record<(typeof contactQuestionFields)[number], string>> =
    data?.values ?? loaded.values ?? {};
  return (
    <div className="page">
      <Link href={contactFirstPage[loaded.who]} variant="back">
        {t("contact.back")}
      </Link>
      <ErrorSummary errors={errors} />
      <p className="caption">{t("contact.step", { step: 2, of: 2 })}</p>
      <Form id="contact-question" key={JSON.stringify(data ?? null)}>
        <div id="field-form" />
        <TextArea
          name="question"
          labelIsHeading
          label={t(young ? "contact.young.question.title" : "contact.question.title")}
          hint={t(young ? "contact.young.question.hint" : "contact.question.hint")}
          optional={young}
          error={errors.question}
          defaultValue={v.question ?? ""}
          maxLength={QUESTION_MAX}
          rows={6}
        />
        {young ? null : (
          <RadioGroup
            name="youngPersonKnows"
            label={t("contact.question.youngPersonKnows.label")}
            hint={t("contact.question.youngPersonKnows.hint")}
            error={errors.youngPersonKnows}
            defaultValue={v.youngPersonKnows || undefined}
            options={knowsAnswers.map((value) => ({ value, label: t(`contact.answers.${value}`) }))}
          />
        )}
        <RadioGroup
          name="urgent"
          label={t("contact.question.urgent.label")}
          hint={t("contact.question.urgent.hint")}
          error={errors.urgent}
          defaultValue={v.urgent || undefined}
          options={yesNo.map((value) => ({ value, label: t(`contact.question.urgent.${value}`) }))}
        />
        <Button>{t("contact.continue")}</Button>
      </Form>
    </div>
  );
}
