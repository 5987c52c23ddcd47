import { useLocation, useMatches } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { crisisLines } from "~/config/crisis-lines";
import { localPath, type Language } from "~/i18n/config";
import { SWITCH_LANGUAGE, type RouteHandle } from "~/route-handle";
import { QuickExit, QuickExitOverlay } from "./QuickExit";

function LanguageSwitch({ lang }: { lang: Language }) {
  const { t } = useTranslation();
  const location = useLocation();
  const other: Language = lang === "nl" ? "en" : "nl";
  const params = new URLSearchParams(location.search);
  params.set("lng", other);
  const formId = useMatches()
    .map((m) => {
      const form = (m.handle as RouteHandle | undefined)?.languageForm;
      return typeof form === "function" ? form(m.data) : form;
    })
    .reverse()
    .find(Boolean);
  const label = (
    <>
      <span aria-hidden="true">{t("language.switchTo")}</span>
      {/* A space, so text browsers (which show both) do not run the words together. */}{" "}
      <span className="visually-hidden">{t("language.switchToLong")}</span>
    </>
  );
  if (formId) {
    // A button of the page's form: the server keeps what was typed, unchecked, and reloads the page in
    // the other language. The hidden first button stays the form's default, so Enter in a field still
    // means "Continue" (a form's default button is its first submit button in document order).
    return (
      <>
        <button type="submit" form={formId} className="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t("continue")}
        </button>
        <button
          type="submit"
          form={formId}
          name="intent"
          value={SWITCH_LANGUAGE}
          className="language-switch language-switch--button"
          lang={other}
        >
          {label}
        </button>
      </>
    );
  }
  // A plain link and a full page load: works without JavaScript and reloads every text.
  return (
    <a
      className="language-switch"
      href={`${localPath(location.pathname)}?${params.toString()}`}
      hrefLang={other}
      lang={other}
    >
      {label}
    </a>
  );
}

/** The id the header's "Help now" link jumps to. */
export const CRISIS_ID = "hulp";

export function CrisisLines({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <section
      id={CRISIS_ID}
      className={compact ? "crisis crisis--compact" : "crisis"}
      aria-labelledby="crisis-heading"
    >
      <h2 id="crisis-heading" className="crisis__heading">
        {t("crisis.heading")}
      </h2>
      <p className="crisis__intro">{t("crisis.intro")}</p>
      <ul className="crisis__list">
        {crisisLines.map((line) => (
          <li key={line.id}>
            <a href={line.href}>{t(`crisis.${line.id}`, { number: line.number, short: line.short })}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Frame({
  lang,
  children,
  variant,
}: {
  lang: Language;
  children: ReactNode;
  variant: "public" | "staff" | "organisation";
}) {
  const { t } = useTranslation();
  return (
    <>
      {variant === "public" ? <QuickExitOverlay /> : null}
      {/* Sticky on public pages (app.css): the exit and "Help now" stay on screen while scrolling. */}
      <header className={variant === "public" ? "site-header site-header--sticky" : "site-header"}>
        {/* Inside the banner, so every piece of content sits in a landmark (axe's "region" rule). */}
        <a href="#main" className="skip-link">
          {t("skipLink")}
        </a>
        <div className="site-header__inner">
          <a href={variant === "staff" ? "/medewerker" : "/"} className="site-header__name">
            {t("siteName")}
            {variant === "staff" ? <span className="site-header__sub"> · {t("footer.staff")}</span> : null}
          </a>
          <div className="site-header__tools">
            <LanguageSwitch lang={lang} />
            {variant === "public" ? (
              <>
                <a href={`#${CRISIS_ID}`} className="help-now">
                  {t("helpNow")}
                </a>
                <QuickExit />
              </>
            ) : null}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          {variant === "public" ? <CrisisLines /> : null}
          <nav aria-label={t("footer.label")} className="site-footer__nav">
            <ul>
              <li>
                <a href="/over">{t("footer.about")}</a>
              </li>
              <li>
                <a href="/privacy">{t("footer.privacy")}</a>
              </li>
              <li>
                <a href="/toegankelijkheid">{t("footer.accessibility")}</a>
              </li>
              <li>
                <a href="/veilig-internetten">{t("footer.safeBrowsing")}</a>
              </li>
              <li>
                <a href="/medewerker">{t("footer.staff")}</a>
              </li>
            </ul>
          </nav>
        </div>
      </footer>
    </>
  );
}
