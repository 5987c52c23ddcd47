import type { i18n, Resource, ResourceKey } from "i18next";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "~/server/paths.server";
import { languages, namespaces, type Language, type Namespace } from "./config";
import { createI18n } from "./instance";

// Read from disk once at start (not imported): plain Node, Vite's SSR build, vitest and Playwright's loader
// all run this module, and Node's ESM loader refuses JSON imports without an import attribute.
function readLocale(lng: Language, ns: Namespace): ResourceKey {
  return JSON.parse(
    fs.readFileSync(path.join(projectRoot, "locales", lng, `${ns}.json`), "utf8"),
  ) as ResourceKey;
}

export const resources: Resource = Object.fromEntries(
  languages.map((lng) => [lng, Object.fromEntries(namespaces.map((ns) => [ns, readLocale(lng, ns)]))]),
);

const instances = new Map<Language, i18n>();

/**
 * The i18next instance of a language, made and initialised once and then shared by every request in that
 * language: building one per request (interpolator, formatter, plural rules…) was about a tenth of the
 * server's time for a page. Sharing is safe because nothing changes it after init: the resources are the
 * same in-memory objects for every instance, translating only reads, and the language is fixed:
 * changeLanguage to any other language throws, so one visitor's choice can never reach another's page.
 */
export function serverI18n(lng: Language): i18n {
  let instance = instances.get(lng);
  if (!instance) {
    instance = createI18n(lng, resources);
    const changeLanguage = instance.changeLanguage.bind(instance);
    instance.changeLanguage = (to, callback) => {
      if (to !== lng) {
        throw new Error(`The shared server i18n instance for "${lng}" cannot change to "${to}"`);
      }
      return changeLanguage(to, callback);
    };
    instances.set(lng, instance);
  }
  return instance;
}

/** A translate function for loaders, actions and mails. */
export function getFixedT(lng: Language, ns: Namespace = "common") {
  return serverI18n(lng).getFixedT(lng, ns);
}
