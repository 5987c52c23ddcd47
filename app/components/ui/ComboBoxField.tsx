/**
 * A searchable list (react-aria ComboBox) once JavaScript runs; a plain <select> before that and without
 * JavaScript. Both submit the option's value under the same name.
 */
import { useEffect, useRef, useState, type ReactNode } from "react";
import {
  Button as AriaButton,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useHydrated } from "../use-hydrated";
import { fieldId } from "./fields";

export type ComboOption = { value: string; label: string };

export function ComboBoxField({
  name,
  label,
  hint,
  error,
  optional,
  options,
  defaultValue,
  emptyLabel,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  options: ComboOption[];
  defaultValue?: string;
  /** The label of the empty choice in the plain <select>. */
  emptyLabel: string;
}) {
  const { t } = useTranslation();
  // What was picked in the plain <select> before the page's JavaScript ran carries over to the combo box.
  const selectRef = useRef<HTMLSelectElement>(null);
  const [picked, setPicked] = useState(defaultValue ?? "");
  useEffect(() => {
    if (selectRef.current && selectRef.current.value !== picked) setPicked(selectRef.current.value);
    // Only once, right after hydration.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const hydrated = useHydrated();
  const labelContent = (
    <>
      {label}
      {optional ? <span className="field__optional"> {t("optional")}</span> : null}
    </>
  );
  const hintId = `${fieldId(name)}-hint`;
  const errorId = `${fieldId(name)}-error`;

  if (!hydrated) {
    return (
      <div className={error ? "field field--error" : "field"}>
        <label className="field__label" htmlFor={fieldId(name)}>
          {labelContent}
        </label>
        {hint ? (
          <p className="field__hint" id={hintId}>
            {hint}
          </p>
        ) : null}
        {error ? (
          <p className="field__error" id={errorId}>
            <span className="visually-hidden">{t("errorSummary.errorPrefix")} </span>
            {error}
          </p>
        ) : null}
        <select
          ref={selectRef}
          id={fieldId(name)}
          name={name}
          defaultValue={defaultValue ?? ""}
          className="input select"
          aria-invalid={error ? true : undefined}
          aria-describedby={[hint && hintId, error && errorId].filter(Boolean).join(" ") || undefined}
        >
          <option value="">{emptyLabel}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    );
  }

  return (
    <ComboBox
      name={name}
      formValue="key"
      defaultItems={options}
      defaultSelectedKey={picked || undefined}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      menuTrigger="focus"
      className={error ? "field field--error" : "field"}
    >
      <Label className="field__label">{labelContent}</Label>
      {hint ? (
        <Text slot="description" className="field__hint">
          {hint}
        </Text>
      ) : null}
      {error ? (
        <FieldError className="field__error">
          <span className="visually-hidden">{t("errorSummary.errorPrefix")} </span>
          {error}
        </FieldError>
      ) : null}
      <div className="combobox">
        <Input id={fieldId(name)} className="input combobox__input" />
        <AriaButton className="combobox__button" aria-label={t("comboBox.showOptions")}>
          <span aria-hidden="true">▾</span>
        </AriaButton>
      </div>
      <Popover className="combobox__popover">
        <ListBox<ComboOption>
          className="combobox__list"
          renderEmptyState={() => <p className="combobox__empty">{t("comboBox.noResults")}</p>}
        >
          {(o) => (
            <ListBoxItem id={o.value} textValue={o.label} className="combobox__option">
              {o.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
