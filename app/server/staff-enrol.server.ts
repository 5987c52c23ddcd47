/**
 * A new TOTP secret stays the same while someone sets up their app, across wrong codes and page reloads,
 * without storing it anywhere before the account has it: it travels encrypted in a short-lived httpOnly
 * cookie, bound to the link or the half-finished sign-in it was made for.
 */
import { decrypt, encrypt } from "./crypto.server";
import { clearCookieHeader, readCookie, setCookieHeader } from "~/http/cookies.server";
import { groupSecret, isTotpSecret, newTotpSecret, totpQrSvg, totpUri } from "./staff-auth.server";

const COOKIE = "ap_staff_enrol";
const TTL_SECONDS = 3600;

export function enrolmentSecret(request: Request, bindTo: string): { secret: string; setCookie?: string } {
  const raw = readCookie(request, COOKIE, "/medewerker");
  if (raw) {
    try {
      const stored = JSON.parse(decrypt(raw)) as { secret: string; bindTo: string };
      if (stored.bindTo === bindTo && isTotpSecret(stored.secret)) return { secret: stored.secret };
    } catch {
      // Unreadable (an old key, tampering): make a new one.
    }
  }
  const secret = newTotpSecret();
  const value = encrypt(JSON.stringify({ secret, bindTo }));
  return {
    secret,
    setCookie: setCookieHeader(COOKIE, value, { path: "/medewerker", maxAge: TTL_SECONDS }),
  };
}

export function clearEnrolmentCookie(): string {
  return clearCookieHeader(COOKIE, { path: "/medewerker" });
}

/** What the page shows: the QR code (SVG made here) and the secret in groups of four. */
export async function enrolmentView(secret: string, label: string) {
  return { qrSvg: await totpQrSvg(totpUri(secret, label)), secretGrouped: groupSecret(secret) };
}
