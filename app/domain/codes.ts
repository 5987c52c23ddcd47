/**
 * Receipt codes: a case code that identifies and, for cases made before passphrases were words
 * (docs/decisions/028), the passphrase that authorises (see docs/decisions/005-receipt-code-and-passphrase.md). Both use Crockford's base32 alphabet: digits and
 * capitals without I, L, O and U, so nothing looks or sounds like something else when written down or
 * read aloud. Pure: the caller hands in the source of random bytes.
 */

/** Crockford base32: 32 symbols, 5 bits each. */
export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export const CODE_LENGTH = 8; // shown as XXXX-XXXX
export const PASSPHRASE_GROUPS = 4;
export const PASSPHRASE_GROUP_LENGTH = 4; // shown as XXXX-XXXX-XXXX-XXXX
export const PASSPHRASE_LENGTH = PASSPHRASE_GROUPS * PASSPHRASE_GROUP_LENGTH;

const BITS_PER_SYMBOL = Math.log2(CODE_ALPHABET.length);
export const CODE_BITS = CODE_LENGTH * BITS_PER_SYMBOL; // 40
export const LEGACY_PASSPHRASE_BITS = PASSPHRASE_LENGTH * BITS_PER_SYMBOL; // 80

export type RandomBytes = (count: number) => Uint8Array;

/**
 * `length` symbols drawn uniformly: 256 is a multiple of 32, so the low five bits of a random byte are an
 * unbiased symbol.
 */
function randomSymbols(length: number, randomBytes: RandomBytes): string {
  const bytes = randomBytes(length);
  if (bytes.length < length) throw new Error("randomBytes returned too few bytes");
  let out = "";
  for (let i = 0; i < length; i++) out += CODE_ALPHABET[bytes[i]! & 31];
  return out;
}

/** A new case code in its canonical form (8 symbols, no separator). */
export function generateCaseCode(randomBytes: RandomBytes): string {
  return randomSymbols(CODE_LENGTH, randomBytes);
}

/**
 * A passphrase of the first scheme (16 symbols, no separators). New cases get words
 * (app/domain/passphrase.ts); this stays for the tests of cases made before.
 */
export function generateLegacyPassphrase(randomBytes: RandomBytes): string {
  return randomSymbols(PASSPHRASE_LENGTH, randomBytes);
}

function groups(canonical: string, size: number): string {
  return (canonical.match(new RegExp(`.{1,${size}}`, "g")) ?? []).join("-");
}

/** For showing: "7KQM-2XRT". */
export const formatCaseCode = (canonical: string) => groups(canonical, 4);

/** For showing an old passphrase: "7KQM-2XRT-9HBD-4WPN". */
export const formatLegacyPassphrase = (canonical: string) => groups(canonical, PASSPHRASE_GROUP_LENGTH);

/**
 * What a person typed, in canonical form: case and separators (spaces, hyphens, dots, underscores) do not
 * matter, and the letters people confuse with digits are read as those digits (O → 0, I and L → 1), as
 * Crockford's decoding rules say. Anything else outside the alphabet makes it unreadable: null.
 */
function normalise(input: string, length: number): string | null {
  const cleaned = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-–—._]+/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (cleaned.length !== length) return null;
  for (const ch of cleaned) if (!CODE_ALPHABET.includes(ch)) return null;
  return cleaned;
}

export const normaliseCaseCode = (input: string) => normalise(input, CODE_LENGTH);
export const normaliseLegacyPassphrase = (input: string) => normalise(input, PASSPHRASE_LENGTH);
