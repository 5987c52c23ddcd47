import type { Resource, ResourceKey } from "i18next";
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

export function serverI18n(lng: Language) {
  return createI18n(lng, resources);
}

/** A translate function for loaders, actions and mails. */
export function getFixedT(lng: Language, ns: Namespace = "common") {
  return serverI18n(lng).getFixedT(lng, ns);
}
