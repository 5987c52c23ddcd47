/**
 * Every cookie of the portal is read and written here: always httpOnly, SameSite=Lax unless a cookie asks
 * for Strict, and Secure whenever the site is served over https (PUBLIC_URL). The values are random tokens
 * or short sealed strings, never anything personal.
 */
import { getEnv } from "~/config/env.server";

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

export const readCookie = (request: Request, name: string) =>
  cookieFromHeader(request.headers.get("Cookie"), name);

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
  const secure = options.secure ?? getEnv().PUBLIC_URL.startsWith("https://");
  return [
    `${name}=${value}`,
    `Path=${options.path ?? "/"}`,
    "HttpOnly",
    `SameSite=${options.sameSite ?? "Lax"}`,
    ...(options.maxAge === undefined ? [] : [`Max-Age=${options.maxAge}`]),
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

/** The Set-Cookie header that removes cookie `name` (the same path as it was set with). */
export const clearCookieHeader = (name: string, options: Omit<CookieOptions, "maxAge"> = {}) =>
  setCookieHeader(name, "", { ...options, maxAge: 0 });
