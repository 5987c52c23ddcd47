import { describe, expect, it } from "vitest";
import { isRelated, yearRangeOf, rangesOverlap, summarisePattern } from "./related-cases";

const y = (year: number) => Date.UTC(year, 0, 1);
const yEnd = (year: number) => Date.UTC(year, 11, 31, 23, 59, 59, 999);
const c = (id: number, unitId: number | null, from: number | null, to: number | null) => ({
  id,
  unitId,
  periodFrom: from == null ? null : y(from),
  periodTo: to == null ? null : yEnd(to),
});

describe("related cases", () => {
  const subject = c(1, 7, 2021, 2022);

  it("matches the same unit with an overlapping period", () => {
    expect(isRelated(subject, c(2, 7, 2022, 2023))).toBe(true);
    expect(isRelated(subject, c(3, 7, 2019, 2021))).toBe(true);
    expect(isRelated(subject, c(4, 7, 2020, 2024))).toBe(true); // encloses
    expect(isRelated(subject, c(5, 7, 2021, 2021))).toBe(true); // inside
  });

  it("does not match another unit, or no unit", () => {
    expect(isRelated(subject, c(2, 8, 2021, 2022))).toBe(false);
    expect(isRelated(subject, c(2, null, 2021, 2022))).toBe(false);
    expect(isRelated(c(1, null, 2021, 2022), c(2, null, 2021, 2022))).toBe(false);
  });

  it("does not match periods that only touch the years around it", () => {
    expect(isRelated(subject, c(2, 7, 2023, 2024))).toBe(false);
    expect(isRelated(subject, c(2, 7, 2018, 2020))).toBe(false);
  });

  it("treats a period with only a start or only an end as that moment", () => {
    expect(isRelated(subject, { id: 2, unitId: 7, periodFrom: y(2022), periodTo: null })).toBe(true);
    expect(isRelated(subject, { id: 2, unitId: 7, periodFrom: null, periodTo: yEnd(2020) })).toBe(false);
    expect(yearRangeOf({ periodFrom: null, periodTo: 5 })).toEqual({ from: 5, to: 5 });
  });

  it("never matches a case without any period, nor the case itself", () => {
    expect(isRelated(subject, c(2, 7, null, null))).toBe(false);
    expect(isRelated(c(2, 7, null, null), subject)).toBe(false);
    expect(isRelated(subject, subject)).toBe(false);
  });

  it("is symmetric", () => {
    const others = [c(2, 7, 2022, 2023), c(3, 7, 2023, 2024), c(4, 8, 2021, 2021), c(5, 7, 2010, 2030)];
    for (const o of others) expect(isRelated(subject, o)).toBe(isRelated(o, subject));
  });

  it("overlap includes the boundary instant", () => {
    expect(rangesOverlap({ from: 1, to: 5 }, { from: 5, to: 9 })).toBe(true);
    expect(rangesOverlap({ from: 1, to: 4 }, { from: 5, to: 9 })).toBe(false);
  });

  it("summarises the pattern by kind and open cases", () => {
    expect(
      summarisePattern([
        { kind: "testimony", status: "closed" },
        { kind: "testimony", status: "received" },
        { kind: "complaint", status: "in_progress" },
      ]),
    ).toEqual({ total: 3, open: 2, byKind: { testimony: 2, complaint: 1, contact: 0 } });
  });
});
