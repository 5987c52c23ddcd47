import { describe, expect, it } from "vitest";
import {
  clockWorkingDays,
  messageMilestones,
  messageRoleChoices,
  nextDue,
  parseFollowUp,
  runningClocks,
  workingDaysAfter,
  type ClockFacts,
} from "./case-clocks";
import { caseDeadlines, endOfAmsterdamDay } from "./working-days";

// Monday 3 March 2025, 10:00 in Amsterdam.
const received = Date.UTC(2025, 2, 3, 9);
const d = caseDeadlines(received, false);
const fresh: ClockFacts = {
  status: "received",
  ackDueAt: d.ackDueAt,
  answerDueAt: d.answerDueAt,
  acknowledgedAt: null,
  firstAnswerAt: null,
  followUpAt: null,
  oldestUnansweredReplyAt: null,
  oldestOpenReferralAt: null,
  lastStaffStepAt: received,
};
const answered: ClockFacts = {
  ...fresh,
  status: "in_progress",
  acknowledgedAt: received + 3_600_000,
  firstAnswerAt: Date.UTC(2025, 2, 10, 9), // Monday 10 March
  lastStaffStepAt: Date.UTC(2025, 2, 10, 9),
};
const day = (iso: string) => endOfAmsterdamDay(iso);

describe("workingDaysAfter", () => {
  it.each([
    ["a Monday, 5 working days", Date.UTC(2025, 2, 3, 9), 5, "2025-03-10"],
    ["a Friday evening in Amsterdam, 1 working day", Date.UTC(2025, 2, 7, 22, 30), 1, "2025-03-10"],
    ["a Saturday, 1 working day", Date.UTC(2025, 2, 8, 12), 1, "2025-03-10"],
    ["before Easter Monday 2025, 1 working day", Date.UTC(2025, 3, 18, 10), 1, "2025-04-22"],
    [
      "Christmas Eve, 2 working days (Christmas, Boxing Day and the weekend skipped)",
      Date.UTC(2025, 11, 24, 10),
      2,
      "2025-12-30",
    ],
    ["a Monday, 10 working days", Date.UTC(2025, 2, 3, 9), 10, "2025-03-17"],
  ])("from %s", (_, at, n, expected) => {
    expect(workingDaysAfter(at, n)).toBe(day(expected));
  });
});

