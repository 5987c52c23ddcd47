/**
 * Staff credentials: passwords as argon2id hashes, a TOTP second factor (RFC 6238, 30-second steps, one
 * step of clock drift either way, each step usable once), and ten one-time recovery codes stored as hashes.
 */
import crypto from "node:crypto";
import { hash, verify, type Algorithm } from "@node-rs/argon2";
import * as OTPAuth from "otpauth";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import QRCode from "qrcode";
import { getDb, schema } from "./db.server";

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. `algorithm: 2` is Argon2id; the package declares
// its Algorithm as a const enum, which isolatedModules cannot import as a value.
const ARGON2ID = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * Checks a password against a throwaway hash, so an unknown email address costs as much time as a known
 * one and the answer time does not tell which addresses have accounts.
 */
export async function spendPasswordCheck(password: string): Promise<false> {
  dummy ??= hashPassword(crypto.randomBytes(16).toString("hex"));
  await verifyPassword(await dummy, password);
  return false;
}

// ---------------------------------------------------------------- TOTP

const ISSUER = "Aanspreekpunt ZIKOS";
const PERIOD = 30;

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

/** A base32 secret of the length newTotpSecret makes (160 bits). */
export function isTotpSecret(value: string): boolean {
  return /^[A-Z2-7]{32}$/.test(value);
}

function totp(secret: string, label = "") {
  return new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The QR code as SVG markup made here: no image is fetched from anywhere. */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
}

/** The secret in groups of four, easier to type into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * The time step `code` belongs to when it is right for `secret` now (one step of drift either way), else
 * null.
 */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: now, window: 1 });
  return delta === null ? null : OTPAuth.TOTP.counter({ period: PERIOD, timestamp: now }) + delta;
}

/**
 * Accepts a step for an account once: the same step (or an older one) is refused afterwards, so a code seen
 * over someone's shoulder cannot be used again. One conditional UPDATE on the staff row: atomic, and kept
 * across a restart (ADR 017).
 */
export function acceptTotpStep(staffId: number, step: number): boolean {
  return (
    getDb()
      .update(schema.staff)
      .set({ totpLastStep: step })
      .where(
        and(
          eq(schema.staff.id, staffId),
          or(isNull(schema.staff.totpLastStep), lt(schema.staff.totpLastStep, step)),
        ),
      )
      .run().changes === 1
  );
}

/** A new app means a new series of codes: forget the steps of the old one. */
export function forgetTotpSteps(staffId: number): void {
  getDb().update(schema.staff).set({ totpLastStep: null }).where(eq(schema.staff.id, staffId)).run();
}

/** For tests: the current code of a secret. */
export function totpCode(secret: string, now = Date.now()): string {
  return totp(secret).generate({ timestamp: now });
}

// ---------------------------------------------------------------- recovery codes

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i

/** Ten codes of 16 characters from 31 (about 79 bits each), shown as xxxx-xxxx-xxxx-xxxx. */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 16 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join("");
    return chars.replace(/(.{4})(?=.)/g, "$1-");
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{16}$/.test(normaliseRecoveryCode(code));
}

/** High-entropy codes need no slow hash; sha256 keeps the lookup a single indexed comparison. */
export function hashRecoveryCode(code: string): string {
  return crypto
    .createHash("sha256")
    .update(`recovery:${normaliseRecoveryCode(code)}`)
    .digest("hex");
}
