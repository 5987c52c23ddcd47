import { describe, expect, it } from "vitest";
import { parseSettings } from "./settings-form";

const good = {
  ackWorkingDays: "5",
  ackWorkingDaysUrgent: "1",
  answerWeeks: "6",
  closedCaseMonths: "24",
  auditMonths: "60",
};

describe("settings form", () => {
  it("accepts whole numbers within bounds", () => {
    expect(parseSettings(good)).toEqual({
      ok: true,
      values: {
        ackWorkingDays: 5,
        ackWorkingDaysUrgent: 1,
        answerWeeks: 6,
        closedCaseMonths: 24,
        auditMonths: 60,
      },
    });
  });

  it("refuses out-of-range, fractions and text, and keeps what was typed", () => {
    const r = parseSettings({ ...good, auditMonths: "6", answerWeeks: "2.5", ackWorkingDays: "vijf" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(Object.keys(r.errors).sort()).toEqual(["ackWorkingDays", "answerWeeks", "auditMonths"]);
      expect(r.errors.auditMonths).toEqual({ min: 12, max: 240 });
      expect(r.raw.ackWorkingDays).toBe("vijf");
    }
  });
});
