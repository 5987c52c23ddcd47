import { RemixBrowser } from "@remix-run/react";
import { StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { watchTyping } from "~/components/ui/typed-before-hydration";
import { defaultLanguage, isLanguage, namespacesFor } from "~/i18n/config";
import { createI18n } from "~/i18n/instance";
import { loadResources, rememberI18n } from "~/i18n/resources.client";

async function hydrate() {
  // From here on, what is typed is noted until the fields have adopted it (typed-before-hydration.ts).
  watchTyping();
  // Start in the language the server rendered, so the first client render matches the HTML.
  const htmlLang = document.documentElement.lang;
  const lng = isLanguage(htmlLang) ? htmlLang : defaultLanguage;
  // Only the namespaces of the page's frame (the root renders it on <html>).
  const ns = namespacesFor(document.documentElement.dataset.frame);
  const i18n = createI18n(lng, await loadResources(lng, ns));
  rememberI18n(i18n);
  // Hydrated in one go, not inside startTransition: yielding hydration let an input's value go empty
  // for a moment when it was filled in meanwhile, and a form sent then reached the server empty
  // (tests/e2e/during-hydration.spec.ts). What is typed during the one task waits for it and then counts.
  hydrateRoot(
    document,
    <I18nextProvider i18n={i18n}>
      <StrictMode>
        <RemixBrowser />
      </StrictMode>
    </I18nextProvider>,
  );
}

void hydrate();
