import crypto from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CODE_ALPHABET,
  CODE_BITS,
  LEGACY_PASSPHRASE_BITS,
  formatCaseCode,
  formatLegacyPassphrase,
  generateCaseCode,
  generateLegacyPassphrase,
  normaliseCaseCode,
  normaliseLegacyPassphrase,
} from "./codes";

const random = (n: number) => new Uint8Array(crypto.randomBytes(n));

describe("the alphabet", () => {
  it("has 32 distinct symbols and none a person confuses (I, L, O, U)", () => {
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    expect(CODE_ALPHABET).toMatch(/^[0-9A-Z]+$/);
    for (const ch of "ILOU") expect(CODE_ALPHABET).not.toContain(ch);
  });
});

describe("case codes and the passphrases of older cases", () => {
  it("have the documented lengths and entropy", () => {
    const code = generateCaseCode(random);
    const passphrase = generateLegacyPassphrase(random);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(passphrase).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(CODE_BITS).toBe(40);
    expect(LEGACY_PASSPHRASE_BITS).toBe(80);
  });

  it("map every byte value to a symbol without bias", () => {
    // All 256 byte values once: each of the 32 symbols must come out exactly 8 times.
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    let offset = 0;
    const counting = (n: number) => {
      const out = all.subarray(offset, offset + n);
      offset += n;
      return out;
    };
    let symbols = "";
    while (offset < 256) symbols += generateCaseCode(counting);
    const counts = new Map<string, number>();
    for (const ch of symbols) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(32);
    expect([...counts.values()].every((c) => c === 8)).toBe(true);
  });

  it("use every symbol in practice and rarely repeat", () => {
    const seen = new Set<string>();
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = generateCaseCode(random);
      codes.add(code);
      for (const ch of code) seen.add(ch);
    }
    expect(seen.size).toBe(32);
    expect(codes.size).toBe(2000);
  });

  it("refuse a random source that returns too few bytes", () => {
    expect(() => generateLegacyPassphrase(() => new Uint8Array(3))).toThrow(/too few/);
  });

  it("are shown in groups of four", () => {
    expect(formatCaseCode("7KQM2XRT")).toBe("7KQM-2XRT");
    expect(formatLegacyPassphrase("7KQM2XRT9HBD4WPN")).toBe("7KQM-2XRT-9HBD-4WPN");
  });
});

describe("reading what a person typed", () => {
  it("accepts lower case, spaces, hyphens and confusable letters", () => {
    expect(normaliseCaseCode("7kqm-2xrt")).toBe("7KQM2XRT");
    expect(normaliseCaseCode(" 7KQM 2XRT ")).toBe("7KQM2XRT");
    expect(normaliseCaseCode("OIL1-ABCD")).toBe("0111ABCD");
    expect(normaliseLegacyPassphrase("7kqm 2xrt–9hbd.4wpn")).toBe("7KQM2XRT9HBD4WPN");
  });

  it("rejects the wrong length and symbols outside the alphabet", () => {
    expect(normaliseCaseCode("7KQM-2XR")).toBeNull();
    expect(normaliseCaseCode("7KQM-2XRTT")).toBeNull();
    expect(normaliseCaseCode("7KQM-2XRU")).toBeNull();
    expect(normaliseCaseCode("7KQM-2XR!")).toBeNull();
    expect(normaliseLegacyPassphrase("")).toBeNull();
  });

  it("gives back any generated value from its shown form, in any case", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.boolean(), (bytes, lower) => {
        const passphrase = generateLegacyPassphrase(() => bytes);
        const shown = formatLegacyPassphrase(passphrase);
        expect(normaliseLegacyPassphrase(lower ? shown.toLowerCase() : shown)).toBe(passphrase);
        const code = generateCaseCode(() => bytes.subarray(0, 8));
        expect(normaliseCaseCode(formatCaseCode(code).replace("-", " "))).toBe(code);
      }),
    );
  });
});
