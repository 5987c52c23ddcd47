/** The questions about what happened: who tells it, where, when, what, about which subjects. */
import { questionKey } from "../questions";
import { useTranslation } from "react-i18next";
import { CheckboxGroup, RadioGroup, TextArea, TextField } from "~/components/ui";
import { reporterRoles, themes } from "~/domain/case-content";
import { kindContext } from "../kind";
import { many, one, type FieldsProps } from "./shared";

export function WhoFields({ data, values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  return (
    <RadioGroup
      name="reporterRole"
      label={t(questionKey.who, { context: kindContext(data.kind) })}
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

export function UnitFields({ data, values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  return (
    <>
      <RadioGroup
        name="unit"
        label={t(questionKey.unit)}
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

export function PeriodFields({ values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  return (
    <>
      <fieldset className="field intake-period" aria-describedby="period-hint">
        <legend className="intake-period__legend">
          <h1 className="field__heading">
            {t(questionKey.period)} <span className="field__optional">{t("common:optional")}</span>
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

export function WhatFields({ data, values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  return (
    <TextArea
      name="story"
      label={t(questionKey.what)}
      labelIsHeading
      hint={t("what.hint")}
      error={errors.story}
      maxLength={data.limits.story}
      rows={12}
      defaultValue={one(values.story)}
    />
  );
}

export function ThemesFields({ values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  return (
    <>
      <CheckboxGroup
        name="themes"
        label={t(questionKey.themes)}
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

export function ComplaintAboutFields({ values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  return (
    <TextField
      name="complaintAbout"
      label={t(questionKey.complaintAbout)}
      labelIsHeading
      hint={t("what.complaintAbout.hint")}
      optional
      error={errors.complaintAbout}
      defaultValue={one(values.complaintAbout)}
    />
  );
}
