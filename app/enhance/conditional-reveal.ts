/**
 * GOV.UK's conditional reveal on a page that does not hydrate: the follow-up fields of a way to reach
 * someone show only when that way is chosen (the intake's contact page, the contact request's reach page;
 * `useReveal` in app/components/intake/reveal.tsx renders the markup). Without this module every box shows,
 * each label saying when it applies ("(only if you choose 'Email')"); with it, as with React, the labels
 * lose that condition and a box shows only while one of its choices is picked. A hidden box is out of the
 * tab order (`hidden`), and each choice that opens a box names it in `aria-controls`, as GOV.UK's radios do.
 * Not GOV.UK's `aria-expanded` on the radio: ARIA does not allow it on a radio (w3c/aria#1404 is open),
 * axe reports it as a critical violation (aria-allowed-attr), and the accessibility sweep must stay clean.
 *
 * Markup: a box carries `data-reveal-for` (the name of the radios or checkboxes that control it) and
 * `data-reveal-when` (the values that show it, space-separated); a label's condition is a
 * `[data-reveal-condition]` element.
 */

export const REVEAL = "[data-reveal-for]";
export const CONDITION = "[data-reveal-condition]";

/** Whether a box shows: one of the values it is revealed for is chosen. */
export function shows(when: string | undefined, chosen: readonly string[]): boolean {
  const values = (when ?? "").split(" ").filter(Boolean);
  return chosen.some((v) => values.includes(v));
}

type Box = { id: string; dataset: { revealWhen?: string } };

/** The ids of the boxes that choosing `value` shows: the choice's `aria-controls`, or "" for none. */
export function controlledBy(boxes: readonly Box[], value: string): string {
  return boxes
    .filter((b) => shows(b.dataset.revealWhen, [value]))
    .map((b) => b.id)
    .join(" ");
}

export function enhanceConditionalReveals(doc: Document) {
  const boxes = [...doc.querySelectorAll<HTMLElement>(REVEAL)];
  for (const condition of doc.querySelectorAll(CONDITION)) condition.remove();
  for (const name of new Set(boxes.map((b) => b.dataset.revealFor ?? ""))) {
    const own = boxes.filter((b) => b.dataset.revealFor === name);
    const choices = [...doc.getElementsByName(name)].filter(
      (el): el is HTMLInputElement => el instanceof HTMLInputElement,
    );
    const sync = () => {
      const chosen = choices.filter((c) => c.checked).map((c) => c.value);
      for (const box of own) box.hidden = !shows(box.dataset.revealWhen, chosen);
    };
    for (const choice of choices) {
      const ids = controlledBy(own, choice.value);
      if (ids) choice.setAttribute("aria-controls", ids);
      // A radio that gets unticked fires no event of its own: every change syncs every box.
      choice.addEventListener("change", sync);
    }
    sync();
  }
}
