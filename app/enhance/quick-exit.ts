/**
 * The quick exit on a page that does not hydrate: what `QuickExit.tsx` does with JavaScript, in plain DOM.
 * Without this module the button is a plain link to /weg, which ends the session, clears the site's data
 * and sends the person to a neutral site. With it: the covering overlay at once and `location.replace`
 * (so the page leaves the history), on a press of the button and on Shift pressed three times.
 *
 * The texts come from the server-rendered HTML: the live region carries "presses left" for each count in
 * `data-left-1`, `data-left-2`.
 */
import { shiftCounter } from "./shift-counter";

export function enhanceQuickExit(doc: Document) {
  const link = doc.querySelector<HTMLAnchorElement>("a.quick-exit__button");
  if (!link) return;
  const exitPath = link.getAttribute("href") ?? "/weg";
  const status = doc.querySelector<HTMLElement>(".quick-exit [aria-live]");

  function leaveNow() {
    doc.documentElement.classList.add("is-exiting");
    window.location.replace(exitPath);
  }

  link.addEventListener("click", (e) => {
    e.preventDefault();
    leaveNow();
  });

  const counter = shiftCounter({
    progress(remaining) {
      if (status)
        status.textContent = remaining > 0 ? (status.getAttribute(`data-left-${remaining}`) ?? "") : "";
    },
    exit: leaveNow,
  });
  doc.addEventListener("keydown", counter.onKeyDown);
}
