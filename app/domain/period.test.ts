import { describe, expect, it } from "vitest";
import { formatPeriod, periodOf } from "./period";

const words: Record<string, string> = {
  "common:period.between": "{{from}} tot en met {{to}}",
  "common:period.from": "Vanaf {{from}}",
  "common:period.until": "Tot en met {{to}}",
};
const t = (key: string, values: { from?: number; to?: number }) =>
  words[key]!.replace("{{from}}", String(values.from)).replace("{{to}}", String(values.to));

describe("a period of years", () => {
  it("reads years as years, whatever their size (2021 is not an instant of 1970)", () => {
    expect(formatPeriod(periodOf(2021, 2022), t)).toBe("2021 tot en met 2022");
    expect(formatPeriod(periodOf(2000, 2000), t)).toBe("2000");
  });

  it("says which end is known when only one is", () => {
    expect(formatPeriod(periodOf(2021, null), t)).toBe("Vanaf 2021");
    expect(formatPeriod(periodOf(undefined, 2023), t)).toBe("Tot en met 2023");
  });

  it("is nothing when no year was given", () => {
    expect(formatPeriod(periodOf(null, null), t)).toBeNull();
  });

  it("takes only whole four-digit years as ends", () => {
    expect(periodOf(1_609_459_200_000, 2.5)).toEqual({ fromYear: null, toYear: null });
  });
});
