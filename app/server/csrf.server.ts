/**
 * CSRF: a random token in an httpOnly, SameSite=Lax cookie, repeated in every form (double submit).
 * Another site can neither read the cookie nor set it, so it cannot produce a matching pair.
 */
import { getEnv } from "~/config/env.server";
import { randomToken, safeEqual } from "./crypto.server";
import { CSRF_FIELD, HONEYPOT_FIELD } from "~/components/ui/Form";

const COOKIE = "ap_csrf";

function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("Cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}

/** The token for this browser, and a Set-Cookie header when it is new. */
export function csrfToken(request: Request): { token: string; setCookie?: string } {
  const existing = readCookie(request, COOKIE);
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return { token: existing };
  const token = randomToken(32);
  const secure = getEnv().PUBLIC_URL.startsWith("https://") ? "; Secure" : "";
  return { token, setCookie: `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${secure}` };
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
