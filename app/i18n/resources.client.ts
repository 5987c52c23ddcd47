import type { Resource } from "i18next";
import type { Language } from "./config";

// Vite splits each language into its own chunk: the browser loads only the language of the page.
const files = import.meta.glob<{ default: Record<string, unknown> }>("../../locales/*/*.json");

export async function loadResources(lng: Language): Promise<Resource> {
  const entries = await Promise.all(
    Object.entries(files)
      .filter(([p]) => p.includes(`/locales/${lng}/`))
      .map(async ([p, load]) => [p.replace(/^.*\/([^/]+)\.json$/, "$1"), (await load()).default] as const),
  );
  return { [lng]: Object.fromEntries(entries) };
}
