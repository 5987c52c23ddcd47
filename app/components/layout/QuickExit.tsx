/**
 * "Exit this page" (GOV.UK pattern). A plain link to /weg, which ends the session, clears site data and
 * redirects to a neutral site. With JavaScript: a covering overlay at once, `location.replace` (so the
 * page leaves the history), and the same on Shift pressed three times within 5 seconds.
 */
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

export const QUICK_EXIT_PATH = "/weg";
const SHIFT_WINDOW_MS = 5000;

function leave() {
  document.documentElement.classList.add("is-exiting");
  window.location.replace(QUICK_EXIT_PATH);
}

export function QuickExit() {
  const { t } = useTranslation();

  useEffect(() => {
    let presses = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    function onKeyDown(e: KeyboardEvent) {
      if (e.repeat) return;
      // Only Shift on its own counts: typing capitals ("Ik Was Daar") puts other keys in between and
      // must never throw away what someone is writing (GOV.UK's Exit this page does the same).
      if (e.key !== "Shift") {
        presses = 0;
        return;
      }
      presses++;
      clearTimeout(timer);
      timer = setTimeout(() => (presses = 0), SHIFT_WINDOW_MS);
      if (presses >= 3) {
        presses = 0;
        leave();
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      clearTimeout(timer);
    };
  }, []);

  return (
    <div className="quick-exit" role="region" aria-label={t("quickExit.landmark")}>
      <a
        href={QUICK_EXIT_PATH}
        className="quick-exit__button"
        rel="nofollow noreferrer"
        onClick={(e) => {
          e.preventDefault();
          leave();
        }}
      >
        {t("quickExit.button")}
      </a>
      <span className="quick-exit__hint">{t("quickExit.hint")}</span>
    </div>
  );
}

/** The overlay is always in the page, shown by the `is-exiting` class the moment the exit starts. */
export function QuickExitOverlay() {
  const { t } = useTranslation();
  return (
    <div className="quick-exit-overlay" aria-hidden="true">
      <p>{t("quickExit.overlay")}</p>
    </div>
  );
}
