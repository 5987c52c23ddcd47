/** Languages and namespaces. Dutch is the default; English must be complete (locales.test.ts checks). */
export const languages = ["nl", "en"] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = "nl";
export const namespaces = [
  "common",
  "pages",
  "errors",
  "intake",
  "follow",
  "staff",
  "reports",
  "referral",
] as const;
export type Namespace = (typeof namespaces)[number];

/**
 * The namespaces a page in the public frame uses. The browser loads only these there (staff, reports and
 * referral are about a third of the texts, ADR 042); a staff or organisation page loads them all.
 */
export const publicNamespaces: readonly Namespace[] = ["common", "pages", "errors", "intake", "follow"];

/** The namespaces a page needs in the browser, by its frame (RouteHandle["frame"]). */
export const namespacesFor = (frame: string | undefined): readonly Namespace[] =>
  frame === "staff" || frame === "organisation" ? namespaces : publicNamespaces;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/** Both our languages are written left to right; kept as a function so `dir` is never hard-coded. */
export function directionOf(_lng: Language): "ltr" | "rtl" {
  return "ltr";
}

/**
 * A path that stays on this site, for links built from the requested path (the language switch). A
 * request for `//evil.example/x` has that as its path; as a link it would lead to evil.example, as would
 * `/\evil.example` (browsers read a backslash as a slash). Leading slashes and backslashes become one.
 */
export function localPath(pathname: string): string {
  return "/" + pathname.replace(/^[/\\]+/, "");
}
