/**
 * Every cookie of the portal is read and written here: always httpOnly, SameSite=Lax unless a cookie asks
 * for Strict, and Secure whenever the site is served over https (PUBLIC_URL). The values are random tokens
 * or short sealed strings, never anything personal.
 *
 * Over https the names carry the browser's cookie prefixes (ADR 045): `__Host-` for a cookie on `/` (the
 * browser accepts it only from this very host, over https, without a Domain), `__Secure-` for one on a
 * narrower path (the staff cookies on /medewerker). A page on another subdomain or a plain-http answer
 * can then not plant a draft, CSRF or session cookie of its own choosing. Over plain http (a laptop on
 * localhost) the plain names are used: the prefixes need https.
 */
import { getEnv } from "~/config/env.server";

const servedOverHttps = () => getEnv().PUBLIC_URL.startsWith("https://");

/** The name a cookie has in the browser: prefixed over https (see above), plain otherwise. */
export function wireName(name: string, path = "/", secure = servedOverHttps()): string {
  if (!secure || name.startsWith("__")) return name;
  return path === "/" ? `__Host-${name}` : `__Secure-${name}`;
}

/** The value of cookie `name` in a Cookie header; undefined when absent or not decodable. */
export function cookieFromHeader(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join("="));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Cookie `name` of a request, by the name it has in the browser (`path` is the path it is set on). */
export const readCookie = (request: Request, name: string, path = "/") =>
  cookieFromHeader(request.headers.get("Cookie"), wireName(name, path));

export type CookieOptions = {
  path?: string;
  sameSite?: "Lax" | "Strict";
  /** Seconds; none makes a browser-session cookie. */
  maxAge?: number;
  /** Defaults to whether PUBLIC_URL is https. */
  secure?: boolean;
};

/** A Set-Cookie header value. */
export function setCookieHeader(name: string, value: string, options: CookieOptions = {}): string {
  const secure = options.secure ?? servedOverHttps();
  const path = options.path ?? "/";
  return [
    `${wireName(name, path, secure)}=${value}`,
    `Path=${path}`,
    "HttpOnly",
    `SameSite=${options.sameSite ?? "Lax"}`,
    ...(options.maxAge === undefined ? [] : [`Max-Age=${options.maxAge}`]),
    ...(secure || name.startsWith("__") ? ["Secure"] : []),
  ].join("; ");
}

/** The Set-Cookie header that removes cookie `name` (the same path as it was set with). */
export const clearCookieHeader = (name: string, options: Omit<CookieOptions, "maxAge"> = {}) =>
  setCookieHeader(name, "", { ...options, maxAge: 0 });

/**
 * Expires a cookie by the exact name the browser sent (a damaged one, whatever its prefix), on `path`.
 * A prefixed name is only accepted by the browser with Secure.
 */
export function expireExactCookieHeader(name: string, path: string): string {
  const secure = servedOverHttps() || name.startsWith("__");
  return `${name}=; Path=${path}; Max-Age=0; SameSite=Lax${secure ? "; Secure" : ""}`;
}
