/**
 * Secrets shown exactly once after a redirect (recovery codes, an invitation or password reset link): encrypted into a
 * short-lived httpOnly cookie by the action, read and cleared by the next page's loader. Nothing of it is
 * stored on the server, and it is bound to the staff member it was made for. Also "you just acted on this
 * case": the page after the redirect is not a new look at the case, so it is not logged as one; being
 * encrypted, the flag cannot be made up to read a case unlogged.
 */
import { decrypt, encrypt } from "./crypto.server";
import { clearCookieHeader, readCookie, setCookieHeader } from "~/http/cookies.server";

const COOKIE = "ap_staff_once";
const TTL_SECONDS = 600;

export type Flash =
  | { kind: "recovery_codes"; codes: string[] }
  | { kind: "invitation"; link: string; role: string; expiresAt: number }
  | { kind: "password_reset_link"; forStaffId: number; link: string; expiresAt: number }
  | { kind: "acted"; caseId: number };

type Stored = Flash & { staffId: number; exp: number };

export function flashCookie(staffId: number, flash: Flash, now = Date.now()): string {
  const value = encrypt(
    JSON.stringify({ ...flash, staffId, exp: now + TTL_SECONDS * 1000 } satisfies Stored),
  );
  return setCookieHeader(COOKIE, value, { path: "/medewerker", maxAge: TTL_SECONDS });
}

const clear = () => clearCookieHeader(COOKIE, { path: "/medewerker" });

/** The flash of this kind for this staff member, if any, and the header that clears it. */
export function takeFlash<K extends Flash["kind"]>(
  request: Request,
  staffId: number,
  kind: K,
  now = Date.now(),
): { flash: Extract<Flash, { kind: K }> | null; setCookie?: string } {
  const raw = readCookie(request, COOKIE, "/medewerker");
  if (!raw) return { flash: null };
  try {
    const stored = JSON.parse(decrypt(raw)) as Stored;
    if (stored.staffId !== staffId || stored.exp < now || stored.kind !== kind) {
      return { flash: null, setCookie: clear() };
    }
    const { staffId: _s, exp: _e, ...flash } = stored;
    return { flash: flash as Extract<Flash, { kind: K }>, setCookie: clear() };
  } catch {
    return { flash: null, setCookie: clear() };
  }
}
