import crypto from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CODE_BITS, formatLegacyPassphrase, generateLegacyPassphrase } from "./codes";
import {
  PASSPHRASE_WORDS,
  WORD_BITS,
  WORD_PASSPHRASE_BITS,
  formatPassphrase,
  generatePassphrase,
  normalisePassphrase,
  normaliseWordPassphrase,
  spellingKey,
} from "./passphrase";
import { WORDS_NL } from "./words-nl";

const random = (n: number) => new Uint8Array(crypto.randomBytes(n));

describe("the word list", () => {
  it("has 2,048 words of 4 to 8 letters a–z, each once", () => {
    expect(WORDS_NL).toHaveLength(2048);
    expect(new Set(WORDS_NL).size).toBe(WORDS_NL.length);
    for (const w of WORDS_NL) expect(w).toMatch(/^[a-z]{4,8}$/);
  });

  it("has no word whose spelling key starts another's (so phrases read back without spaces)", () => {
    const keys = WORDS_NL.map(spellingKey).sort();
    // Sorted, a key that starts another one comes right before it (or right before one that does).
    for (let i = 1; i < keys.length; i++) expect(keys[i]!.startsWith(keys[i - 1]!)).toBe(false);
  });

  it("leaves out words that hurt or point at locked care", () => {
    for (const w of [
      "cel",
      "dwang",
      "isoleer",
      "straf",
      "pijn",
      "dood",
      "moord",
      "bloed",
      "politie",
      "sleutel",
    ]) {
      expect(WORDS_NL).not.toContain(w);
    }
  });
});

describe("the passphrase", () => {
  it("has five words and, with the case code, well over 80 bits", () => {
    expect(PASSPHRASE_WORDS).toBe(5);
    expect(WORD_BITS).toBe(11);
    expect(WORD_PASSPHRASE_BITS).toBe(55);
    expect(CODE_BITS + WORD_PASSPHRASE_BITS).toBeGreaterThanOrEqual(80);
    const phrase = generatePassphrase(random);
    expect(phrase.split(" ")).toHaveLength(5);
    for (const w of phrase.split(" ")) expect(WORDS_NL).toContain(w);
  });

  it("picks every word equally often (no bias from the random bytes)", () => {
    // Every 16-bit value once: each of the 2,048 words must come out exactly 32 times.
    const counts = new Map<string, number>();
    for (let v = 0; v < 65536; v += 5) {
      const bytes = new Uint8Array(10);
      for (let i = 0; i < 5; i++) {
        const x = (v + i) % 65536;
        bytes[2 * i] = x >> 8;
        bytes[2 * i + 1] = x & 255;
      }
      for (const w of generatePassphrase(() => bytes).split(" ")) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    expect(counts.size).toBe(2048);
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
  });

  it("refuses a random source that returns too few bytes", () => {
    expect(() => generatePassphrase(() => new Uint8Array(3))).toThrow(/too few/);
  });
});

describe("reading a typed passphrase", () => {
  const phrase = "appel fiets wolken zomer tafel";

  it("accepts any spacing, case, hyphens and punctuation", () => {
    for (const typed of [
      phrase,
      "Appel Fiets Wolken Zomer Tafel",
      "  appel-fiets-wolken-zomer-tafel ",
      "appel.fiets, wolken / zomer_tafel",
      "APPEL\nFIETS\twolken  zomer   tafel",
      "appelfietswolkenzomertafel",
      "appel fietswolken zomertafel",
    ]) {
      expect(normalisePassphrase(typed), typed).toBe(phrase);
    }
  });

  it("accepts the two ways Dutch writes one sound, and accents", () => {
    expect(normaliseWordPassphrase("vrei bijen zout appel tafel")).toBe("vrij bijen zout appel tafel");
    expect(normaliseWordPassphrase("vry beien zaut appel tafel")).toBe("vrij bijen zout appel tafel");
    expect(normaliseWordPassphrase("vrĳ bíjen zout áppel tafel")).toBe("vrij bijen zout appel tafel");
  });

  it("reads words run together where one ends and the next begins with a look-alike pair", () => {
    // "auto" + "uren": the letters "ou" across the join must not be read as one sound.
    expect(normaliseWordPassphrase("autouren appel tafel fiets")).toBe("auto uren appel tafel fiets");
  });

  it("refuses too few or too many words, unknown words, digits and very long input", () => {
    expect(normalisePassphrase("appel fiets wolken zomer")).toBeNull();
    expect(normalisePassphrase(`${phrase} appel`)).toBeNull();
    expect(normalisePassphrase("appel fiets wolken zomer tafelx")).toBeNull();
    expect(normalisePassphrase("appel fiets wolken zomer tafel1")).toBeNull();
    expect(normalisePassphrase("appel ".repeat(60))).toBeNull();
    expect(normalisePassphrase("")).toBeNull();
  });

  it("gives back any generated phrase from its shown form, typed in any way", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        fc.constantFrom(" ", "-", "", "  ", ". "),
        fc.boolean(),
        (bytes, separator, upper) => {
          const generated = generatePassphrase(() => bytes);
          const typed = formatPassphrase(generated).split(" ").join(separator);
          expect(normalisePassphrase(upper ? typed.toUpperCase() : typed)).toBe(generated);
        },
      ),
    );
  });

  it("still reads the 16 symbols of a case made before the words", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const old = generateLegacyPassphrase(() => bytes);
        expect(normalisePassphrase(formatLegacyPassphrase(old).toLowerCase())).toBe(old);
        expect(formatPassphrase(old)).toBe(formatLegacyPassphrase(old));
      }),
    );
  });
});
