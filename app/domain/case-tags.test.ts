import { describe, expect, it } from "vitest";
import { addTagRefusal, normaliseTag, TAG_MAX_LENGTH, TAGS_PER_CASE_MAX } from "./case-tags";

describe("normaliseTag", () => {
  it("trims, collapses spaces and lower-cases, full-width letters read as plain ones", () => {
    expect(normaliseTag("  Tolk   Nodig ")).toEqual({ ok: true, tag: "tolk nodig" });
    expect(normaliseTag("ＭＥＤＩＡ")).toEqual({ ok: true, tag: "media" });
    expect(normaliseTag("IJssel")).toEqual({ ok: true, tag: "ijssel" });
  });

  it("refuses nothing typed, too many characters and control or invisible characters", () => {
    expect(normaliseTag(" \u00a0 ")).toEqual({ ok: false, problem: "required" });
    expect(normaliseTag("é".repeat(TAG_MAX_LENGTH))).toMatchObject({ ok: true });
    expect(normaliseTag("é".repeat(TAG_MAX_LENGTH + 1))).toEqual({ ok: false, problem: "tooLong" });
    for (const bad of ["a\tb", "a\nb", "a\u0000", "a\u202eb", "a\ufeff"])
      expect(normaliseTag(bad)).toEqual({ ok: false, problem: "controlChars" });
  });
});

describe("addTagRefusal", () => {
  it("refuses the same tag twice and one above the limit", () => {
    expect(addTagRefusal(["media"], "media")).toBe("already");
    const full = Array.from({ length: TAGS_PER_CASE_MAX }, (_, i) => `t${i}`);
    expect(addTagRefusal(full, "new")).toBe("tooMany");
    expect(addTagRefusal(full.slice(1), "new")).toBeNull();
  });
});
