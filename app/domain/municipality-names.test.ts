import { describe, expect, it } from "vitest";
import {
  municipalityEntries,
  normaliseName,
  resolveMunicipality,
  searchMunicipalities,
} from "./municipality-names";

const entries = municipalityEntries(
  [
    { code: "GM0518", name: "'s-Gravenhage" },
    { code: "GM0796", name: "'s-Hertogenbosch" },
    { code: "GM1950", name: "Westerwolde" },
    { code: "GM1900", name: "Súdwest-Fryslân" },
    { code: "GM0164", name: "Hengelo (O.)" },
    { code: "GM0373", name: "Bergen (NH.)" },
    { code: "GM0893", name: "Bergen (L.)" },
    { code: "GM1952", name: "Midden-Groningen" },
    { code: "GM0363", name: "Amsterdam" },
  ],
  [
    { oldCode: "GM0048", oldName: "Vlagtwedde", successorCode: "GM1950" },
    { oldCode: "GM0018", oldName: "Hoogezand-Sappemeer", successorCode: "GM1952" },
    // A merger of a merger ends at today's municipality.
    { oldCode: "GM9998", oldName: "Oudste", successorCode: "GM9999" },
    { oldCode: "GM9999", oldName: "Tussen", successorCode: "GM1952" },
  ],
);

describe("municipality names", () => {
  it("ignores case, accents, apostrophes and punctuation", () => {
    expect(normaliseName("’s-Gravenhage")).toBe("s gravenhage");
    expect(normaliseName("Súdwest-Fryslân")).toBe("sudwest fryslan");
  });

  it.each([
    ["Den Haag", "GM0518"],
    ["den haag", "GM0518"],
    ["The Hague", "GM0518"],
    ["Hague", "GM0518"],
    ["'s-Gravenhage", "GM0518"],
    ["s Gravenhage", "GM0518"],
    ["Den Bosch", "GM0796"],
    ["sudwest-fryslan", "GM1900"],
    ["Vlagtwedde", "GM1950"],
    ["Oudste", "GM1952"],
    ["Hengelo", "GM0164"],
    ["Bergen (L.)", "GM0893"],
    ["GM0363", "GM0363"],
    ["  amsterdam ", "GM0363"],
  ])("resolves %s", (typed, code) => {
    expect(resolveMunicipality(entries, typed)).toBe(code);
  });

  it.each(["Bergen", "Atlantis", "", "Den"])("resolves nothing for %j", (typed) => {
    expect(resolveMunicipality(entries, typed)).toBeUndefined();
  });

  it("finds a municipality by an alias or a former name and says how", () => {
    expect(searchMunicipalities(entries, "haag")).toEqual([
      { code: "GM0518", name: "'s-Gravenhage", via: { kind: "alias", name: "Den Haag" } },
    ]);
    expect(searchMunicipalities(entries, "vlagt")).toEqual([
      { code: "GM1950", name: "Westerwolde", via: { kind: "former", name: "Vlagtwedde" } },
    ]);
    expect(searchMunicipalities(entries, "berg").map((m) => m.code)).toEqual(["GM0373", "GM0893"]);
    expect(searchMunicipalities(entries, "xyz")).toEqual([]);
    expect(searchMunicipalities(entries, "")).toHaveLength(9);
  });
});
