/**
 * Passphrases are stored only as argon2id hashes, with one of OWASP's equivalent recommended settings:
 * 9 MiB, 4 passes, 1 lane. Of those sets it holds up best when the CPUs are busy (less memory traffic per
 * hash): about 15 ms on an idle core here, and it keeps a finished intake within its 150 ms p95 budget
 * (`npm run bench`). A passphrase carries 80 random bits, so the hash guards against a stolen database
 * file, not against weak human choices; stronger settings would buy little and cost every lookup.
 */
import { hash, verify } from "@node-rs/argon2";
import { normalisePassphrase } from "~/domain/passphrase";

// `Algorithm` is an ambient const enum in @node-rs/argon2's types, which isolatedModules cannot read:
// 2 is Algorithm.Argon2id.
const ARGON2ID = 2;

export const passphraseHashOptions = {
  algorithm: ARGON2ID,
  memoryCost: 9_216,
  timeCost: 4,
  parallelism: 1,
} as const;

/** Hashes the canonical form, so "7kqm 2xrt …" and "7KQM-2XRT-…" verify alike. */
export function hashPassphrase(passphrase: string): Promise<string> {
  const canonical = normalisePassphrase(passphrase);
  if (!canonical) throw new Error("Not a passphrase");
  return hash(canonical, passphraseHashOptions);
}

/** true when `typed` is the passphrase behind `storedHash`. Never throws on bad input. */
export async function verifyPassphrase(storedHash: string, typed: string): Promise<boolean> {
  const canonical = normalisePassphrase(typed);
  if (!canonical) {
    // Spend the same time as a real check, so a malformed guess is not faster than a wrong one.
    await verifyDummy();
    return false;
  }
  try {
    return await verify(storedHash, canonical);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * A verification against a hash that matches nothing, with the same parameters: a lookup for an unknown
 * case code costs the same time as one for a known code, so timing does not tell which codes exist.
 */
export async function verifyDummy(): Promise<false> {
  dummyHash ??= hash("0000000000000000", passphraseHashOptions);
  await verify(await dummyHash, "ZZZZZZZZZZZZZZZZ").catch(() => false);
  return false;
}
