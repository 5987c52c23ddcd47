/**
 * Encryption at rest: AES-256-GCM with a random 96-bit IV per value. The stored form is
 * `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts), so keys can rotate: new values use the current
 * key, old values are read with whichever key their id names. See docs/decisions/004-encryption-at-rest.md.
 */
import crypto from "node:crypto";
import { getEnv, secretBytes } from "~/config/env.server";

export type Keyring = { currentId: string; keys: Map<string, Buffer> };

export function keyId(key: Buffer): string {
  return crypto.createHash("sha256").update(key).digest("hex").slice(0, 8);
}

/** Derives the 256-bit data key from the configured secret (which may be longer than 32 bytes). */
function dataKey(secret: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", secret, Buffer.alloc(0), "aanspreekpunt data key v1", 32));
}

export function makeKeyring(current: string, old: string[] = []): Keyring {
  const keys = new Map<string, Buffer>();
  const cur = secretBytes(current);
  if (!cur) throw new Error("DATA_ENCRYPTION_KEY is not a valid key");
  const curKey = dataKey(cur);
  keys.set(keyId(curKey), curKey);
  for (const o of old) {
    const b = secretBytes(o);
    if (b) {
      const k = dataKey(b);
      keys.set(keyId(k), k);
    }
  }
  return { currentId: keyId(curKey), keys };
}

let ring: Keyring | undefined;
function keyring(): Keyring {
  if (!ring) {
    const env = getEnv();
    const old = (env.DATA_ENCRYPTION_KEYS_OLD ?? "").split(",").filter(Boolean);
    ring = makeKeyring(env.DATA_ENCRYPTION_KEY, old);
  }
  return ring;
}

export function encryptWith(ringIn: Keyring, plaintext: string): string {
  const key = ringIn.keys.get(ringIn.currentId)!;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    "v1",
    ringIn.currentId,
    iv.toString("base64url"),
    tag.toString("base64url"),
    ct.toString("base64url"),
  ].join(".");
}

export function decryptWith(ringIn: Keyring, stored: string): string {
  const [version, id, iv, tag, ct] = stored.split(".");
  if (version !== "v1" || !id || iv === undefined || tag === undefined || ct === undefined) {
    throw new Error("Not an encrypted value");
  }
  const key = ringIn.keys.get(id);
  if (!key) throw new Error(`No key with id ${id} is configured`);
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}

export const encrypt = (plaintext: string) => encryptWith(keyring(), plaintext);
export const decrypt = (stored: string) => decryptWith(keyring(), stored);

export const encryptJson = (value: unknown) => encrypt(JSON.stringify(value));
export function decryptJson<T>(stored: string | null | undefined): T | null {
  return stored ? (JSON.parse(decrypt(stored)) as T) : null;
}

/** A keyed hash for looking things up without storing them (session ids, rate-limit keys). */
export function sha256(value: string): string {
  return crypto.createHash("sha256").update(value).digest("hex");
}

export function hmac(value: string): string {
  return crypto.createHmac("sha256", secretBytes(getEnv().SESSION_SECRET)!).update(value).digest("base64url");
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && crypto.timingSafeEqual(ba, bb);
}
