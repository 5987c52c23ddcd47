import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { workingDaysUntilFast } from "./working-day-count";
import { workingDaysUntil } from "./working-days";

describe("counting working days quickly", () => {
  it("gives the same answer as walking day by day", () => {
    const instant = fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2028, 11, 31) });
    fc.assert(
      fc.property(instant, instant, (due, now) => {
        expect(workingDaysUntilFast(due, now)).toBe(workingDaysUntil(due, now));
      }),
      { numRuns: 200 },
    );
  });

  it("handles the days around holidays and weekends", () => {
    const at = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 11);
    const pairs: [number, number][] = [
      [at(2025, 4, 28), at(2025, 4, 25)], // over King's Day weekend
      [at(2025, 12, 29), at(2025, 12, 24)], // over Christmas
      [at(2025, 12, 24), at(2025, 12, 29)],
      [at(2026, 1, 2), at(2025, 12, 31)], // over New Year
      [at(2025, 6, 7), at(2025, 6, 8)], // Saturday to Sunday
      [at(2024, 3, 3), at(2026, 3, 3)],
    ];
    for (const [due, now] of pairs) expect(workingDaysUntilFast(due, now)).toBe(workingDaysUntil(due, now));
  });
});
