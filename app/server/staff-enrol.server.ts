/**
 * A new TOTP secret stays the same while someone sets up their app, across wrong codes and page reloads,
 * without storing it anywhere before the account has it: it travels encrypted in a short-lived httpOnly
 * cookie, bound to the link or the half-finished sign-in it was made for.
 */
import { getEnv } from "~/config/env.server";
import { decrypt, encrypt } from "./crypto.server";
import { readCookie } from "./reporter-session.server";
import { groupSecret, isTotpSecret, newTotpSecret, totpQrSvg, totpUri } from "./staff-auth.server";

const COOKIE = "ap_staff_enrol";
const TTL_SECONDS = 3600;

function secure(): string {
  return getEnv().PUBLIC_URL.startsWith("https://") ? "; Secure" : "";
}

export function enrolmentSecret(request: Request, bindTo: string): { secret: string; setCookie?: string } {
  const raw = readCookie(request, COOKIE);
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
    setCookie: `${COOKIE}=${value}; Path=/medewerker; HttpOnly; SameSite=Lax; Max-Age=${TTL_SECONDS}${secure()}`,
  };
}

export function clearEnrolmentCookie(): string {
  return `${COOKIE}=; Path=/medewerker; HttpOnly; SameSite=Lax; Max-Age=0${secure()}`;
}

/** What the page shows: the QR code (SVG made here) and the secret in groups of four. */
export async function enrolmentView(secret: string, label: string) {
  return { qrSvg: await totpQrSvg(totpUri(secret, label)), secretGrouped: groupSecret(secret) };
}
