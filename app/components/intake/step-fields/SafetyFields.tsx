/** The questions about now: is the person safe, what they wish for, and who may hear of it. */
import { questionKey } from "../questions";
import { useTranslation } from "react-i18next";
import { CheckboxGroup, RadioGroup, TextArea } from "~/components/ui";
import { crisisLines } from "~/config/crisis-lines";
import { safeNowAnswers, wishes } from "~/domain/case-content";
import { consentAnswers } from "~/domain/intake/answers";
import { kindContext, roleContext } from "../kind";
import { many, one, type FieldsProps } from "./shared";

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

export function SafeFields({ data, values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  const context = roleContext(data.role);
  return (
    <div className="intake-safe">
      <RadioGroup
        name="safeNow"
        label={t(questionKey.safe, { context })}
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

export function WishesFields({ data, values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  const context = kindContext(data.kind);
  const role = roleContext(data.role);
  return (
    <>
      <CheckboxGroup
        name="wishes"
        label={t(questionKey.wishes, { context })}
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

export function ConsentFields({ data, values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  const context = kindContext(data.kind);
  return (
    <>
      <h1>{t(questionKey.consent, { context })}</h1>
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
