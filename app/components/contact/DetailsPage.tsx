/**
 * How to reach you: the first page of the contact request. Someone close also gives their name and what
 * they are to the young person; a young person who asks to be called may stay anonymous.
 */
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, ErrorSummary, Form, RadioGroup, TextField } from "~/components/ui";
import { contactDetailsFields, relations, yesNo } from "~/domain/contact-request";
import type { contactDetailsAction, contactDetailsLoader } from "~/server/contact-details.server";

export function ContactDetailsPage() {
  const loaded = useLoaderData<typeof contactDetailsLoader>();
  const data = useActionData<typeof contactDetailsAction>();
  const { t } = useTranslation("follow");
  const young = loaded.who === "young_person";
  const errors = data?.errors ?? {};
  const v: Partial<Record<(typeof contactDetailsFields)[number], string>> =
    data?.values ?? loaded.values ?? {};
  const yesNoOptions = yesNo.map((value) => ({ value, label: t(`contact.answers.${value}`) }));
  return (
    <div className="page">
      <ErrorSummary errors={errors} />
      <p className="caption">{t("contact.step", { step: 1, of: 2 })}</p>
      <h1>{t("contact.details.title")}</h1>
      <p className="lead">{t(young ? "contact.young.lead" : "contact.details.lead")}</p>
      {young ? <p>{t("contact.young.privacy")}</p> : null}
      <Form id="contact-details" key={JSON.stringify(data ?? null)}>
        <div id="field-form" />
        <TextField
          name="name"
          label={t(young ? "contact.young.name.label" : "contact.details.name.label")}
          hint={t(young ? "contact.young.name.hint" : "contact.details.name.hint")}
          optional={young}
          error={errors.name}
          defaultValue={v.name}
          autoComplete="given-name"
          spellCheck={false}
          width="medium"
        />
        {young ? null : (
          <>
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
          </>
        )}
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
