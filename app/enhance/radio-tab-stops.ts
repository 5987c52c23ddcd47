/**
 * Radios on a page that does not hydrate. react-aria's `RadioGroup` (app/components/ui/ChoiceGroups.tsx)
 * keeps one Tab stop per group itself: the chosen radio gets `tabindex="0"`, the others `tabindex="-1"`,
 * and with React it moves them as the choice changes. The server renders them for the answer the page
 * was loaded with, and without React nothing moves them: after an arrow key picks another radio, Tab
 * stopped on the old one and Shift+Tab skipped the group. The browser keeps a radio group's single Tab
 * stop on the checked radio by itself, so this hands the stop back to the browser: it takes the tabindex
 * off every radio that has one. (Without any script the stale stop stays, as it always did there.)
 */
export const MANAGED_RADIO = 'input[type="radio"][tabindex]';

export function enhanceRadioTabStops(doc: Document) {
  for (const radio of doc.querySelectorAll(MANAGED_RADIO)) radio.removeAttribute("tabindex");
}
