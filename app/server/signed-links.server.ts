/**
 * Links for receiving organisations (`/verwijzing/<token>`): signed with a key derived from
 * SESSION_SECRET, expiring, and scoped to one referral and one link version (renewing a link bumps the
 * version, so the old link stops working). The token says nothing readable about the case.
 */
import crypto from "node:crypto";
import { getEnv, secretBytes } from "~/config/env.server";
import { safeEqual } from "./crypto.server";

export type LinkClaims = { referralId: number; version: number; expiresAt: number };

function linkKey(secret: string): Buffer {
  return Buffer.from(
    crypto.hkdfSync("sha256", secretBytes(secret)!, Buffer.alloc(0), "aanspreekpunt referral link v1", 32),
  );
}

export function signLinkWith(secret: string, claims: LinkClaims): string {
  const payload = Buffer.from(`${claims.referralId}.${claims.version}.${claims.expiresAt}`).toString(
    "base64url",
  );
  const sig = crypto.createHmac("sha256", linkKey(secret)).update(payload).digest("base64url");
  return `${payload}.${sig}`;
}

export type LinkCheck =
  { ok: true; claims: LinkClaims } | { ok: false; reason: "malformed" | "signature" | "expired" };

export function verifyLinkWith(secret: string, token: string, now: number): LinkCheck {
  const [payload, sig, extra] = token.split(".");
  if (!payload || !sig || extra !== undefined) return { ok: false, reason: "malformed" };
  const expected = crypto.createHmac("sha256", linkKey(secret)).update(payload).digest("base64url");
  if (!safeEqual(sig, expected)) return { ok: false, reason: "signature" };
  const parts = Buffer.from(payload, "base64url").toString("utf8").split(".").map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isSafeInteger(n)))
    return { ok: false, reason: "malformed" };
  const [referralId, version, expiresAt] = parts as [number, number, number];
  if (now > expiresAt) return { ok: false, reason: "expired" };
  return { ok: true, claims: { referralId, version, expiresAt } };
}

export const signLink = (claims: LinkClaims) => signLinkWith(getEnv().SESSION_SECRET, claims);
export const verifyLink = (token: string, now = Date.now()) =>
  verifyLinkWith(getEnv().SESSION_SECRET, token, now);
