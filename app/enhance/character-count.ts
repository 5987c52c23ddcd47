/**
 * GOV.UK's character count on a page that does not hydrate: what `TextArea` (app/components/ui/TextArea.tsx)
 * does with React, in plain DOM. The count under the box follows every keystroke ("You have 12 characters
 * left", "You have 3 characters too many", in red), and the polite live region says it once the person
 * has paused for a second, not on every key. The sentences come from the server's HTML: one per plural form
 * of the page's language (`data-remaining-one`, `data-over-other`, …) with "{{count}}" to fill in, and the
 * limit in `data-count-max`. Without this module the count stays as the page was loaded and the limit is
 * in the hint; the server checks the length either way.
 */

/** Quiet for this long after the last keystroke before the count is read out (TextArea's delay). */
export const COUNT_ANNOUNCE_DELAY_MS = 1000;

/** The counts this applies to: the one `TextArea` renders under its box. */
export const COUNT = "[data-count-max]";

export type Count = { kind: "remaining" | "over"; count: number };

/** What is left of the limit, or how far over it the text is (TextArea's rule: the text's length). */
export function countOf(max: number, text: string): Count {
  const left = max - text.length;
  return left >= 0 ? { kind: "remaining", count: left } : { kind: "over", count: -left };
}

/** The `data-` key of a sentence: "remaining" and "one" → "remainingOne" (`data-remaining-one`). */
export const sentenceKey = (kind: Count["kind"], form: string) =>
  `${kind}${form.charAt(0).toUpperCase()}${form.slice(1)}`;

/** The sentence for a count: its plural form's, else the "other" form's, with the number filled in. */
export function sentence(texts: Record<string, string | undefined>, c: Count, form: string): string {
  const text = texts[sentenceKey(c.kind, form)] ?? texts[sentenceKey(c.kind, "other")] ?? "";
  return text.replace("{{count}}", String(c.count));
}

export function enhanceCharacterCounts(doc: Document) {
  const plural = new Intl.PluralRules(doc.documentElement.lang || undefined);
  for (const shown of doc.querySelectorAll<HTMLElement>(COUNT)) {
    const field = shown.parentElement;
    const box = field?.querySelector("textarea");
    const said = field?.querySelector("[aria-live]");
    const max = Number(shown.dataset.countMax);
    if (!box || !said || !Number.isFinite(max)) continue;
    const update = () => {
      const c = countOf(max, box.value);
      shown.textContent = sentence(shown.dataset, c, plural.select(c.count));
      shown.classList.toggle("field__count--over", c.kind === "over");
      return shown.textContent;
    };
    // What the browser put back (back button, a restored tab) or typed before this ran: counted, not said.
    update();
    let timer: ReturnType<typeof setTimeout> | undefined;
    box.addEventListener("input", () => {
      const text = update();
      clearTimeout(timer);
      timer = setTimeout(() => (said.textContent = text), COUNT_ANNOUNCE_DELAY_MS);
    });
  }
}
