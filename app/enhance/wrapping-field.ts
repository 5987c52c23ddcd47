/**
 * The passphrase box on a page that does not hydrate: what `TextField`'s `wraps` (app/components/ui/
 * TextField.tsx) does with React, in plain DOM. The box is a text area so that five words wrap onto a
 * second line on a narrow phone, but it stands in for a one-line field: Enter (without Shift) sends the
 * form, and focus reached with the keyboard selects the whole phrase, so typing replaces it. Without this
 * module Enter adds a line break (the server reads the words the same) and the form is sent with the button.
 */

/** The boxes this applies to: the class `TextField` gives its text area when it `wraps`. */
export const WRAPPING_FIELD = "textarea.input--wraps";

/** Whether a key press in the box sends the form: Enter, not Shift+Enter (TextField's rule). */
export function sendsForm(key: { key: string; shiftKey: boolean }): boolean {
  return key.key === "Enter" && !key.shiftKey;
}

export function enhanceWrappingFields(doc: Document) {
  for (const box of doc.querySelectorAll<HTMLTextAreaElement>(WRAPPING_FIELD)) {
    box.addEventListener("keydown", (e) => {
      if (!sendsForm(e)) return;
      e.preventDefault();
      box.form?.requestSubmit();
    });
    box.addEventListener("focus", () => {
      // As a one-line field does when reached with Tab: typing replaces the whole phrase.
      if (box.matches(":focus-visible")) box.select();
    });
  }
}
