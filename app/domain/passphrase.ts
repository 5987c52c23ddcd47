/**
 * The passphrase: five words from a plain Dutch word list (docs/decisions/028), drawn with the caller's
 * random bytes. Passphrases made before the words (16 symbols, ADR 005) keep working: what a person types
 * is read as words when it can be, else as the old symbols. Pure; the server hashes the canonical form.
 */
import { formatLegacyPassphrase, normaliseLegacyPassphrase, type RandomBytes } from "./codes";
import { WORDS_NL } from "./words-nl";

export const PASSPHRASE_WORDS = 5;
export const WORD_BITS = Math.log2(WORDS_NL.length); // 11 for 2,048 words

/**
 * List words a new phrase never holds: they say what the phrase is for, and it is written on the
 * receipt's note and in the downloaded file, which someone else may find (ADR 028, amended). Typed in
 * an older phrase they are still read: the list itself is unchanged.
 */
export const NOT_IN_NEW_PHRASES: ReadonlySet<string> = new Set(["klacht", "verhaal"]);

/** The strength of a new phrase: five words from the list without NOT_IN_NEW_PHRASES (about 54.99 bits). */
export const WORD_PASSPHRASE_BITS = PASSPHRASE_WORDS * Math.log2(WORDS_NL.length - NOT_IN_NEW_PHRASES.size);

/**
 * The spelling key of a word: the sounds Dutch writes two ways count as one ("ij" or "ei" or "y",
 * "ou" or "au"), so "vrij" typed as "vrei" is still read. The list has no two words with one key, and no
 * key that starts another, which is also what lets a phrase typed without spaces be read back.
 */
export const spellingKey = (word: string) => word.replace(/ij|y/g, "ei").replace(/ou/g, "au");

const byKey = new Map(WORDS_NL.map((w) => [spellingKey(w), w]));
const MAX_WORD = Math.max(...WORDS_NL.map((w) => w.length));
/** Far above five words with spaces; bounds the work spent on what a stranger sends. */
const MAX_INPUT = 200;

/**
 * A new passphrase in its canonical form: five words, lowercase, one space between. A draw holding a word
 * of NOT_IN_NEW_PHRASES is thrown away whole and drawn again (about 1 in 200 draws): every phrase without
 * those words stays exactly as likely as any other.
 */
export function generatePassphrase(randomBytes: RandomBytes): string {
  const size = WORDS_NL.length;
  // A power of two divides 65,536: the low bits of two random bytes pick a word without bias.
  if ((size & (size - 1)) !== 0) throw new Error("The word list must have a power-of-two size");
  for (let attempt = 0; attempt < 100; attempt++) {
    const bytes = randomBytes(PASSPHRASE_WORDS * 2);
    if (bytes.length < PASSPHRASE_WORDS * 2) throw new Error("randomBytes returned too few bytes");
    const words: string[] = [];
    for (let i = 0; i < PASSPHRASE_WORDS; i++) {
      words.push(WORDS_NL[((bytes[2 * i]! << 8) | bytes[2 * i + 1]!) & (size - 1)]!);
    }
    if (!words.some((w) => NOT_IN_NEW_PHRASES.has(w))) return words.join(" ");
  }
  // A hundred draws in a row each holding one of two words out of 2,048: the random source is broken.
  throw new Error("randomBytes keeps returning the same bytes");
}

/** The words of one run of letters, or null when it is not made of list words. */
function splitRun(run: string, budget: number): string[] | null {
  if (run === "") return [];
  if (budget === 0) return null;
  // The list is prefix-free by key; more than one reading is still tried, since a spelling key is made
  // of the letters of one word and two words side by side can look like another split ("auto|uur").
  for (let len = Math.min(run.length, MAX_WORD + 1); len >= 3; len--) {
    const word = byKey.get(spellingKey(run.slice(0, len)));
    if (!word) continue;
    const rest = splitRun(run.slice(len), budget - 1);
    if (rest) return [word, ...rest];
  }
  return null;
}

/**
 * The words a person typed, in canonical form, or null. Case, accents, spaces, hyphens, dots and other
 * punctuation do not matter, nor do words run together; each word may be spelled with "ei" for "ij"
 * (and back) or "au" for "ou".
 */
export function normaliseWordPassphrase(input: string): string | null {
  if (input.length > MAX_INPUT) return null;
  const runs = input
    .normalize("NFKC") // "ĳ" (one character) is "ij"
    .normalize("NFD")
    .replace(/\p{M}/gu, "") // "é" is "e"
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const words: string[] = [];
  for (const run of runs) {
    if (!/^[a-z]+$/.test(run)) return null;
    const found = splitRun(run, PASSPHRASE_WORDS - words.length);
    if (!found) return null;
    words.push(...found);
  }
  return words.length === PASSPHRASE_WORDS ? words.join(" ") : null;
}

/**
 * Canonical form of a typed passphrase of either kind: five words ("appel tafel …") or the 16 symbols of
 * an older case ("7KQM2XRT9HBD4WPN"). They cannot be mistaken: five words have at least 20 letters.
 */
export function normalisePassphrase(input: string): string | null {
  return normaliseWordPassphrase(input) ?? normaliseLegacyPassphrase(input);
}

/** For showing: the words as they are, the old symbols in groups of four. */
export function formatPassphrase(canonical: string): string {
  return canonical.includes(" ") ? canonical : formatLegacyPassphrase(canonical);
}
