import { redirectDocument } from "@remix-run/node";
import { readCookie, setCookieHeader } from "~/http/cookies.server";
import { defaultLanguage, isLanguage, type Language } from "./config";

export const LANGUAGE_COOKIE = "lng";

/** Accept-Language, best quality first, reduced to our languages. */
export function fromAcceptLanguage(header: string | null): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: (tag ?? "").toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.lang).find(isLanguage);
}

/** The page language: `?lng=`, then the cookie, then Accept-Language, then Dutch. */
export function detectLanguage(request: Request): Language {
  const url = new URL(request.url);
  const param = url.searchParams.get("lng");
  if (isLanguage(param)) return param;
  const cookie = readCookie(request, LANGUAGE_COOKIE);
  if (isLanguage(cookie)) return cookie;
  return fromAcceptLanguage(request.headers.get("Accept-Language")) ?? defaultLanguage;
}

/** When the URL chooses a language, remember it for a year (a functional cookie, nothing else in it). */
export function languageCookieHeader(request: Request, secure: boolean): string | undefined {
  const param = new URL(request.url).searchParams.get("lng");
  if (!isLanguage(param)) return undefined;
  return setCookieHeader(LANGUAGE_COOKIE, param, { maxAge: 31536000, secure });
}

/**
 * After the language switch kept what a page held (ADR 023): the same page again, in the other language,
 * as a full page load (with JavaScript too), so every text of the page changes.
 */
export function reloadInOtherLanguage(request: Request, setCookie?: string) {
  const url = new URL(request.url);
  url.searchParams.set("lng", detectLanguage(request) === "nl" ? "en" : "nl");
  url.searchParams.delete("index");
  return redirectDocument(
    `${url.pathname}${url.search}`,
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}
