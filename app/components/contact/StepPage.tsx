/**
 * One question of the contact request per page (GOV.UK; ADR 037): back link, error summary, "Question 3",
 * the question as <h1>, "Continue". The fields show what the person typed last (the action's `values`),
 * what the page held when the language was switched, or what the draft holds.
 */
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, Form, Link, RadioGroup, TextArea, TextField } from "~/components/ui";
import { useReveal } from "~/components/intake/reveal";
import {
  contactMethods,
  knowsAnswers,
  QUESTION_MAX,
  relations,
  yesNo,
  type ContactMethod,
  type ContactStep,
} from "~/domain/contact-request";
import type { contactStepAction, contactStepLoader } from "~/server/contact-steps.server";

type Loaded = ReturnType<typeof useLoaderData<typeof contactStepLoader>>;
type FieldsProps = {
  young: boolean;
  values: Record<string, string | undefined>;
  errors: Record<string, string>;
};

/** The page's question: its <h1> and its title. */
export function contactStepTitleKey(step: ContactStep, young: boolean): string {
  const keys: Record<ContactStep, string> = {
    name: young ? "contact.young.name.label" : "contact.details.name.label",
    relation: "contact.details.relation.label",
    reach: "contact.details.title",
    call: "contact.call.title",
    question: young ? "contact.young.question.title" : "contact.question.title",
    knows: "contact.question.youngPersonKnows.label",
    urgent: "contact.question.urgent.label",
  };
  return `follow:${keys[step]}`;
}

export function ContactStepPage() {
  const loaded = useLoaderData<typeof contactStepLoader>();
  // Remount per page: the fields are uncontrolled, and a new page must not keep the last one's values.
  return <Step key={`${loaded.step}${loaded.changing ? "-change" : ""}`} loaded={loaded} />;
}

function Step({ loaded }: { loaded: Loaded }) {
  const { t } = useTranslation("follow");
  const data = useActionData<typeof contactStepAction>();
  const young = loaded.who === "young_person";
  const errors = data?.errors ?? {};
  const values: Record<string, string | undefined> = data?.values ?? loaded.values;
  const Fields = stepFields[loaded.step];
  return (
    <div className="page">
      {loaded.backHref ? (
        <Link href={loaded.backHref} variant="back">
          {t("contact.back")}
        </Link>
      ) : null}
      <Form errors={errors} id="contact-step" key={JSON.stringify(data ?? null)}>
        <div id="field-form" />
        {loaded.changing ? <input type="hidden" name="change" value="1" /> : null}
        <p className="caption">{t("contact.progress", { number: loaded.number })}</p>
        <Fields young={young} values={values} errors={errors} />
        <Button>{t("contact.continue")}</Button>
      </Form>
    </div>
  );
}

function NameFields({ young, values, errors }: FieldsProps) {
  const { t } = useTranslation("follow");
  return (
    <>
      <TextField
        name="name"
        labelIsHeading
        label={t(young ? "contact.young.name.label" : "contact.details.name.label")}
        hint={t(young ? "contact.young.name.hint" : "contact.details.name.hint")}
        optional={young}
        error={errors.name}
        defaultValue={values.name}
        autoComplete="given-name"
        spellCheck={false}
        width="medium"
      />
      <p>{t(young ? "contact.young.lead" : "contact.details.lead")}</p>
      {young ? <p>{t("contact.young.privacy")}</p> : null}
    </>
  );
}

function RelationFields({ values, errors }: FieldsProps) {
  const { t } = useTranslation("follow");
  return (
    <>
      <RadioGroup
        name="relation"
        labelIsHeading
        label={t("contact.details.relation.label")}
        error={errors.relation}
        defaultValue={values.relation || undefined}
        options={relations.map((value) => ({ value, label: t(`contact.relations.${value}`) }))}
      />
      <TextField
        name="relationOther"
        label={t("contact.details.relationOther.label")}
        hint={t("contact.details.relationOther.hint")}
        optional
        error={errors.relationOther}
        defaultValue={values.relationOther}
      />
    </>
  );
}

