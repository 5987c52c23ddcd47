import { describe, expect, it } from "vitest";
import {
  alertRecipients,
  DUE_SOON_MS,
  dueAlertFor,
  type AlertCandidate,
  type StaffAlertKind,
} from "./staff-alerts";

const person = (id: number, over: Partial<AlertCandidate> = {}): AlertCandidate => ({
  id,
  active: true,
  coordinator: false,
  off: new Set<StaffAlertKind>(),
  ...over,
});
const team = [person(1), person(2), person(3, { coordinator: true })];

describe("who gets a staff alert", () => {
  it("a new urgent case: everyone", () => {
    expect(alertRecipients("urgent_case", null, team)).toEqual([1, 2, 3]);
  });

  it("a reply or an organisation's update: the person handling the case, or everyone while nobody does", () => {
    expect(alertRecipients("reporter_reply", 2, team)).toEqual([2]);
    expect(alertRecipients("organisation_update", 1, team)).toEqual([1]);
    expect(alertRecipients("reporter_reply", null, team)).toEqual([1, 2, 3]);
  });

  it("a failed referral mail: the person handling the case and the coordinators", () => {
    expect(alertRecipients("referral_mail_failed", 1, team)).toEqual([1, 3]);
    expect(alertRecipients("referral_mail_failed", null, team)).toEqual([3]);
  });

  it("never someone who turned the kind off, or a deactivated account", () => {
    const quiet = [person(1, { off: new Set(["urgent_case"]) }), person(2, { active: false }), person(3)];
    expect(alertRecipients("urgent_case", null, quiet)).toEqual([3]);
    // A deactivated assignee: the case counts as handled by nobody.
    expect(alertRecipients("reporter_reply", 2, quiet)).toEqual([1, 3]);
    // Turning one kind off leaves the others on.
    expect(alertRecipients("reporter_reply", 1, quiet)).toEqual([1]);
  });
});

describe("deadline alerts", () => {
  const due = Date.UTC(2026, 11, 10, 22, 59);
  const none = { at: null, kind: null };
  it.each([
    ["two days before", due - 2 * DUE_SOON_MS, none, null],
    ["within a day", due - DUE_SOON_MS + 1, none, "deadline_approaching"],
    ["within a day, already said", due - 1000, { at: due, kind: "deadline_approaching" }, null],
    ["passed", due + 1, { at: due, kind: "deadline_approaching" }, "deadline_missed"],
    ["passed, already said", due + 3 * DUE_SOON_MS, { at: due, kind: "deadline_missed" }, null],
    [
      "a new due date after the last alert",
      due - 1000,
      { at: due - 5 * DUE_SOON_MS, kind: "deadline_missed" },
      "deadline_approaching",
    ],
  ] as const)("%s", (_, now, alerted, expected) => {
    expect(dueAlertFor(due, now, alerted)).toBe(expected);
  });

  it("a case without a clock (closed: 9999-12-31) is never due", () => {
    expect(dueAlertFor(253402300799999, Date.now(), none)).toBeNull();
  });

  it("goes to whoever handles the case, or everyone while nobody does", () => {
    expect(alertRecipients("deadline_missed", 2, team)).toEqual([2]);
    expect(alertRecipients("deadline_approaching", null, team)).toEqual([1, 2, 3]);
  });
});
