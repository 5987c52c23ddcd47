/**
 * What every form field shares, in the GOV.UK manner: label (or the page question as <h1>), hint, error
 * message above the control, "(optional)" on optional fields; and keeping what was typed before hydration.
 */
import { useEffect, useLayoutEffect, useState, type ReactNode, type RefObject } from "react";
import { FieldError, Label, Text } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { showableText } from "~/domain/html-text";
import { typedValue } from "./typed-before-hydration";

export type Common = {
  name: string;
  label: ReactNode;
  /** Render the label as the page's <h1> (one question per page). */
  labelIsHeading?: boolean;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
};

export const fieldId = (name: string) => `field-${name}`;

/**
 * react-aria renders controlled inputs: a re-render after hydration would put the state value back into
 * the DOM and wipe what someone typed, picked or ticked before the page's JavaScript ran (a slow phone).
 * So the field adopts what the person typed (typed-before-hydration.ts: React's hydration keeps an input's
 * typed value but puts a text area's server text back) in a layout effect, in the hydration's own commit:
 * react-aria's layout effects re-render the inputs right after it, and a passive effect came too late, as
 * a press on "send" queued during hydration then sent the emptied fields (during-hydration.spec.ts).
 */
const useClientLayoutEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;

export function useAdoptFromDom<T>(
  read: () => T | undefined,
  current: T,
  set: (v: T) => void,
  same: (a: T, b: T) => boolean,
) {
  useClientLayoutEffect(() => {
    const fromDom = read();
    if (fromDom !== undefined && !same(fromDom, current)) set(fromDom);
    // Only once, right after hydration.
  }, []);
}

const sameString = (a: string, b: string) => a === b;

export function useTextFromDom(
  ref: RefObject<HTMLInputElement | HTMLTextAreaElement | null>,
  defaultValue: string,
): [string, (v: string) => void] {
  // What the server refused may hold characters HTML cannot carry (a control character): shown marked.
  const [value, setValue] = useState(() => showableText(defaultValue));
  useAdoptFromDom(() => typedValue(ref.current), value, setValue, sameString);
  return [value, setValue];
}

export function checkedIn(ref: RefObject<HTMLElement | null>): string[] | undefined {
  const inputs = ref.current?.querySelectorAll<HTMLInputElement>("input:checked");
  return inputs ? Array.from(inputs, (i) => i.value) : undefined;
}

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
  // The heading wraps the label (GOV.UK's label-wrapper): a <label for> stays a label, and <h1> gets no `for`.
  return labelIsHeading ? (
    <h1 className="field__heading">
      <Label className="field__label field__label--heading">{content}</Label>
    </h1>
  ) : (
    <Label className="field__label">{content}</Label>
  );
}

/**
 * react-aria points aria-describedby at a hint and an error slot and, in the browser, drops the ones that
 * are not there; the server HTML keeps them all. An empty hidden element in each unused slot keeps every
 * reference in the server HTML pointing at an element that exists (and describes nothing).
 */
function EmptySlot({ slot }: { slot: "description" | "errorMessage" }) {
  return <Text slot={slot} hidden />;
}

function ErrorText({ error }: { error?: string }) {
  const { t } = useTranslation();
  if (!error) return <EmptySlot slot="errorMessage" />;
  return (
    <FieldError className="field__error">
      <span className="visually-hidden">{t("errorSummary.errorPrefix")} </span>
      {error}
    </FieldError>
  );
}

/** Label, hint and error message, in the order GOV.UK puts them above a control. */
export function FieldHead(c: Common) {
  return (
    <>
      <FieldLabel {...c} />
      {c.hint ? (
        <Text slot="description" className="field__hint">
          {c.hint}
        </Text>
      ) : (
        <EmptySlot slot="description" />
      )}
      <ErrorText error={c.error} />
    </>
  );
}

/** The drawn box or circle and the words of one radio or checkbox. */
export function ChoiceText({ option }: { option: Option }) {
  return (
    <>
      <span className="choice__control" aria-hidden="true" />
      <span className="choice__text">
        <span className="choice__label">{option.label}</span>
        {option.hint ? <span className="choice__hint">{option.hint}</span> : null}
      </span>
    </>
  );
}

export type Option = { value: string; label: ReactNode; hint?: ReactNode };