function ReachFields({ values, errors }: FieldsProps) {
  const { t } = useTranslation("follow");
  // GOV.UK's conditional reveal, as on the intake's contact page: without JavaScript both fields show,
  // their condition in their label; once the page's script runs, only the one of the chosen way shows.
  const reveal = useReveal("contactMethod");
  const box = (way: ContactMethod) => reveal.box(`reveal-${way}`, way, [way]);
  const label = (way: ContactMethod) =>
    reveal.label(t(`contact.details.${way}.label`), t(`contact.reach.onlyIf.${way}`));
  return (
    <div className="intake-contact">
      <RadioGroup
        name="contactMethod"
        labelIsHeading
        label={t("contact.details.title")}
        hint={t("contact.reach.hint")}
        error={errors.contactMethod}
        defaultValue={values.contactMethod || undefined}
        options={contactMethods.map((m) => ({ value: m, label: t(`contact.reach.options.${m}`) }))}
      />
      <div {...box("phone")}>
        <TextField
          name="phone"
          type="tel"
          label={label("phone")}
          hint={t("contact.details.phone.hint")}
          error={errors.phone}
          defaultValue={values.phone}
          autoComplete="tel"
          inputMode="tel"
          width="medium"
        />
      </div>
      <div {...box("email")}>
        <TextField
          name="email"
          type="email"
          label={label("email")}
          error={errors.email}
          defaultValue={values.email}
          autoComplete="email"
          spellCheck={false}
        />
      </div>
    </div>
  );
}

function CallFields({ values, errors }: FieldsProps) {
  const { t } = useTranslation("follow");
  return (
    <>
      <h1>{t("contact.call.title")}</h1>
      <TextField
        name="safeTimes"
        label={t("contact.details.safeTimes.label")}
        hint={t("contact.details.safeTimes.hint")}
        optional
        error={errors.safeTimes}
        defaultValue={values.safeTimes}
      />
      <RadioGroup
        name="mayLeaveMessage"
        label={t("contact.details.mayLeaveMessage.label")}
        hint={t("contact.details.mayLeaveMessage.hint")}
        error={errors.mayLeaveMessage}
        defaultValue={values.mayLeaveMessage || undefined}
        options={yesNo.map((value) => ({ value, label: t(`contact.answers.${value}`) }))}
      />
    </>
  );
}

function QuestionFields({ young, values, errors }: FieldsProps) {
  const { t } = useTranslation("follow");
  return (
    <TextArea
      name="question"
      labelIsHeading
      label={t(young ? "contact.young.question.title" : "contact.question.title")}
      hint={t(young ? "contact.young.question.hint" : "contact.question.hint")}
      optional={young}
      error={errors.question}
      defaultValue={values.question ?? ""}
      maxLength={QUESTION_MAX}
      rows={6}
    />
  );
}

function KnowsFields({ values, errors }: FieldsProps) {
  const { t } = useTranslation("follow");
  return (
    <RadioGroup
      name="youngPersonKnows"
      labelIsHeading
      label={t("contact.question.youngPersonKnows.label")}
      hint={t("contact.question.youngPersonKnows.hint")}
      error={errors.youngPersonKnows}
      defaultValue={values.youngPersonKnows || undefined}
      options={knowsAnswers.map((value) => ({ value, label: t(`contact.answers.${value}`) }))}
    />
  );
}

function UrgentFields({ values, errors }: FieldsProps) {
  const { t } = useTranslation("follow");
  return (
    <RadioGroup
      name="urgent"
      labelIsHeading
      label={t("contact.question.urgent.label")}
      hint={t("contact.question.urgent.hint")}
      error={errors.urgent}
      defaultValue={values.urgent || undefined}
      options={yesNo.map((value) => ({ value, label: t(`contact.question.urgent.${value}`) }))}
    />
  );
}

const stepFields: Record<ContactStep, (props: FieldsProps) => JSX.Element> = {
  name: NameFields,
  relation: RelationFields,
  reach: ReachFields,
  call: CallFields,
  question: QuestionFields,
  knows: KnowsFields,
  urgent: UrgentFields,
};
