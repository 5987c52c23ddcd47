/**
 * One question per page (GOV.UK): back link, error summary, "Question 3", the question as <h1>,
 * "Continue". The fields show what the person typed last (the action's `values`) or what the draft holds.
 */
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CRISIS_ID } from "~/components/layout/Frame";
import { useHydrated } from "~/components/use-hydrated";
import { crisisLines } from "~/config/crisis-lines";
import {
  Button,
  CheckboxGroup,
  ComboBoxField,
  Form,
  Link,
  RadioGroup,
  TextArea,
  TextField,
} from "~/components/ui";
import { contactMethods, reporterRoles, safeNowAnswers, themes, wishes } from "~/domain/case-content";
import { consentAnswers } from "~/domain/intake/answers";
import type { stepAction, stepLoader } from "~/server/intake.server";
import { kindContext, roleContext } from "./kind";
import { OnBehalfNotice } from "./OnBehalfNotice";

type StepData = ReturnType<typeof useLoaderData<typeof stepLoader>>;
type Values = Record<string, string | string[] | undefined>;
type Errors = Record<string, string>;
type FieldsProps = { data: StepData; values: Values; errors: Errors };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function StepPage() {
  const data = useLoaderData<typeof stepLoader>();
  // Remount per step: the fields are uncontrolled, and a new step must not keep the last one's values.
  return <Step key={`${data.step}${data.changing ? "-change" : ""}`} data={data} />;
}

function Step({ data }: { data: StepData }) {
  const { t } = useTranslation();
  const action = useActionData<typeof stepAction>();
  const navigation = useNavigation();
  const values: Values = action?.values ?? data.values;
  const errors: Errors = action?.errors ?? {};
  const Fields = stepFields[data.step];
  return (
    <div className="page intake">
      <Link variant="back" href={data.backHref}>
        {t("back")}
      </Link>
      <OnBehalfNotice channel={data.onBehalf} />
      {data.urgentNotice ? <UrgentNotice context={roleContext(data.role)} /> : null}
      <Form errors={errors} id="intake-step">
        {data.changing ? <input type="hidden" name="change" value="1" /> : null}
        <p className="intake__progress">{t("intake:progress", { number: data.number })}</p>
        <Fields data={data} values={values} errors={errors} />
        <Button isDisabled={navigation.state === "submitting"}>{t("continue")}</Button>
      </Form>
      {data.step === "who" && !data.onBehalf ? <CallMe /> : null}
    </div>
  );
}

/**
 * Short, above every question after "No, I'm not safe": 112 at once, the other lines one tap away (the
 * crisis block, like the header's "Help now"). The whole list here pushed the question a screen down.
 */
function UrgentNotice({ context }: { context: string | undefined }) {
  const { t } = useTranslation("intake");
  const emergency = crisisLines.find((line) => line.id === "emergency")!;
  return (
    <div className="notice intake-urgent">
      <h2 className="intake-urgent__heading">{t("urgentNotice.heading")}</h2>
      <p>{t("urgentNotice.text", { context })}</p>
      <ul className="intake-crisis">
        <li>
          <a href={emergency.href}>{t("common:crisis.emergency", { number: emergency.number })}</a>
        </li>
        <li>
          <a href={`#${CRISIS_ID}`}>{t("urgentNotice.allLines")}</a>
        </li>
      </ul>
    </div>
  );
}

/** A young person who would rather talk need not write first: the short "call me" request instead. */
function CallMe() {
  const { t } = useTranslation("intake");
  return (
    <aside className="intake-call-me" aria-labelledby="call-me-heading">
      <h2 id="call-me-heading">{t("who.callMe.heading")}</h2>
      <p>{t("who.callMe.text")}</p>
      <p>
        <Link href="/bel-mij">{t("who.callMe.link")}</Link>
      </p>
    </aside>
  );
}

/** The crisis numbers as call links, right where they are needed (the footer has them too). */
function CrisisNumbers() {
  const { t } = useTranslation();
  return (
    <ul className="intake-crisis">
      {crisisLines.map((line) => (
        <li key={line.id}>
          <a href={line.href}>{t(`crisis.${line.id}`, { number: line.number, short: line.short })}</a>
        </li>
      ))}
    </ul>
  );
}

