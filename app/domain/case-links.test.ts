import { describe, expect, it } from "vitest";
import { linkRefusal, linkRow, roleOf, type StoredLink } from "./case-links";

describe("linkRow and roleOf", () => {
  it("stores a duplicate with the duplicate first, and reads each side's role back", () => {
    const dup = linkRow(1, 2, "duplicate_of");
    expect(dup).toEqual({ caseId: 1, linkedCaseId: 2, kind: "duplicate" });
    expect(linkRow(2, 1, "original_of")).toEqual(dup);
    expect([roleOf(1, dup), roleOf(2, dup)]).toEqual(["duplicate_of", "original_of"]);
    const rel = linkRow(1, 2, "related");
    expect([roleOf(1, rel), roleOf(2, rel)]).toEqual(["related", "related"]);
  });
});

describe("linkRefusal", () => {
  const dup = (caseId: number, linkedCaseId: number): StoredLink => ({
    caseId,
    linkedCaseId,
    kind: "duplicate",
  });

  it("refuses a case linked to itself and a second link between the same two cases, either way", () => {
    expect(linkRefusal([], linkRow(1, 1, "related"))).toBe("self");
    expect(linkRefusal([dup(1, 2)], linkRow(2, 1, "related"))).toBe("already");
    expect(linkRefusal([], linkRow(1, 2, "related"))).toBeNull();
  });

  it("keeps a duplicate to one original and allows no chains", () => {
    expect(linkRefusal([dup(1, 2)], linkRow(1, 3, "duplicate_of"))).toBe("duplicateAlready");
    expect(linkRefusal([dup(1, 2)], linkRow(2, 3, "duplicate_of"))).toBe("duplicateHasDuplicates");
    expect(linkRefusal([dup(1, 2)], linkRow(3, 1, "duplicate_of"))).toBe("originalIsDuplicate");
    expect(linkRefusal([dup(1, 2)], linkRow(3, 2, "duplicate_of"))).toBeNull();
    expect(linkRefusal([dup(1, 2)], linkRow(1, 3, "related"))).toBeNull();
  });
});
