import { describe, expect, it } from "vitest";
import {
  caseSearchTerms,
  normaliseEmail,
  normaliseName,
  normalisePhone,
  parseSearchQuery,
} from "./search-terms";

describe("search normalisation", () => {
  it("reads one phone number however it is written", () => {
    for (const typed of ["06-12345678", "0612345678", "+31 6 1234 5678", "0031612345678", "(06) 12 34 56 78"])
      expect(normalisePhone(typed), typed).toBe("612345678");
    expect(normalisePhone("+44 20 7946 0958")).toBe("00442079460958");
    expect(normalisePhone("123")).toBeNull();
  });

  it("trims and lower-cases e-mail addresses", () => {
    expect(normaliseEmail("  Sam.Jansen@Example.ORG ")).toBe("sam.jansen@example.org");
    expect(normaliseEmail("geen adres")).toBeNull();
  });

  it("folds accents, case and whitespace in names", () => {
    expect(normaliseName("  José   DE  Vries ")).toBe("jose de vries");
    expect(normaliseName("Zoë")).toBe("zoe");
    expect(normaliseName(" ,. ")).toBeNull();
  });

  it("stores the whole name and each of its words, e-mail and news address, and phone", () => {
    const terms = caseSearchTerms(
      { name: "Sam de Jansen", email: "Sam@example.org", phone: "06 1234 5678" },
      "sam@example.org",
    );
    expect(terms).toEqual([
      { field: "email", value: "sam@example.org" },
      { field: "phone", value: "612345678" },
      { field: "name", value: "sam de jansen" },
      { field: "name_token", value: "sam" },
      { field: "name_token", value: "de" },
      { field: "name_token", value: "jansen" },
    ]);
    expect(caseSearchTerms(null, null)).toEqual([]);
  });

  it("reads a search box entry as a code, an address, a number or a name", () => {
    expect(parseSearchQuery("7kqm 2xrt").code).toBe("7KQM2XRT");
    // A name can read as a code too ("Johannes"): both are looked up.
    expect(parseSearchQuery("Johannes")).toEqual({
      code: "J0HANNES",
      term: { field: "name_token", value: "johannes" },
    });
    expect(parseSearchQuery("7kqm2xrt")).toEqual({
      code: "7KQM2XRT",
      term: { field: "name_token", value: "7kqm2xrt" },
    });
    // Crockford: O is 0, I and L are 1.
    expect(parseSearchQuery("OKQM-2XRl").code).toBe("0KQM2XR1");
    expect(parseSearchQuery("SAM@example.org ")).toEqual({
      code: null,
      term: { field: "email", value: "sam@example.org" },
    });
    expect(parseSearchQuery("+31 6 12345678").term).toEqual({ field: "phone", value: "612345678" });
    expect(parseSearchQuery("Jansen").term).toEqual({ field: "name_token", value: "jansen" });
    expect(parseSearchQuery("Sam  de Jansen").term).toEqual({ field: "name", value: "sam de jansen" });
    expect(parseSearchQuery("   ")).toEqual({ code: null, term: null });
  });
});