function WhoFields({ data, values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  return (
    <RadioGroup
      name="reporterRole"
      label={t("who.question", { context: kindContext(data.kind) })}
      labelIsHeading
      error={errors.reporterRole}
      defaultValue={one(values.reporterRole)}
      options={reporterRoles.map((r) => ({
        value: r,
        label: t(`who.options.${r}.label`),
        hint: r === "young_person" ? undefined : t(`who.options.${r}.hint`),
      }))}
    />
  );
}

function UnitFields({ data, values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  return (
    <>
      <RadioGroup
        name="unit"
        label={t("unit.question")}
        labelIsHeading
        optional
        hint={t("unit.hint")}
        error={errors.unit}
        defaultValue={one(values.unit)}
        dividerBefore={["unknown"]}
        options={[
          ...data.units.map((u) => ({
            value: u.slug,
            label: t("unit.unitLabel", { name: u.name, place: u.place }),
            hint: u.operator,
          })),
          { value: "other", label: t("unit.options.other") },
          { value: "unknown", label: t("unit.options.unknown") },
        ]}
      />
      <TextField
        name="unitOther"
        label={t("unit.unitOther.label")}
        hint={t("unit.unitOther.hint")}
        optional
        error={errors.unitOther}
        defaultValue={one(values.unitOther)}
      />
    </>
  );
}

function PeriodFields({ values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  return (
    <>
      <fieldset className="field intake-period" aria-describedby="period-hint">
        <legend className="intake-period__legend">
          <h1 className="field__heading">
            {t("unit.period.legend")} <span className="field__optional">{t("common:optional")}</span>
          </h1>
        </legend>
        <p className="field__hint" id="period-hint">
          {t("unit.period.hint")}
        </p>
        <div className="intake-period__years">
          {(["periodFrom", "periodTo"] as const).map((name) => (
            <TextField
              key={name}
              name={name}
              label={t(name === "periodFrom" ? "unit.period.from" : "unit.period.to")}
              inputMode="numeric"
              width="short"
              error={errors[name]}
              defaultValue={one(values[name])}
            />
          ))}
        </div>
      </fieldset>
    </>
  );
}

function WhatFields({ data, values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  return (
    <TextArea
      name="story"
      label={t("what.question")}
      labelIsHeading
      hint={t("what.hint")}
      error={errors.story}
      maxLength={data.limits.story}
      rows={12}
      defaultValue={one(values.story)}
    />
  );
}

function ThemesFields({ values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  return (
    <>
      <CheckboxGroup
        name="themes"
        label={t("what.themes.label")}
        labelIsHeading
        hint={t("what.themes.hint")}
        optional
        error={errors.themes}
        defaultValue={many(values.themes)}
        options={themes.map((th) => ({ value: th, label: t(`what.themes.options.${th}`) }))}
      />
      <TextField
        name="themeOther"
        label={t("what.themeOther.label")}
        optional
        error={errors.themeOther}
        defaultValue={one(values.themeOther)}
      />
    </>
  );
}

function ComplaintAboutFields({ values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  return (
    <TextField
      name="complaintAbout"
      label={t("what.complaintAbout.label")}
      labelIsHeading
      hint={t("what.complaintAbout.hint")}
      optional
      error={errors.complaintAbout}
      defaultValue={one(values.complaintAbout)}
    />
  );
}

function SafeFields({ data, values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  const context = roleContext(data.role);
  return (
    <div className="intake-safe">
      <RadioGroup
        name="safeNow"
        label={t("safe.question", { context })}
        labelIsHeading
        hint={t("safe.hint")}
        error={errors.safeNow}
        defaultValue={one(values.safeNow)}
        dividerBefore={["rather_not_say"]}
        options={safeNowAnswers.map((a) => ({ value: a, label: t(`safe.options.${a}`, { context }) }))}
      />
      {/* Shown by CSS as soon as "No" is chosen, with or without JavaScript (app/styles/intake.css). */}
      <div className="notice intake-not-safe">
        <h2 className="intake-not-safe__heading">{t("safe.notSafe.heading", { context })}</h2>
        <p>{t("safe.notSafe.text", { context })}</p>
        <CrisisNumbers />
        <p>{t("safe.notSafe.after")}</p>
      </div>
    </div>
  );
}

function WishesFields({ data, values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  const context = kindContext(data.kind);
  const role = roleContext(data.role);
  return (
    <>
      <CheckboxGroup
        name="wishes"
        label={t("wishes.question", { context })}
        labelIsHeading
        hint={t("wishes.hint")}
        error={errors.wishes}
        defaultValue={many(values.wishes)}
        options={wishes.map((w) => ({
          value: w,
          label: t(`wishes.options.${w}.label`, { context: role }),
          hint: t(`wishes.options.${w}.hint`, { context: role, defaultValue: "" }) || undefined,
        }))}
      />
      {/* The same question in the person's own words, for a complaint: no second page asking it again. */}
      {data.kind === "complaint" ? (
        <TextArea
          name="desiredOutcome"
          label={t("what.desiredOutcome.label")}
          hint={t("what.desiredOutcome.hint")}
          optional
          error={errors.desiredOutcome}
          maxLength={data.limits.desiredOutcome}
          rows={5}
          defaultValue={one(values.desiredOutcome)}
        />
      ) : null}
    </>
  );
}

function ConsentFields({ data, values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  const context = kindContext(data.kind);
  return (
    <>
      <h1>{t("consent.question", { context })}</h1>
      <p>{t("consent.intro", { context })}</p>
      {data.recipients.map((r) => (
        <RadioGroup
          key={r}
          name={`consent-${r}`}
          label={t(`consent.recipients.${r}.label`)}
          hint={t(`consent.recipients.${r}.hint`)}
          error={errors[`consent-${r}`]}
          defaultValue={one(values[`consent-${r}`])}
          options={consentAnswers.map((a) => ({
            value: a,
            label: t(`consent.options.${a}.label`),
            hint: a === "with_identity" ? t("consent.options.with_identity.hint") : undefined,
          }))}
        />
      ))}
      <p>{t("consent.later")}</p>
    </>
  );
}

type Way = "email" | "phone" | "reachable";

function ContactFields({ data, values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  // GOV.UK's conditional reveal: without JavaScript (or before it runs) every follow-up field is shown, its
  // condition in its label; once the page's script runs, CSS shows only those of the chosen way.
  const hydrated = useHydrated();
  const reveal = (way: Way) =>
    `intake-reveal intake-reveal--${way}${hydrated ? " intake-reveal--conditional" : ""}`;
  const label = (key: string, way: Way) => (hydrated ? t(key) : `${t(key)} ${t(`contact.onlyIf.${way}`)}`);
  return (
    <div className="intake-contact">
      <RadioGroup
        name="contactMethod"
        label={t("contact.question")}
        labelIsHeading
        hint={
          data.consentNeeds.length > 0
            ? data.consentNeeds.map((need) => t(`contact.consentNeeds.${need}`)).join(" ")
            : t("contact.hint")
        }
        error={errors.contactMethod}
        defaultValue={one(values.contactMethod)}
        options={contactMethods.map((m) => ({ value: m, label: t(`contact.options.${m}.label`) }))}
      />
      {/* Revealed by CSS for the chosen way; browsers without :has() simply show them all. */}
      <div className={reveal("email")}>
        <TextField
          name="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          label={label("contact.email.label", "email")}
          hint={t("contact.email.hint")}
          error={errors.email}
          defaultValue={one(values.email)}
        />
      </div>
      <div className={reveal("phone")}>
        <TextField
          name="phone"
          type="tel"
          autoComplete="tel"
          width="medium"
          label={label("contact.phone.label", "phone")}
          error={errors.phone}
          defaultValue={one(values.phone)}
        />
      </div>
      <div className={reveal("reachable")}>
        <TextField
          name="name"
          autoComplete="given-name"
          width="medium"
          label={label("contact.name.label", "reachable")}
          hint={t("contact.name.hint")}
          optional
          error={errors.name}
          defaultValue={one(values.name)}
        />
        <TextField
          name="safeTimes"
          label={label("contact.safeTimes.label", "reachable")}
          hint={t("contact.safeTimes.hint")}
          optional
          error={errors.safeTimes}
          defaultValue={one(values.safeTimes)}
        />
      </div>
      <div className={reveal("phone")}>
        <RadioGroup
          name="mayLeaveMessage"
          label={label("contact.mayLeaveMessage.label", "phone")}
          error={errors.mayLeaveMessage}
          defaultValue={one(values.mayLeaveMessage)}
          options={(["yes", "no"] as const).map((a) => ({
            value: a,
            label: t(`contact.mayLeaveMessage.options.${a}`),
          }))}
        />
      </div>
    </div>
  );
}

function MunicipalityFields({ data, values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  return (
    <ComboBoxField
      name="municipality"
      label={t("contact.municipality.label")}
      labelIsHeading
      hint={
        data.consentNeeds.length > 0
          ? `${t("contact.consentNeeds.no_municipality")} ${t("contact.municipality.hint")}`
          : t("contact.municipality.hint")
      }
      optional={data.consentNeeds.length === 0}
      error={errors.municipality}
      defaultValue={one(values.municipality)}
      emptyLabel={t("contact.municipality.empty")}
      options={data.municipalities.map((m) => ({
        value: m.code,
        label: m.name,
        aliases: m.aliases,
        formerNames: m.formerNames,
      }))}
    />
  );
}

const stepFields: Record<StepData["step"], (props: FieldsProps) => JSX.Element> = {
  who: WhoFields,
  unit: UnitFields,
  period: PeriodFields,
  what: WhatFields,
  themes: ThemesFields,
  complaintAbout: ComplaintAboutFields,
  safe: SafeFields,
  wishes: WishesFields,
  consent: ConsentFields,
  contact: ContactFields,
  municipality: MunicipalityFields,
};
