import { describe, expect, it } from "vitest";
import { parseSettings, settingFields, settingsFrom } from "./settings-form";

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

describe("settingsFrom: the settings as they apply", () => {
  const all = Object.keys(settingFields) as (keyof typeof settingFields)[];

  it("uses every stored value the form could have saved", () => {
    const stored = new Map(all.map((f) => [settingFields[f].key, String(settingFields[f].max)]));
    const applied = settingsFrom(stored, all);
    for (const f of all) expect(applied[f], f).toBe(settingFields[f].max);
  });

  it("falls back to the default for nothing stored, and for anything out of bounds or not a whole number", () => {
    expect(settingsFrom(new Map(), all)).toEqual({
      ackWorkingDays: 5,
      ackWorkingDaysUrgent: 1,
      answerWeeks: 6,
      closedCaseMonths: 24,
      auditMonths: 60,
    });
    const bad = new Map([
      ["deadline.ack_working_days", "0"],
      ["deadline.ack_working_days_urgent", "2.5"],
      ["deadline.answer_weeks", "365"],
      ["retention.closedCaseMonths", "-3"],
      // fewer months of audit than the database lets us delete
      ["retention.auditMonths", "6"],
    ]);
    expect(settingsFrom(bad, all)).toEqual(settingsFrom(new Map(), all));
  });

  it("reads only the fields asked for", () => {
    expect(Object.keys(settingsFrom(new Map(), ["auditMonths"]))).toEqual(["auditMonths"]);
  });
});
