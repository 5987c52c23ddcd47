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
  NOT_IN_NEW_PHRASES,
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

describe("words that say what the phrase is for", () => {
  /** Two random bytes that pick this word (its index in the list, high byte first). */
  const bytesOf = (word: string) => {
    const i = WORDS_NL.indexOf(word);
    return [i >> 8, i & 0xff];
  };
  const draws = (...phrases: string[][]) => {
    const queue = phrases.map((p) => new Uint8Array(p.flatMap(bytesOf)));
    let calls = 0;
    const source = (n: number) => {
      calls++;
      const next = queue.shift()!;
      expect(next).toHaveLength(n);
      return next;
    };
    return { source, calls: () => calls };
  };

  it("are in the list, and a draw holding one is drawn again whole", () => {
    for (const w of NOT_IN_NEW_PHRASES) expect(WORDS_NL).toContain(w);
    const plain = ["appel", "tafel", "fiets", "boom", "water"].filter((w) => WORDS_NL.includes(w));
    const five = [...plain, ...WORDS_NL.filter((w) => !NOT_IN_NEW_PHRASES.has(w))].slice(0, 5);
    const { source, calls } = draws(["klacht", ...five.slice(1)], [...five.slice(0, 4), "verhaal"], five);
    expect(generatePassphrase(source)).toBe(five.join(" "));
    expect(calls()).toBe(3);
  });

  it("are never in 5,000 new phrases (about 25 draws would have held one), and an older phrase that holds one still opens its case", () => {
    for (let i = 0; i < 5_000; i++) {
      for (const w of generatePassphrase(random).split(" ")) expect(NOT_IN_NEW_PHRASES.has(w)).toBe(false);
    }
    const older = ["klacht", ...WORDS_NL.slice(0, 3), "verhaal"].join(" ");
    expect(normaliseWordPassphrase(older.toUpperCase())).toBe(older);
  });
});

describe("the passphrase", () => {
  it("has five words and, with the case code, well over 80 bits", () => {
    expect(PASSPHRASE_WORDS).toBe(5);
    expect(WORD_BITS).toBe(11);
    expect(WORD_PASSPHRASE_BITS).toBeGreaterThan(54.99);
    expect(WORD_PASSPHRASE_BITS).toBeLessThan(55);
    expect(CODE_BITS + WORD_PASSPHRASE_BITS).toBeGreaterThanOrEqual(80);
    const phrase = generatePassphrase(random);
    expect(phrase.split(" ")).toHaveLength(5);
    for (const w of phrase.split(" ")) expect(WORDS_NL).toContain(w);
  });

  it("picks every word equally often (no bias from the random bytes)", () => {
    // Every 16-bit value once, five times over in one draw: each of the 2,046 words a new phrase may hold
    // must come out exactly 32 × 5 times; a draw of a left-out word is drawn again (not counted here).
    const counts = new Map<string, number>();
    for (let x = 0; x < 65536; x++) {
      const bytes = new Uint8Array(10);
      for (let i = 0; i < 5; i++) {
        bytes[2 * i] = x >> 8;
        bytes[2 * i + 1] = x & 255;
      }
      let calls = 0;
      const phrase = generatePassphrase(() => (calls++ === 0 ? bytes : new Uint8Array(10)));
      if (calls > 1) {
        expect(NOT_IN_NEW_PHRASES.has(WORDS_NL[x & 2047]!)).toBe(true);
        continue;
      }
      for (const w of phrase.split(" ")) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    expect(counts.size).toBe(2048 - NOT_IN_NEW_PHRASES.size);
    expect(new Set(counts.values())).toEqual(new Set([32 * 5]));
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
          // The given bytes first; a draw they make of a left-out word is drawn again at random.
          let calls = 0;
          const generated = generatePassphrase((n) => (calls++ === 0 ? bytes : random(n)));
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
