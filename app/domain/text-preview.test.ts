import { describe, expect, it } from "vitest";
import { textPreview } from "./text-preview";

describe("textPreview", () => {
  it("keeps a short text whole", () => {
    expect(textPreview("kort 😀", 10)).toEqual({ preview: "kort 😀", more: 0 });
  });

  it("never cuts a character in half: emoji, joined emoji, flags, accents", () => {
    for (const ch of ["😀", "👩‍👩‍👧", "🇳🇱", "👍🏽", "e\u0301"]) {
      const text = "a".repeat(9) + ch.repeat(5);
      for (let max = 9; max < 14; max++) {
        const { preview, more } = textPreview(text, max);
        expect(text.startsWith(preview)).toBe(true);
        expect(preview).toBe("a".repeat(9) + ch.repeat(max - 9));
        expect(more).toBe(14 - max);
        expect(preview).not.toMatch(/[\uD800-\uDBFF]$/);
      }
    }
  });
});
