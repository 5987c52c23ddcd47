import type { i18n, Resource } from "i18next";
import { namespaces, type Language, type Namespace } from "./config";

// Vite splits each language and namespace into its own chunk: the browser loads only what the page uses.
const files = import.meta.glob<{ default: Record<string, unknown> }>("../../locales/*/*.json");

async function load(lng: Language, ns: readonly Namespace[]) {
  return Promise.all(
    ns.map(async (n) => {
      const file = files[`../../locales/${lng}/${n}.json`];
      if (!file) throw new Error(`No texts for ${lng}/${n}`);
      return [n, (await file()).default] as const;
    }),
  );
}

/** The texts of `ns` in the page's language, for the instance made before hydration. */
export async function loadResources(lng: Language, ns: readonly Namespace[]): Promise<Resource> {
  return { [lng]: Object.fromEntries(await load(lng, ns)) };
}

let started: i18n | undefined;

/** Remembers the browser's one instance, so a later navigation can add the namespaces it lacks. */
export function rememberI18n(instance: i18n) {
  started = instance;
}

/**
 * The `clientLoader` of a route outside the public frame (the staff area, the organisation's page). A
 * public page loaded only the public namespaces; a client-side navigation from there (a staff member's
 * link from an intake entered on someone's behalf, a redirect) first adds the rest, then asks the server
 * as usual. On a full page load the server's data is used and this does not run.
 */
export async function loadAllNamespaces() {
  const instance = started;
  if (!instance) return;
  const lng = instance.language as Language;
  const missing = namespaces.filter((n) => !instance.hasResourceBundle(lng, n));
  for (const [n, texts] of await load(lng, missing)) instance.addResourceBundle(lng, n, texts);
}
