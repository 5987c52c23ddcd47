import { describe, expect, it } from "vitest";
import { deadlineInfo, isOverdue, kindLabelKey, statusChange } from "./case-status";
import { caseDeadlines, deadlineBadge } from "./working-days";

describe("status changes", () => {
  const fresh = { status: "received" as const, acknowledgedAt: null };

  it("acknowledges with the first step staff take", () => {
    expect(statusChange(fresh, "acknowledged")).toEqual({ ok: true, acknowledges: true, closes: false });
    expect(statusChange(fresh, "in_progress")).toEqual({ ok: true, acknowledges: true, closes: false });
    expect(statusChange({ status: "acknowledged", acknowledgedAt: 1 }, "in_progress")).toEqual({
      ok: true,
      acknowledges: false,
      closes: false,
    });
  });

  it("refuses to acknowledge twice, to set the same status, or to change a closed case", () => {
    expect(statusChange({ status: "in_progress", acknowledgedAt: 1 }, "acknowledged")).toEqual({
      ok: false,
      reason: "already_acknowledged",
    });
    expect(statusChange({ status: "waiting", acknowledgedAt: 1 }, "waiting")).toEqual({
      ok: false,
      reason: "same",
    });
    expect(statusChange({ status: "closed", acknowledgedAt: 1 }, "in_progress")).toEqual({
      ok: false,
      reason: "closed",
    });
  });

  it("marks closing", () => {
    expect(statusChange({ status: "waiting", acknowledgedAt: 1 }, "closed")).toMatchObject({ closes: true });
  });
});

describe("the badge of a deadline", () => {
  // Monday 3 March 2025, 10:00 in Amsterdam.
  const received = Date.UTC(2025, 2, 3, 9, 0);
  const d = caseDeadlines(received, false);
  const due = { status: "received" as const, nextDueAt: d.ackDueAt, nextDueKind: "ack" as const };

  it("shows on time, due today and overdue in Dutch working days", () => {
    expect(d.ackDueDate).toBe("2025-03-10"); // five working days after Monday 3 March
    expect(deadlineBadge(d.ackDueAt, Date.UTC(2025, 2, 7, 12))).toBe("on_time");
    expect(deadlineBadge(d.ackDueAt, Date.UTC(2025, 2, 10, 8))).toBe("due_today");
    expect(deadlineBadge(d.ackDueAt, Date.UTC(2025, 2, 11, 8))).toBe("overdue");
    expect(isOverdue(due, Date.UTC(2025, 2, 10, 8))).toBe(false);
    expect(isOverdue(due, Date.UTC(2025, 2, 11, 8))).toBe(true);
    expect(isOverdue({ ...due, status: "closed" }, Date.UTC(2026, 0, 1))).toBe(false);
  });

  it("gives an urgent case one working day, skipping the weekend and King's Day", () => {
    // Friday 25 April 2025: Monday 28 April is the next working day (27 April is a Sunday, so King's Day
    // is Saturday the 26th).
    const u = caseDeadlines(Date.UTC(2025, 3, 25, 10), true);
    expect(u.ackDueDate).toBe("2025-04-28");
  });
});

describe("deadline info for the queue and the case page", () => {
  const received = Date.UTC(2025, 2, 3, 9, 0); // Monday
  const d = caseDeadlines(received, false);
  const c = { status: "received" as const, nextDueAt: d.ackDueAt, nextDueKind: "ack" as const };

  it("counts working days left, and working days late, for whichever clock is next", () => {
    expect(deadlineInfo(c, Date.UTC(2025, 2, 6, 9))).toMatchObject({
      which: "ack",
      badge: "on_time",
      days: 2,
    });
    // Due Monday 10 March; on Wednesday 12 March it is two working days late.
    expect(deadlineInfo(c, Date.UTC(2025, 2, 12, 9))).toMatchObject({ badge: "overdue", days: -2 });
    expect(deadlineInfo({ ...c, nextDueKind: "follow_up" }, Date.UTC(2025, 2, 10, 9))).toMatchObject({
      which: "follow_up",
      badge: "due_today",
      days: 0,
    });
  });

  it("has none for a closed case", () => {
    expect(deadlineInfo({ ...c, status: "closed" }, received)).toBeNull();
  });
});

describe("kindLabelKey", () => {
  it("names a contact request from the young person as a call request, others by their kind", () => {
    expect(kindLabelKey("contact", "young_person")).toBe("kinds.contact_young_person");
    expect(kindLabelKey("contact", "close")).toBe("kinds.contact");
    expect(kindLabelKey("testimony", "young_person")).toBe("kinds.testimony");
  });
});
