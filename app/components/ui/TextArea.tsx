/** A text area with GOV.UK's character count, read out once the person pauses. */
import { useEffect, useRef, useState } from "react";
import { TextArea as AriaTextArea, TextField as AriaTextField } from "react-aria-components";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { FieldHead, fieldId, useTextFromDom, type Common } from "./field-parts";

/** Quiet for this long after the last keystroke before the count is read out. */
export const COUNT_ANNOUNCE_DELAY_MS = 1000;

/**
 * The count's sentences with "{{count}}" left in, one per plural form of the page's language, for the
 * counter of a page that does not hydrate (app/enhance/character-count.ts, ADR 042): it has no i18next.
 */
function countTexts(t: TFunction, lng: string) {
  const texts: Record<string, string> = {};
  for (const form of new Intl.PluralRules(lng).resolvedOptions().pluralCategories) {
    for (const kind of ["remaining", "over"]) {
      texts[`data-${kind}-${form}`] = t(`textArea.${kind}_${form}`, { replace: { count: "{{count}}" } });
    }
  }
  return texts;
}

export function TextArea({
  defaultValue = "",
  maxLength,
  rows = 8,
  ...c
}: Common & { defaultValue?: string; maxLength: number; rows?: number }) {
  const { t, i18n } = useTranslation();
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const [value, setValue] = useTextFromDom(areaRef, defaultValue);
  const left = maxLength - value.length;
  const count = left >= 0 ? t("textArea.remaining", { count: left }) : t("textArea.over", { count: -left });
  const countId = `${fieldId(c.name)}-count`;
  // A screen reader hears the count once someone pauses, not on every keystroke (GOV.UK's character count).
  const [announced, setAnnounced] = useState("");
  const typed = useRef(false);
  useEffect(() => {
    if (!typed.current) return;
    const timer = setTimeout(() => setAnnounced(count), COUNT_ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [count]);
  const limit = t("textArea.limit", { count: maxLength });
  return (
    <AriaTextField
      id={fieldId(c.name)}
      name={c.name}
      value={value}
      onChange={(v) => {
        typed.current = true;
        setValue(v);
      }}
      isInvalid={Boolean(c.error)}
      validationBehavior="aria"
      aria-describedby={countId}
      className={c.error ? "field field--error" : "field"}
    >
      <FieldHead
        {...c}
        hint={
          <>
            {c.hint ? <>{c.hint} </> : null}
            {limit}
          </>
        }
      />
      {/* react-aria's TextField gives its control a `type`, which a <textarea> must not have: null drops it. */}
      <AriaTextArea
        ref={areaRef}
        rows={rows}
        className="input textarea"
        {...{ type: null as unknown as undefined }}
      />
      <p
        id={countId}
        className={left < 0 ? "field__count field__count--over" : "field__count"}
        data-count-max={maxLength}
        {...countTexts(t, i18n.language)}
      >
        {count}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announced}
      </p>
    </AriaTextField>
  );
}
