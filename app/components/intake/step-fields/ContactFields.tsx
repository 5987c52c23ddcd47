/** The questions about reaching the person: a way to reach them, and their municipality. */
import { questionKey } from "../questions";
import { useTranslation } from "react-i18next";
import { ComboBoxField, RadioGroup, TextField } from "~/components/ui";
import { contactMethods } from "~/domain/case-content";
import { useReveal } from "../reveal";
import { one, type FieldsProps } from "./shared";

type Way = "email" | "phone" | "reachable";

export function ContactFields({ data, values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  // GOV.UK's conditional reveal: without JavaScript (or before it runs) every follow-up field is shown, its
  // condition in its label; once the page's script runs, only those of the chosen way show.
  const reveal = useReveal("contactMethod");
  const shownFor: Record<Way, readonly string[]> = {
    email: ["email"],
    phone: ["phone"],
    reachable: ["email", "phone"],
  };
  const box = (way: Way, id = `reveal-${way}`) => reveal.box(id, way, shownFor[way]);
  const label = (key: string, way: Way) => reveal.label(t(key), t(`contact.onlyIf.${way}`));
  return (
    <div className="intake-contact">
      <RadioGroup
        name="contactMethod"
        label={t(questionKey.contact)}
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
      <div {...box("email")}>
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
      <div {...box("phone")}>
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
      <div {...box("reachable")}>
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
      <div {...box("phone", "reveal-phone-message")}>
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

export function MunicipalityFields({ data, values, errors }: FieldsProps) {
  const { t } = useTranslation("intake");
  return (
    <ComboBoxField
      name="municipality"
      label={t(questionKey.municipality)}
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