describe("the clocks of a case", () => {
  it.each<[string, Partial<ClockFacts>, string[]]>([
    ["a new case: acknowledgement and answer", {}, ["ack", "answer"]],
    ["acknowledged: the answer", { acknowledgedAt: received + 1 }, ["answer"]],
    ["answered, nothing else: a review", answered, ["review"]],
    ["a follow-up date", { ...answered, followUpAt: day("2025-03-12") }, ["follow_up"]],
    ["an unanswered reply", { ...answered, oldestUnansweredReplyAt: Date.UTC(2025, 2, 11, 9) }, ["reply"]],
    ["an open referral", { ...answered, oldestOpenReferralAt: Date.UTC(2025, 2, 11, 9) }, ["referral"]],
    [
      "all at once",
      { followUpAt: day("2025-03-20"), oldestUnansweredReplyAt: received, oldestOpenReferralAt: received },
      ["ack", "answer", "follow_up", "reply", "referral"],
    ],
    ["a closed case: none", { ...answered, status: "closed", followUpAt: day("2025-03-12") }, []],
    ["a closed case never answered: none", { status: "closed" }, []],
  ])("%s", (_, facts, kinds) => {
    expect(runningClocks({ ...fresh, ...facts }).map((c) => c.which)).toEqual(kinds);
  });

  it("gives every open case a due date, whatever its status", () => {
    for (const status of ["received", "acknowledged", "in_progress", "waiting", "referred"] as const) {
      for (const facts of [fresh, answered]) expect(nextDue({ ...facts, status })).not.toBeNull();
    }
    expect(nextDue({ ...answered, status: "closed" })).toBeNull();
  });

  it.each<[string, Partial<ClockFacts>, string, string]>([
    ["the acknowledgement before the answer", {}, "ack", "2025-03-10"],
    ["a follow-up before the acknowledgement", { followUpAt: day("2025-03-05") }, "follow_up", "2025-03-05"],
    [
      "a reply 5 working days on",
      { ...answered, oldestUnansweredReplyAt: Date.UTC(2025, 2, 11, 9) },
      "reply",
      "2025-03-18",
    ],
    [
      "a referral 10 working days on",
      { ...answered, oldestOpenReferralAt: Date.UTC(2025, 2, 11, 9) },
      "referral",
      "2025-03-25",
    ],
    ["a review 10 working days after the last step", answered, "review", "2025-03-24"],
    [
      "the nearest of reply and referral",
      {
        ...answered,
        oldestUnansweredReplyAt: Date.UTC(2025, 2, 14, 9),
        oldestOpenReferralAt: Date.UTC(2025, 2, 11, 9),
      },
      "reply",
      "2025-03-21",
    ],
    [
      "an overdue follow-up stays due",
      { ...answered, followUpAt: day("2025-03-04") },
      "follow_up",
      "2025-03-04",
    ],
    [
      "a far follow-up replaces the review",
      { ...answered, followUpAt: day("2025-09-01") },
      "follow_up",
      "2025-09-01",
    ],
  ])("%s", (_, facts, which, date) => {
    expect(nextDue({ ...fresh, ...facts })).toEqual({ which, dueAt: day(date) });
  });

  it("counts the configured working days", () => {
    expect(clockWorkingDays).toEqual({ reply: 5, referral: 10, review: 10 });
  });
});

describe("what a message to the reporter is", () => {
  const none = { acknowledgedAt: null, firstAnswerAt: null };
  const acked = { acknowledgedAt: 1, firstAnswerAt: null };
  const both = { acknowledgedAt: 1, firstAnswerAt: 2 };

  it("offers only the choices that still count", () => {
    expect(messageRoleChoices(none)).toEqual(["acknowledgement", "answer", "other"]);
    expect(messageRoleChoices(acked)).toEqual(["answer", "other"]);
    expect(messageRoleChoices(both)).toEqual(["other"]);
  });

  it.each([
    ["other", none, { acknowledges: false, answers: false }],
    ["acknowledgement", none, { acknowledges: true, answers: false }],
    ["answer", none, { acknowledges: true, answers: true }],
    ["answer", acked, { acknowledges: false, answers: true }],
    ["acknowledgement", acked, { acknowledges: false, answers: false }],
    ["answer", both, { acknowledges: false, answers: false }],
  ] as const)("%s on %j", (role, c, expected) => {
    expect(messageMilestones(role, c)).toEqual(expected);
  });
});

describe("a follow-up date as typed", () => {
  const now = Date.UTC(2025, 2, 3, 9); // Monday 3 March 2025
  it.each([
    ["2025-03-03", "Bel de gemeente terug", { ok: true, date: "2025-03-03", dueAt: day("2025-03-03") }],
    ["2025-03-08", "Zaterdag mag", { ok: true, date: "2025-03-08" }],
    ["", "x", { ok: false, field: "followUpDate", error: "required" }],
    ["3-3-2025", "x", { ok: false, field: "followUpDate", error: "required" }],
    ["2025-02-30", "x", { ok: false, field: "followUpDate", error: "required" }],
    ["2025-03-02", "x", { ok: false, field: "followUpDate", error: "past" }],
    ["2026-03-05", "x", { ok: false, field: "followUpDate", error: "too_far" }],
    ["2025-03-04", "  ", { ok: false, field: "followUpReason", error: "required" }],
    ["2025-03-04", "x".repeat(201), { ok: false, field: "followUpReason", error: "too_long" }],
  ] as const)("%s, %j", (date, reason, expected) => {
    expect(parseFollowUp(date, reason, now)).toMatchObject(expected);
  });
});
