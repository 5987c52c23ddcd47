/**
 * Radios and checkboxes, styled with :has(input:checked) so they show their state even before (or
 * without) JavaScript.
 */
import { useRef, useState } from "react";
import {
  Checkbox,
  CheckboxGroup as AriaCheckboxGroup,
  Radio,
  RadioGroup as AriaRadioGroup,
} from "react-aria-components";
import { useTranslation } from "react-i18next";
import {
  checkedIn,
  ChoiceText,
  FieldHead,
  fieldId,
  useAdoptFromDom,
  type Common,
  type Option,
} from "./field-parts";

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
  const groupRef = useRef<HTMLDivElement>(null);
  // "" is not "nothing chosen" to react-aria: it would give every radio tabindex=-1 and the group could
  // not be reached with Tab (with or without JavaScript).
  const [value, setValue] = useState<string | null>(defaultValue || null);
  useAdoptFromDom(
    () => checkedIn(groupRef)?.[0],
    value,
    setValue,
    (a, b) => a === b,
  );
  return (
    <AriaRadioGroup
      ref={groupRef}
      name={c.name}
      value={value}
      onChange={setValue}
      isInvalid={Boolean(c.error)}
      validationBehavior="aria"
      id={fieldId(c.name)}
      className={c.error ? "field field--error choices" : "field choices"}
    >
      <FieldHead {...c} />
      {options.map((o) => (
        <div key={o.value} className="choice-wrap">
          {dividerBefore?.includes(o.value) ? <p className="choices__divider">{t("or")}</p> : null}
          <Radio value={o.value} className="choice choice--radio">
            <ChoiceText option={o} />
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
  const groupRef = useRef<HTMLDivElement>(null);
  const [value, setValue] = useState<string[]>(defaultValue ?? []);
  useAdoptFromDom(
    () => checkedIn(groupRef),
    value,
    setValue,
    (a, b) => a.join("\n") === b.join("\n"),
  );
  return (
    <AriaCheckboxGroup
      ref={groupRef}
      name={c.name}
      value={value}
      onChange={setValue}
      isInvalid={Boolean(c.error)}
      validationBehavior="aria"
      id={fieldId(c.name)}
      className={c.error ? "field field--error choices" : "field choices"}
    >
      <FieldHead {...c} />
      {options.map((o) => (
        <Checkbox key={o.value} value={o.value} className="choice choice--checkbox">
          <ChoiceText option={o} />
        </Checkbox>
      ))}
    </AriaCheckboxGroup>
  );
}
