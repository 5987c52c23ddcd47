/**
 * Form fields in the GOV.UK manner: label (or the page question as <h1>), hint, error message above the
 * control, "(optional)" on optional fields. Styled with :has(input:checked) so radios and checkboxes show
 * their state even before (or without) JavaScript.
 */
import { useState, type ReactNode } from "react";
import {
  Checkbox,
  CheckboxGroup as AriaCheckboxGroup,
  FieldError,
  Input,
  Label,
  Radio,
  RadioGroup as AriaRadioGroup,
  Text,
  TextArea as AriaTextArea,
  TextField as AriaTextField,
} from "react-aria-components";
import { useTranslation } from "react-i18next";

type Common = {
  name: string;
  label: ReactNode;
  /** Render the label as the page's <h1> (one question per page). */
  labelIsHeading?: boolean;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
};

export const fieldId = (name: string) => `field-${name}`;

function FieldLabel({
  label,
  labelIsHeading,
  optional,
}: Pick<Common, "label" | "labelIsHeading" | "optional">) {
  const { t } = useTranslation();
  const content = (
    <>
      {label}
      {optional ? <span className="field__optional"> {t("optional")}</span> : null}
    </>
  );
  return labelIsHeading ? (
    <Label elementType="h1" className="field__label field__label--heading">
      {content}
    </Label>
  ) : (
    <Label className="field__label">{content}</Label>
  );
}

function ErrorText({ error }: { error?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <FieldError className="field__error">
      <span className="visually-hidden">{t("errorSummary.errorPrefix")} </span>
      {error}
    </FieldError>
  );
}

export function TextField({
  type = "text",
  defaultValue,
  autoComplete,
  width,
  inputMode,
  spellCheck,
  ...c
}: Common & {
  type?: "text" | "email" | "tel" | "password";
  defaultValue?: string;
  autoComplete?: string;
  width?: "short" | "medium" | "full";
  inputMode?: "text" | "numeric" | "tel" | "email";
  spellCheck?: boolean;
}) {
  return (
    <AriaTextField
      name={c.name}
      type={type}
      defaultValue={defaultValue}
      autoComplete={autoComplete}
      inputMode={inputMode}
      isInvalid={Boolean(c.error)}
      validationBehavior="aria"
      className={c.error ? "field field--error" : "field"}
    >
      <FieldLabel {...c} />
      {c.hint ? (
        <Text slot="description" className="field__hint">
          {c.hint}
        </Text>
      ) : null}
      <ErrorText error={c.error} />
      <Input id={fieldId(c.name)} className={`input input--${width ?? "full"}`} spellCheck={spellCheck} />
    </AriaTextField>
  );
}

export function TextArea({
  defaultValue = "",
  maxLength,
  rows = 8,
  ...c
}: Common & { defaultValue?: string; maxLength: number; rows?: number }) {
  const { t } = useTranslation();
  const [length, setLength] = useState(defaultValue.length);
  const left = maxLength - length;
  return (
    <AriaTextField
      name={c.name}
      defaultValue={defaultValue}
      onChange={(v) => setLength(v.length)}
      isInvalid={Boolean(c.error)}
      validationBehavior="aria"
      className={c.error ? "field field--error" : "field"}
    >
      <FieldLabel {...c} />
      {c.hint ? (
        <Text slot="description" className="field__hint">
          {c.hint}
        </Text>
      ) : null}
      <ErrorText error={c.error} />
      <AriaTextArea id={fieldId(c.name)} rows={rows} className="input textarea" />
      <p className={left < 0 ? "field__count field__count--over" : "field__count"} aria-live="polite">
        {left >= 0 ? t("textArea.remaining", { count: left }) : t("textArea.over", { count: -left })}
      </p>
    </AriaTextField>
  );
}

export type Option = { value: string; label: ReactNode; hint?: ReactNode };

export function RadioGroup({
  options,
  defaultValue,
  dividerBefore,
  ...c
}: Common & {
  options: Option[];
  defaultValue?: string;
  /** values that get an "or" divider before them */ dividerBefore?: string[];
}) {
  const { t } = useTranslation();
  return (
    <AriaRadioGroup
      name={c.name}
      // "" is not "nothing chosen" to react-aria: it would give every radio tabindex=-1 and the group could
      // not be reached with Tab (with or without JavaScript).
      defaultValue={defaultValue === "" ? undefined : defaultValue}
      isInvalid={Boolean(c.error)}
      validationBehavior="aria"
      id={fieldId(c.name)}
      className={c.error ? "field field--error choices" : "field choices"}
    >
      <FieldLabel {...c} />
      {c.hint ? (
        <Text slot="description" className="field__hint">
          {c.hint}
        </Text>
      ) : null}
      <ErrorText error={c.error} />
      {options.map((o) => (
        <div key={o.value} className="choice-wrap">
          {dividerBefore?.includes(o.value) ? <p className="choices__divider">{t("or")}</p> : null}
          <Radio value={o.value} className="choice choice--radio">
            <span className="choice__control" aria-hidden="true" />
            <span className="choice__text">
              <span className="choice__label">{o.label}</span>
              {o.hint ? <span className="choice__hint">{o.hint}</span> : null}
            </span>
          </Radio>
        </div>
      ))}
    </AriaRadioGroup>
  );
}

export function CheckboxGroup({
  options,
  defaultValue,
  ...c
}: Common & { options: Option[]; defaultValue?: string[] }) {
  return (
    <AriaCheckboxGroup
      name={c.name}
      defaultValue={defaultValue}
      isInvalid={Boolean(c.error)}
      validationBehavior="aria"
      id={fieldId(c.name)}
      className={c.error ? "field field--error choices" : "field choices"}
    >
      <FieldLabel {...c} />
      {c.hint ? (
        <Text slot="description" className="field__hint">
          {c.hint}
        </Text>
      ) : null}
      <ErrorText error={c.error} />
      {options.map((o) => (
        <Checkbox key={o.value} value={o.value} className="choice choice--checkbox">
          <span className="choice__control" aria-hidden="true" />
          <span className="choice__text">
            <span className="choice__label">{o.label}</span>
            {o.hint ? <span className="choice__hint">{o.hint}</span> : null}
          </span>
        </Checkbox>
      ))}
    </AriaCheckboxGroup>
  );
}
