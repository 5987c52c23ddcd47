import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { defaultLanguage, isLanguage } from "~/i18n/config";
import { createI18n } from "~/i18n/instance";
import { loadResources } from "~/i18n/resources.client";

async function hydrate() {
  // Start in the language the server rendered, so the first client render matches the HTML.
  const htmlLang = document.documentElement.lang;
  const lng = isLanguage(htmlLang) ? htmlLang : defaultLanguage;
  const i18n = createI18n(lng, await loadResources(lng));
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18n}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
