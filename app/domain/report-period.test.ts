import { describe, expect, it } from "vitest";
import { parsePeriod } from "./report-period";

const p = (q: string) => parsePeriod(new URLSearchParams(q), "2026-11-22");

describe("report period from the query string", () => {
  it("defaults to this half-year", () => {
    expect(p("")).toMatchObject({ preset: "dit-halfjaar", period: { from: "2026-07-01", to: "2026-12-31" } });
  });

  it("knows the presets", () => {
    expect(p("periode=vorig-halfjaar").period).toEqual({ from: "2026-01-01", to: "2026-06-30" });
    expect(p("periode=vorig-jaar").period).toEqual({ from: "2025-01-01", to: "2025-12-31" });
  });

  it("takes two months, inclusive, to the last day of the second", () => {
    expect(p("van=2024-02&tot=2024-02")).toMatchObject({
      preset: null,
      period: { from: "2024-02-01", to: "2024-02-29" },
    });
    expect(p("van=2025-11&tot=2026-01").period).toEqual({ from: "2025-11-01", to: "2026-01-31" });
  });

  it("falls back to this half-year with a reason on bad input", () => {
    expect(p("van=2026-13&tot=2026-01")).toMatchObject({ error: "invalidMonth", preset: "dit-halfjaar" });
    expect(p("van=2026-05&tot=2026-01")).toMatchObject({ error: "order" });
    expect(p("van=2020-01&tot=2026-01")).toMatchObject({ error: "tooLong" });
    expect(p("van=2026-01")).toMatchObject({ error: "invalidMonth" });
  });
});
