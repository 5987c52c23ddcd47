/**
 * CSRF: a random token in an httpOnly, SameSite=Lax cookie, repeated in every form (double submit).
 * Another site can neither read the cookie nor set it, so it cannot produce a matching pair.
 */
import { readCookie, setCookieHeader } from "~/http/cookies.server";
import { randomToken, safeEqual } from "./crypto.server";
import { CSRF_FIELD, HONEYPOT_FIELD } from "~/domain/form-fields";

const COOKIE = "ap_csrf";

/** The token for this browser, and a Set-Cookie header when it is new. */
export function csrfToken(request: Request): { token: string; setCookie?: string } {
  const existing = readCookie(request, COOKIE);
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return { token: existing };
  const token = randomToken(32);
  return { token, setCookie: setCookieHeader(COOKIE, token) };
}

export type FormCheck = "ok" | "csrf" | "honeypot";

/** CSRF first, then the honeypot. Routes decide how to answer (keeping the person's input). */
export function checkForm(request: Request, form: FormData): FormCheck {
  const cookie = readCookie(request, COOKIE);
  const sent = form.get(CSRF_FIELD);
  if (!cookie || typeof sent !== "string" || !safeEqual(cookie, sent)) return "csrf";
  const honey = form.get(HONEYPOT_FIELD);
  if (typeof honey === "string" && honey.trim() !== "") return "honeypot";
  return "ok";
}
