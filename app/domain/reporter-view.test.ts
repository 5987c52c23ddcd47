import { describe, expect, it } from "vitest";
import {
  formatDay,
  maskEmail,
  nextDeadline,
  reporterStatus,
  reporterTimeline,
  type TimelineEvent,
} from "./reporter-view";

const ev = (at: number, type: string, extra: Partial<TimelineEvent> = {}): TimelineEvent => ({
  at,
  type,
  reporterVisible: true,
  referralId: null,
  params: null,
  text: null,
  ...extra,
});

describe("reporterStatus", () => {
  it("puts six back-office statuses into five plain steps", () => {
    expect(reporterStatus("received")).toBe("received");
    expect(reporterStatus("acknowledged")).toBe("handling");
    expect(reporterStatus("in_progress")).toBe("handling");
    expect(reporterStatus("referred")).toBe("referred");
    expect(reporterStatus("waiting")).toBe("waiting");
    expect(reporterStatus("closed")).toBe("closed");
  });
});

describe("nextDeadline", () => {
  const base = { ackDueAt: 100, answerDueAt: 1000, acknowledgedAt: null, firstAnswerAt: null };
  it("promises the acknowledgement first, then the answer, then nothing", () => {
    expect(nextDeadline({ ...base, status: "received" }, 50)).toEqual({
      kind: "acknowledge",
      dueAt: 100,
      overdue: false,
    });
    expect(nextDeadline({ ...base, status: "received" }, 150)).toMatchObject({ overdue: true });
    expect(nextDeadline({ ...base, status: "in_progress", acknowledgedAt: 60 }, 150)).toEqual({
      kind: "answer",
      dueAt: 1000,
      overdue: false,
    });
    expect(
      nextDeadline({ ...base, status: "in_progress", acknowledgedAt: 60, firstAnswerAt: 70 }, 150),
    ).toBeNull();
    expect(nextDeadline({ ...base, status: "closed" }, 50)).toBeNull();
  });
});

describe("reporterTimeline", () => {
  const referrals = new Map([
    [7, { organisationId: 3, status: "in_progress" as const }],
    [8, { organisationId: 4, status: "blocked" as const }],
    [9, { organisationId: 5, status: "pending" as const }],
  ]);

  it("tells the reporter's story in order, without staff-only events or messages", () => {
    const items = reporterTimeline(
      [
        ev(5, "closed", { text: "We hebben je klacht doorgestuurd en gesproken." }),
        ev(1, "received"),
        ev(2, "acknowledged"),
        ev(2, "assigned", { reporterVisible: false }),
        ev(2, "note_added", { reporterVisible: true }), // a bad row: staff-only by type, never shown
        ev(3, "message_from_staff"),
        ev(3, "status_changed", { params: { from: "acknowledged", to: "in_progress" } }),
        ev(3, "status_changed", { params: { from: "in_progress", to: "waiting" } }),
        ev(4, "referral_created", { referralId: 7, params: { organisationId: 3 } }),
        ev(4, "referral_status", { referralId: 7, params: { status: "received" }, text: "note for staff" }),
        ev(4, "referral_created", { referralId: 8 }),
        ev(4, "referral_created", { referralId: 9 }),
        ev(4, "consent_changed", { params: { recipient: "ozj", given: false, withIdentity: false } }),
        ev(4, "information_added"),
      ],
      referrals,
    );
    expect(items).toEqual([
      { key: "received", at: 1 },
      { key: "acknowledged", at: 2 },
      // acknowledged → in_progress says nothing new ("being handled" both), waiting does.
      { key: "status", at: 3, status: "waiting" },
      { key: "referralCreated", at: 4, organisationId: 3, state: "sent" },
      { key: "referralStatus", at: 4, organisationId: 3, status: "received" },
      { key: "referralCreated", at: 4, organisationId: 4, state: "blocked" },
      { key: "referralCreated", at: 4, organisationId: 5, state: "sending" },
      { key: "consentChanged", at: 4, recipient: "ozj", level: "none" },
      { key: "informationAdded", at: 4 },
      { key: "closed", at: 5, outcome: "We hebben je klacht doorgestuurd en gesproken." },
    ]);
  });

  it("skips events it cannot explain", () => {
    expect(
      reporterTimeline(
        [
          ev(1, "referral_created", { referralId: 99 }),
          ev(1, "status_changed", { params: { to: "nonsense" } }),
          ev(1, "consent_changed", { params: { recipient: "police" } }),
          ev(1, "something_new"),
        ],
        referrals,
      ),
    ).toEqual([]);
  });
});

describe("formatting", () => {
  it("names the day in the reporter's language, with a year only when it is another year", () => {
    const fri = Date.UTC(2025, 11, 5, 12);
    expect(formatDay(fri, "nl", Date.UTC(2025, 10, 28))).toBe("vrijdag 5 december");
    expect(formatDay(fri, "en", Date.UTC(2025, 10, 28))).toBe("Friday 5 December");
    expect(formatDay(fri, "nl", Date.UTC(2026, 0, 2))).toBe("vrijdag 5 december 2025");
  });
  it("masks an email address", () => {
    expect(maskEmail("jongere@example.nl")).toBe("j…@example.nl");
    expect(maskEmail("nonsense")).toBe("…");
  });
});
