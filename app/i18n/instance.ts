import i18next, { type i18n, type Resource } from "i18next";
import { initReactI18next } from "react-i18next";
import { defaultLanguage, namespaces, type Language } from "./config";

/**
 * A fresh i18next instance. On the server one per language, made once and shared read-only
 * (resources.server.ts: its language is fixed, so languages never leak between requests);
 * in the browser once, before hydration, with the language the server rendered.
 */
export function createI18n(lng: Language, resources: Resource): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng,
    resources,
    fallbackLng: defaultLanguage,
    ns: [...namespaces],
    defaultNS: "common",
    interpolation: { escapeValue: false }, // React escapes
    initImmediate: false, // resources are in memory: initialise synchronously
    returnNull: false,
  });
  return instance;
}
