/**
 * A searchable list (react-aria ComboBox) once JavaScript runs; a plain <select> before that and without
 * JavaScript. The select submits the option's value, the searchable list what is in its box (the server
 * resolves a name to its value), so a name typed but not picked is kept, not dropped on leaving the field.
 * An option is also found by its other names ("Den Haag" finds 's-Gravenhage); when nothing matches,
 * the list says so, visibly and to screen readers.
 *
 * On a page that does not hydrate (ADR 042) the <select> carries, in data- attributes, what
 * app/enhance/combobox.ts needs to turn it into the same searchable list without React.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
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
import { searchMunicipalities } from "~/domain/municipality-names";
import { useHydrated } from "../use-hydrated";
import { fieldId } from "./field-parts";

export type ComboOption = {
  value: string;
  label: string;
  /** Other names the option is found by. */
  aliases?: readonly string[];
  /** Names from before a merger: shown as "X (formerly Y)" when they are what matched. */
  formerNames?: readonly string[];
};

export function ComboBoxField({
  name,
  label,
  hint,
  error,
  optional,
  options,
  defaultValue,
  emptyLabel,
  labelIsHeading,
}: {
  name: string;
  label: ReactNode;
  /** The question of the page: the label wrapped in its <h1> (GOV.UK's label-wrapper). */
  labelIsHeading?: boolean;
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
  const labelOf = (value: string) => options.find((o) => o.value === value)?.label;
  // The box starts with the saved choice's name, or with what was typed and refused by the server.
  const [text, setText] = useState(() => labelOf(defaultValue ?? "") ?? defaultValue ?? "");
  useEffect(() => {
    const chosen = selectRef.current?.value;
    if (chosen && labelOf(chosen) !== text) setText(labelOf(chosen) ?? "");
    // Only once, right after hydration.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const entries = useMemo(
    () =>
      options.map((o) => ({
        code: o.value,
        name: o.label,
        aliases: [...(o.aliases ?? [])],
        formerNames: [...(o.formerNames ?? [])],
      })),
    [options],
  );
  const items = useMemo(
    () =>
      searchMunicipalities(entries, text).map((m) => ({
        id: m.code,
        textValue: m.name,
        label: !m.via
          ? m.name
          : m.via.kind === "former"
            ? t("comboBox.formerName", { name: m.name, former: m.via.name })
            : `${m.name} (${m.via.name})`,
      })),
    [entries, text, t],
  );
  const nothingFound = text.trim() !== "" && items.length === 0;
  const hydrated = useHydrated();
  const labelContent = (
    <>
      {label}
      {optional ? <span className="field__optional"> {t("optional")}</span> : null}
    </>
  );
  const labelClass = labelIsHeading ? "field__label field__label--heading" : "field__label";
  const asHeading = (labelElement: ReactNode) =>
    labelIsHeading ? <h1 className="field__heading">{labelElement}</h1> : labelElement;
  const hintId = `${fieldId(name)}-hint`;
  const errorId = `${fieldId(name)}-error`;

  if (!hydrated) {
    const id = fieldId(name);
    const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(" ") || undefined;
    const listId = `${id}-listbox`;
    return (
      <div className={error ? "field field--error" : "field"}>
        {asHeading(
          <label className={labelClass} htmlFor={id} id={`${id}-label`}>
            {labelContent}
          </label>,
        )}
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
          id={id}
          name={name}
          defaultValue={defaultValue ?? ""}
          className="input select"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          data-combobox=""
          data-text={text}
        >
          <option value="">{emptyLabel}</option>
          {options.map((o) => (
            <option
              key={o.value}
              value={o.value}
              data-aliases={o.aliases?.join("|") || undefined}
              data-former-names={o.formerNames?.join("|") || undefined}
            >
              {o.label}
            </option>
          ))}
        </select>
        {/*
          The searchable list app/enhance/combobox.ts puts in the select's place on a page that does not
          hydrate (ADR 042), with its texts in the page's language; inert without JavaScript. (No page that
          hydrates renders this branch on the server since the question pages stopped hydrating.)
        */}
        <template>
          <div className="combobox combobox--plain">
            <input type="hidden" name={name} />
            <input
              id={id}
              className="input combobox__input"
              role="combobox"
              aria-autocomplete="list"
              aria-expanded="false"
              aria-controls={listId}
              autoComplete="off"
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
            />
            <button
              type="button"
              className="combobox__button"
              tabIndex={-1}
              aria-label={t("comboBox.showOptions")}
              aria-expanded="false"
              aria-controls={listId}
            >
              <span aria-hidden="true">▾</span>
            </button>
            {/* The listbox scrolls itself: a scrolling wrapper would be a region the keyboard cannot reach. */}
            <ul
              role="listbox"
              id={listId}
              className="combobox__popover combobox__list"
              aria-labelledby={`${id}-label`}
              hidden
            />
          </div>
          <p
            role="status"
            className="visually-hidden"
            data-former={t("comboBox.formerName", { name: "{name}", former: "{former}" })}
            data-none={t("comboBox.noResults")}
            data-one={t("comboBox.results", { count: 1 })}
            // `replace`, not `count`: the text for any other count, "{n}" filled in by the module.
            data-other={t("comboBox.results_other", { replace: { count: "{n}" } })}
          />
        </template>
      </div>
    );
  }

  return (
    <ComboBox
      items={items}
      inputValue={text}
      onInputChange={setText}
      allowsCustomValue
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      menuTrigger="focus"
      className={error ? "field field--error" : "field"}
    >
      {asHeading(<Label className={labelClass}>{labelContent}</Label>)}
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
        <input type="hidden" name={name} value={text} />
        <Input id={fieldId(name)} className="input combobox__input" />
        <AriaButton className="combobox__button" aria-label={t("comboBox.showOptions")}>
          <span aria-hidden="true">▾</span>
        </AriaButton>
      </div>
      {/* Always on the page, so screen readers announce the message when it appears. */}
      <p className={nothingFound ? "combobox__empty" : "visually-hidden"} role="status">
        {nothingFound ? t("comboBox.noResults") : ""}
      </p>
      <Popover className="combobox__popover">
        <ListBox<(typeof items)[number]> className="combobox__list">
          {(o) => (
            <ListBoxItem id={o.id} textValue={o.textValue} className="combobox__option">
              {o.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
