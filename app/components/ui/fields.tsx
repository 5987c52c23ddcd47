/**
 * Form fields in the GOV.UK manner: label (or the page question as <h1>), hint, error message above the
 * control, "(optional)" on optional fields. Styled with :has(input:checked) so radios and checkboxes show
 * their state even before (or without) JavaScript.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from "react";
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
import { showableText } from "~/domain/html-text";
import { typedValue } from "./typed-before-hydration";

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

/**
 * react-aria renders controlled inputs: a re-render after hydration would put the state value back into
 * the DOM and wipe what someone typed, picked or ticked before the page's JavaScript ran (a slow phone).
 * So the field adopts what the person typed (typed-before-hydration.ts: React's hydration keeps an input's
 * typed value but puts a text area's server text back) in a layout effect, in the hydration's own commit:
 * react-aria's layout effects re-render the inputs right after it, and a passive effect came too late, as
 * a press on "send" queued during hydration then sent the emptied fields (during-hydration.spec.ts).
 */
const useClientLayoutEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;

function useAdoptFromDom<T>(
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

function useTextFromDom(
  ref: RefObject<HTMLInputElement | HTMLTextAreaElement | null>,
  defaultValue: string,
): [string, (v: string) => void] {
  // What the server refused may hold characters HTML cannot carry (a control character): shown marked.
  const [value, setValue] = useState(() => showableText(defaultValue));
  useAdoptFromDom(() => typedValue(ref.current), value, setValue, sameString);
  return [value, setValue];
}

function checkedIn(ref: RefObject<HTMLElement | null>): string[] | undefined {
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
function FieldHead(c: Common) {
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
function ChoiceText({ option }: { option: Option }) {
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

export function TextField({
  type = "text",
  defaultValue,
  autoComplete,
  width,
  inputMode,
  spellCheck,
  wraps,
  list,
  ...c
}: Common & {
  type?: "text" | "email" | "tel" | "password";
  defaultValue?: string;
  autoComplete?: string;
  width?: "short" | "medium" | "full";
  inputMode?: "text" | "numeric" | "tel" | "email";
  spellCheck?: boolean;
  /**
   * A line of words that must stay readable as a whole while typed (the five-word passphrase): a box that
   * wraps onto a second line instead of scrolling sideways on a narrow phone. Enter still sends the form.
   */
  wraps?: boolean;
  /** The id of a <datalist> of suggestions (the browser's own list: it works without JavaScript). */
  list?: string;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const [value, setValue] = useTextFromDom(wraps ? areaRef : inputRef, defaultValue ?? "");
  return (
    <AriaTextField
      id={fieldId(c.name)}
      name={c.name}
      type={type}
      value={value}
      onChange={setValue}
      autoComplete={autoComplete}
      inputMode={inputMode}
      isInvalid={Boolean(c.error)}
      validationBehavior="aria"
      className={c.error ? "field field--error" : "field"}
    >
      <FieldHead {...c} />
      {wraps ? (
        <AriaTextArea
          ref={areaRef}
          rows={2}
          className="input input--wraps"
          spellCheck={spellCheck}
          autoCapitalize="none"
          autoCorrect="off"
          {...{ type: null as unknown as undefined }}
          onKeyDown={(e) => {
            // One line of words: Enter means "send", as in the one-line field it replaces.
            if (e.key !== "Enter" || e.shiftKey) return;
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }}
          onFocus={(e) => {
            // As a one-line field does when reached with Tab: typing replaces the whole phrase.
            if (e.currentTarget.matches(":focus-visible")) e.currentTarget.select();
          }}
        />
      ) : (
        <Input
          ref={inputRef}
          className={`input input--${width ?? "full"}`}
          spellCheck={spellCheck}
          list={list}
        />
      )}
    </AriaTextField>
  );
}

/** Quiet for this long after the last keystroke before the count is read out. */
const COUNT_ANNOUNCE_DELAY_MS = 1000;

export function TextArea({
  defaultValue = "",
  maxLength,
  rows = 8,
  ...c
}: Common & { defaultValue?: string; maxLength: number; rows?: number }) {
  const { t } = useTranslation();
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
      <p id={countId} className={left < 0 ? "field__count field__count--over" : "field__count"}>
        {count}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announced}
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
