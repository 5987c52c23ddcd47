/**
 * What someone typed before the page's JavaScript took over (a slow phone, a password manager).
 *
 * React keeps a typed value in an input during hydration, but not in a text area that already held text
 * (a step revisited, an error page keeping what was sent): hydrating a `<textarea>` sets its value back to
 * the server's text. So entry.client notes every typed value from before hydration (and during it, until
 * the first effects run), and the fields adopt that rather than what the DOM holds after hydration.
 */
type TextControl = HTMLInputElement | HTMLTextAreaElement;

const typed = new WeakMap<Element, string>();

function isTextControl(el: unknown): el is TextControl {
  return (
    el instanceof HTMLTextAreaElement ||
    (el instanceof HTMLInputElement && !["checkbox", "radio", "file", "hidden"].includes(el.type))
  );
}

function note(event: Event) {
  if (isTextControl(event.target)) typed.set(event.target, event.target.value);
}

/** Called before hydration: what is already typed, and every input until `stopWatchingTyping`. */
export function watchTyping() {
  for (const el of document.querySelectorAll("input, textarea")) {
    if (isTextControl(el) && el.value !== el.defaultValue) typed.set(el, el.value);
  }
  document.addEventListener("input", note, true);
}

/** Called once the page has hydrated (after the fields' own first effects). */
export function stopWatchingTyping() {
  document.removeEventListener("input", note, true);
}

/** The value a field holds for the person: what they typed before hydration, else the DOM's value. */
export function typedValue(el: TextControl | null | undefined): string | undefined {
  if (!el) return undefined;
  return typed.get(el) ?? el.value;
}
