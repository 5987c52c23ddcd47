/** A one-line text field (or, for a passphrase, a box that wraps), with label, hint and error above it. */
import { useRef } from "react";
import { Input, TextArea as AriaTextArea, TextField as AriaTextField } from "react-aria-components";
import { FieldHead, fieldId, useTextFromDom, type Common } from "./field-parts";

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
