/**
 * "Exit this page" (GOV.UK pattern). A plain link to /weg, which ends the session, clears site data and
 * redirects to a neutral site. With JavaScript: a covering overlay at once, `location.replace` (so the
 * page leaves the history), and the same on Shift pressed three times, each press within a second of the
 * last. The header keeps the button on screen (sticky, app/styles/app.css). Pages that do not hydrate
 * (ADR 042) get the same behaviour from app/enhance/quick-exit.ts.
 */
import { useEffect, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

export const QUICK_EXIT_PATH = "/weg";
export const PRESSES = 3;
/**
 * A screen-reader user pauses speech with Shift: presses seconds apart must never add up to an exit that
 * throws their draft away. Three quick presses are deliberate.
 */
export const SHIFT_WINDOW_MS = 1000;

/** Leaves now: also used by dialogs that make the page (and its exit button) inert. */
export function leaveNow() {
  document.documentElement.classList.add("is-exiting");
  window.location.replace(QUICK_EXIT_PATH);
}

/** The exit itself: a plain link to /weg without JavaScript; with it, the faster way out of leaveNow(). */
export function QuickExitLink() {
  const { t } = useTranslation("common");
  return (
    <a
      href={QUICK_EXIT_PATH}
      className="quick-exit__button"
      rel="nofollow noreferrer"
      onClick={(e) => {
        e.preventDefault();
        leaveNow();
      }}
    >
      {t("quickExit.button")}
    </a>
  );
}

function pressesLeftTexts(t: TFunction): Record<`data-left-${number}`, string> {
  const texts: Record<`data-left-${number}`, string> = {};
  for (let count = 1; count < PRESSES; count++)
    texts[`data-left-${count}`] = t("quickExit.pressesLeft", { count });
  return texts;
}

export function QuickExit() {
  const { t } = useTranslation();
  // Presses still needed, announced politely; 0 means nothing to say.
  const [remaining, setRemaining] = useState(0);

  useEffect(() => {
    let presses = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    function reset() {
      presses = 0;
      clearTimeout(timer);
      setRemaining(0);
    }
    function onKeyDown(e: KeyboardEvent) {
      if (e.repeat) return;
      // Only Shift on its own counts: typing capitals ("Ik Was Daar") puts other keys in between and
      // must never throw away what someone is writing (GOV.UK's Exit this page does the same).
      if (e.key !== "Shift") {
        if (presses > 0) reset();
        return;
      }
      presses++;
      clearTimeout(timer);
      if (presses >= PRESSES) {
        reset();
        leaveNow();
        return;
      }
      setRemaining(PRESSES - presses);
      timer = setTimeout(reset, SHIFT_WINDOW_MS);
    }
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      clearTimeout(timer);
    };
  }, []);

  return (
    <div className="quick-exit" role="region" aria-label={t("quickExit.landmark")}>
      <QuickExitLink />
      <span className="quick-exit__hint">{t("quickExit.hint")}</span>
      {/* The texts for each count, for the plain-DOM quick exit of pages that do not hydrate (app/enhance). */}
      <span className="visually-hidden" aria-live="polite" {...pressesLeftTexts(t)}>
        {remaining > 0 ? t("quickExit.pressesLeft", { count: remaining }) : ""}
      </span>
    </div>
  );
}

/**
 * The overlay is always in the page, shown by the `is-exiting` class the moment the exit starts. `hidden`
 * keeps its text out of text browsers and readers that ignore the style sheet.
 */
export function QuickExitOverlay() {
  const { t } = useTranslation();
  return (
    <div className="quick-exit-overlay" hidden>
      <p>{t("quickExit.overlay")}</p>
    </div>
  );
}
