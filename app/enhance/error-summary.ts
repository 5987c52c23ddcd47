/**
 * The GOV.UK error summary on a page that does not hydrate: what `ErrorSummary` (app/components/ui/Form.tsx)
 * does with React, in plain DOM. The server renders the summary with `autofocus`, which a browser honours
 * on the first load of the page; this takes focus there too where the browser did not (focus is still on
 * the body), without taking it from where the person already moved it. A press on one of its links moves
 * focus to the field it names, and scrolls that field to the middle of the screen; without this the link
 * only scrolls to the field's box and focus stays on the link.
 */

/** What a summary link can focus: the element its `#id` names when that is a control, else the first inside. */
export const CONTROLS = "input, textarea, select";

type Findable = { matches(selectors: string): boolean; querySelector(selectors: string): unknown };

/** The id a link's `href` points to on this page ("#field-name" → "field-name"), or null. */
export function fragmentId(href: string | null): string | null {
  if (!href?.startsWith("#") || href.length < 2) return null;
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return null;
  }
}

/** The control to focus for the element a summary link names (ErrorSummary's rule), or null. */
export function controlOf<T extends Findable>(target: T | null): T | null {
  if (!target) return null;
  if (target.matches(CONTROLS)) return target;
  return (target.querySelector(CONTROLS) as T | null) ?? null;
}

export function enhanceErrorSummary(doc: Document) {
  const summary = doc.querySelector<HTMLElement>(".error-summary");
  if (!summary) return;
  const active = doc.activeElement;
  if (!active || active === doc.body) summary.focus();

  summary.addEventListener("click", (e) => {
    const link = (e.target as Element | null)?.closest?.("a");
    if (!link) return;
    const id = fragmentId(link.getAttribute("href"));
    const control = controlOf<HTMLElement>(id ? doc.getElementById(id) : null);
    if (!control) return; // the browser's own jump to the named element
    e.preventDefault();
    control.focus();
    control.scrollIntoView({ block: "center" });
  });
}
