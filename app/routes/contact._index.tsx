import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, ErrorSummary, Form, RadioGroup, TextField } from "~/components/ui";
import {
  contactDetailsFields,
  contactDetailsSchema,
  firstMissingStep,
  relations,
  yesNo,
} from "~/domain/contact-request";
import { formValues, problemsOf, type Problems } from "~/domain/form-input";
import { SWITCH_LANGUAGE, type RouteHandle } from "~/route-handle";
import {
  contactAnswers,
  keepUnsavedContactValues,
  mayStoreContactAnswers,
  saveContactAnswers,
  unsavedContactValues,
} from "~/server/contact-draft.server";
import { reloadInOtherLanguage } from "~/i18n/locale.server";
import { formProblem, messagesOf } from "~/server/follow-route.server";
import followStyles from "~/styles/follow.css?url";

export const handle: RouteHandle = { title: "follow:contact.details.title", languageForm: "contact-details" };
export const links = () => [{ rel: "stylesheet", href: followStyles }];

export function loader({ request }: LoaderFunctionArgs) {
  const d = contactAnswers(request).details;
  return json({ values: unsavedContactValues(request, "details") ?? (d ? { ...d } : null) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = formValues(form, contactDetailsFields);
  const fail = (problems: Problems, status = 400) =>
    json({ errors: messagesOf(request, problems), values }, { status });
  const bad = formProblem(request, form);
  if (bad) return fail(bad);
  if (form.get("intent") === SWITCH_LANGUAGE) {
    if (!mayStoreContactAnswers(request, context.clientKey))
      return fail({ form: { key: "errors:tooManyDrafts" } }, 429);
    return reloadInOtherLanguage(request, keepUnsavedContactValues(request, { page: "details", values }));
  }
  const parsed = contactDetailsSchema.safeParse(values);
  if (!parsed.success) return fail(problemsOf(parsed.error));
  if (!mayStoreContactAnswers(request, context.clientKey))
    return fail({ form: { key: "errors:tooManyDrafts" } }, 429);
  const setCookie = saveContactAnswers(request, { details: parsed.data });
  const next =
    firstMissingStep({ ...contactAnswers(request), details: parsed.data }) === "question"
      ? "/contact/vraag"
      : "/contact/controleren";
  return redirect(next, { headers: setCookie ? { "Set-Cookie": setCookie } : undefined });
}

export default function ContactDetails() {
  const loaded = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation("follow");
  const errors = data?.errors ?? {};
  const v: Partial<Record<(typeof contactDetailsFields)[number], string>> =
    data?.values ?? loaded.values ?? {};
  const yesNoOptions = yesNo.map((value) => ({ value, label: t(`contact.answers.${value}`) }));
  return (
    <div className="page">
      <ErrorSummary errors={errors} />
      <p className="caption">{t("contact.step", { step: 1, of: 2 })}</p>
      <h1>{t("contact.details.title")}</h1>
      <p className="lead">{t("contact.details.lead")}</p>
      <Form id="contact-details" key={JSON.stringify(data ?? null)}>
        <div id="field-form" />
        <TextField
          name="name"
          label={t("contact.details.name.label")}
          hint={t("contact.details.name.hint")}
          error={errors.name}
          defaultValue={v.name}
          autoComplete="given-name"
          spellCheck={false}
          width="medium"
        />
        <RadioGroup
          name="relation"
          label={t("contact.details.relation.label")}
          error={errors.relation}
          defaultValue={v.relation || undefined}
          options={relations.map((value) => ({ value, label: t(`contact.relations.${value}`) }))}
        />
        <TextField
          name="relationOther"
          label={t("contact.details.relationOther.label")}
          hint={t("contact.details.relationOther.hint")}
          optional
          error={errors.relationOther}
          defaultValue={v.relationOther}
        />
        <h2>{t("contact.details.reachHeading")}</h2>
        <p>{t("contact.details.reachHint")}</p>
        <TextField
          name="phone"
          type="tel"
          label={t("contact.details.phone.label")}
          hint={t("contact.details.phone.hint")}
          error={errors.phone}
          defaultValue={v.phone}
          autoComplete="tel"
          inputMode="tel"
          width="medium"
        />
        <TextField
          name="email"
          type="email"
          label={t("contact.details.email.label")}
          error={errors.email}
          defaultValue={v.email}
          autoComplete="email"
          spellCheck={false}
        />
        <TextField
          name="safeTimes"
          label={t("contact.details.safeTimes.label")}
          hint={t("contact.details.safeTimes.hint")}
          optional
          error={errors.safeTimes}
          defaultValue={v.safeTimes}
        />
        <RadioGroup
          name="mayLeaveMessage"
          label={t("contact.details.mayLeaveMessage.label")}
          hint={t("contact.details.mayLeaveMessage.hint")}
          error={errors.mayLeaveMessage}
          defaultValue={v.mayLeaveMessage || undefined}
          options={yesNoOptions}
        />
        <Button>{t("contact.continue")}</Button>
      </Form>
    </div>
  );
}
