import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  amsterdamDate,
  caseDeadlines,
  deadlineBadge,
  easterSunday,
  endOfAmsterdamDay,
  isWorkingDay,
  publicHolidays,
  workingDaysUntil,
} from "./working-days";

const at = (iso: string) => Date.parse(iso);

describe("Dutch public holidays", () => {
  it("finds Easter", () => {
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2027)).toBe("2027-03-28");
  });

  it("lists the holidays of 2026", () => {
    expect([...publicHolidays(2026)].sort()).toEqual([
      "2026-01-01",
      "2026-04-06", // Easter Monday
      "2026-04-27", // King's Day
      "2026-05-05",
      "2026-05-14", // Ascension
      "2026-05-25", // Whit Monday
      "2026-12-25",
      "2026-12-26",
    ]);
  });

  it("moves King's Day to the 26th when the 27th is a Sunday", () => {
    expect(publicHolidays(2025).has("2025-04-26")).toBe(true); // 27 April 2025 is a Sunday
    expect(publicHolidays(2025).has("2025-04-27")).toBe(false);
  });

  it("does not count Good Friday or weekends", () => {
    expect(isWorkingDay("2026-04-03")).toBe(true); // Good Friday
    expect(isWorkingDay("2026-11-21")).toBe(false); // Saturday
    expect(isWorkingDay("2026-11-22")).toBe(false); // Sunday
  });
});

describe("working-day deadlines", () => {
  it("skips a weekend", () => {
    expect(addWorkingDays("2026-11-20", 1)).toBe("2026-11-23"); // Friday → Monday
    expect(addWorkingDays("2026-11-18", 5)).toBe("2026-11-25"); // Wednesday → next Wednesday
  });

  it("skips King's Day", () => {
    expect(addWorkingDays("2026-04-24", 1)).toBe("2026-04-28"); // Fri → Tue (Mon 27 April is King's Day)
  });

  it("skips Christmas", () => {
    expect(addWorkingDays("2026-12-24", 1)).toBe("2026-12-28"); // Thu → Mon (Fri 25, Sat 26, Sun 27)
    expect(addWorkingDays("2025-12-24", 1)).toBe("2025-12-29"); // Wed → Mon: 25 and 26 are Thu and Fri
    expect(addWorkingDays("2025-12-24", 2)).toBe("2025-12-30");
  });

  it("skips Easter", () => {
    expect(addWorkingDays("2026-04-02", 2)).toBe("2026-04-07"); // Thu → Fri (Good Friday counts) → Tue
  });

  it("gives 5 working days, 1 when urgent, and 6 weeks for an answer", () => {
    const received = at("2026-11-20T15:00:00+01:00"); // Friday afternoon
    const normal = caseDeadlines(received, false);
    expect(normal.ackDueDate).toBe("2026-11-27");
    expect(normal.answerDueDate).toBe("2027-01-04"); // 6 weeks = Fri 1 Jan, a holiday; then the weekend
    expect(caseDeadlines(received, true).ackDueDate).toBe("2026-11-23");
  });

  it("uses the Amsterdam date, not UTC", () => {
    // 23:30 UTC on Sunday 22 Nov is already Monday 23 Nov in Amsterdam
    expect(amsterdamDate(at("2026-11-22T23:30:00Z"))).toBe("2026-11-23");
    expect(caseDeadlines(at("2026-11-22T23:30:00Z"), true).ackDueDate).toBe("2026-11-24");
  });

  it("ends a deadline at the last moment of the Amsterdam day, in summer and winter time", () => {
    expect(new Date(endOfAmsterdamDay("2026-11-23")).toISOString()).toBe("2026-11-23T22:59:59.999Z");
    expect(new Date(endOfAmsterdamDay("2026-07-01")).toISOString()).toBe("2026-07-01T21:59:59.999Z");
  });
});

describe("deadline badges", () => {
  const due = endOfAmsterdamDay("2026-11-25");
  it("says on time, due today, overdue or met", () => {
    expect(deadlineBadge(due, at("2026-11-24T12:00:00+01:00"))).toBe("on_time");
    expect(deadlineBadge(due, at("2026-11-25T08:00:00+01:00"))).toBe("due_today");
    expect(deadlineBadge(due, at("2026-11-26T00:00:01+01:00"))).toBe("overdue");
    expect(deadlineBadge(due, at("2026-11-26T00:00:01+01:00"), 123)).toBe("met");
  });

  it("counts working days left, negative when overdue", () => {
    expect(workingDaysUntil(due, at("2026-11-20T12:00:00+01:00"))).toBe(3); // Fri → Mon, Tue, Wed
    expect(workingDaysUntil(due, at("2026-11-25T12:00:00+01:00"))).toBe(0);
    expect(workingDaysUntil(due, at("2026-11-30T12:00:00+01:00"))).toBe(-3);
  });
});
