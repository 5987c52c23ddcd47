import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { clockWorkingDays, NO_DUE_DATE, workingDaysAfter } from "~/domain/case-clocks";
import { defaultQueueFilters } from "~/domain/queue";
import { caseDeadlines, endOfAmsterdamDay } from "~/domain/working-days";
import { auditActionsOf, caseEventsOf, createTestDb, testStaff } from "../../tests/helpers/test-db";
import { loadCase } from "./case-admin/view.server";
import { changeStatus, reopenCase } from "./case-admin/status.server";
import { markMilestone, sendMessage } from "./case-admin/messages.server";
import { setFollowUp } from "./case-admin/planning.server";
import { refreshCaseClock, syncCaseClocks } from "./case-clocks.server";
import { decrypt } from "./crypto.server";
import { schema, type Db } from "./db.server";
import { seedCase } from "./dev-seed.server";
import { postReporterMessage } from "./follow.server";
import { loadQueue } from "./queue.server";
import type { StaffUser } from "./staff-session.server";
import { reportFor } from "./statistics.server";

let db: Db;
let me: StaffUser;
// Monday 2 March 2026, 10:00 in Amsterdam.
const T0 = Date.UTC(2026, 2, 2, 9);
const HOUR = 3_600_000;

beforeEach(() => {
  db = createTestDb().db;
  me = testStaff(db, "ombudsworker");
});

const row = (id: number) => db.select().from(schema.cases).where(eq(schema.cases.id, id)).get()!;
const clock = (id: number) => ({ kind: row(id).nextDueKind, at: row(id).nextDueAt });
const events = (caseId: number) => caseEventsOf(db, caseId);
const audits = (caseId: number) => auditActionsOf(db, caseId);

describe("acknowledgement and answer are the worker's choice", () => {
  it("an ordinary message moves neither; the message chosen as acknowledgement, then as answer, does", () => {
    const { id } = seedCase(db, { receivedAt: T0 }, T0);
    const d = caseDeadlines(T0, false);
    expect(clock(id)).toEqual({ kind: "ack", at: d.ackDueAt });

    expect(sendMessage(id, me, "Kun je iets meer vertellen?", "other", T0 + HOUR)).toEqual({ ok: true });
    expect(row(id)).toMatchObject({ acknowledgedAt: null, firstAnswerAt: null, status: "received" });
    expect(clock(id)).toEqual({ kind: "ack", at: d.ackDueAt });

    expect(sendMessage(id, me, "We hebben je verhaal ontvangen.", "acknowledgement", T0 + 2 * HOUR)).toEqual({
      ok: true,
    });
    expect(row(id)).toMatchObject({
      acknowledgedAt: T0 + 2 * HOUR,
      firstAnswerAt: null,
      status: "acknowledged",
    });
    expect(clock(id)).toEqual({ kind: "answer", at: d.answerDueAt });
    expect(sendMessage(id, me, "Nog eens", "acknowledgement", T0 + 3 * HOUR)).toEqual({
      ok: false,
      reason: "already_acknowledged",
    });

    expect(sendMessage(id, me, "Dit is wat we gaan doen.", "answer", T0 + 4 * HOUR)).toEqual({ ok: true });
    expect(row(id).firstAnswerAt).toBe(T0 + 4 * HOUR);
    // Nothing else runs: the case comes up for review ten working days after this last step.
    expect(clock(id)).toEqual({
      kind: "review",
      at: workingDaysAfter(T0 + 4 * HOUR, clockWorkingDays.review),
    });
    expect(sendMessage(id, me, "Nog een antwoord", "answer", T0 + 5 * HOUR)).toEqual({
      ok: false,
      reason: "already_answered",
    });

    const messageEvents = events(id).filter((e) => e.type === "message_from_staff");
    expect(messageEvents.map((e) => e.params?.role)).toEqual(["other", "acknowledgement", "answer"]);
    expect(events(id).map((e) => e.type)).toEqual([
      "received",
      "message_from_staff",
      "message_from_staff",
      "acknowledged",
      "message_from_staff",
      "answered",
    ]);
    expect(audits(id).filter((a) => a === "case_milestone_marked")).toHaveLength(2);
  });

  it("records an acknowledgement or answer given outside the portal, once each, audited", () => {
    const { id } = seedCase(db, { receivedAt: T0 }, T0);
    expect(markMilestone(id, me, "answered", T0 + HOUR)).toEqual({ ok: true });
    // An answer acknowledges too: a person clearly has the case.
    expect(row(id)).toMatchObject({
      acknowledgedAt: T0 + HOUR,
      firstAnswerAt: T0 + HOUR,
      status: "acknowledged",
    });
    expect(markMilestone(id, me, "acknowledged", T0 + 2 * HOUR)).toEqual({
      ok: false,
      reason: "already_acknowledged",
    });
    expect(
      events(id)
        .slice(1)
        .map((e) => [e.type, e.params]),
    ).toEqual([
      ["acknowledged", { how: "outside" }],
      ["answered", { how: "outside" }],
    ]);
    expect(audits(id)).toEqual(["case_milestone_marked"]);
  });

  it("counts only a chosen answer in the statistics: an ordinary message leaves the answer awaited, then late", () => {
    const { id } = seedCase(db, { receivedAt: T0 }, T0);
    sendMessage(id, me, "Een vraag", "other", T0 + HOUR);
    const period = { from: "2026-03-01", to: "2026-03-31" };
    const answerDueAt = row(id).answerDueAt;
    expect(reportFor(period, T0 + 2 * HOUR, db).answer).toEqual({ met: 0, late: 0, open: 1 });
    expect(reportFor(period, answerDueAt + 1, db).answer).toEqual({ met: 0, late: 1, open: 0 });
    sendMessage(id, me, "Het antwoord", "answer", T0 + 3 * HOUR);
    expect(reportFor(period, answerDueAt + 1, db).answer).toEqual({ met: 1, late: 0, open: 0 });
  });
});

describe("the reply clock", () => {
  it("runs from the reporter's first unanswered message until staff write back, reading it is not enough", () => {
    const { id } = seedCase(db, { receivedAt: T0 }, T0);
    markMilestone(id, me, "answered", T0 + HOUR);
    const replyAt = Date.UTC(2026, 2, 4, 9); // Wednesday
    expect(postReporterMessage(id, "Is er al nieuws?", { now: replyAt, db })).toBe("sent");
    expect(postReporterMessage(id, "Hallo?", { now: replyAt + 24 * HOUR, db })).toBe("sent");
    const due = workingDaysAfter(replyAt, clockWorkingDays.reply);
    expect(due).toBe(endOfAmsterdamDay("2026-03-11"));
    expect(clock(id)).toEqual({ kind: "reply", at: due });

    loadCase(id, me, {}, replyAt + 25 * HOUR);
    expect(clock(id)).toEqual({ kind: "reply", at: due });

    sendMessage(id, me, "Ja, dit is het nieuws.", "other", replyAt + 26 * HOUR);
    expect(clock(id).kind).toBe("review");
  });
});

describe("follow-up dates", () => {
  it("put the case on that day with its reason, internal and audited, until done", () => {
    const { id } = seedCase(db, { receivedAt: T0 }, T0);
    markMilestone(id, me, "answered", T0 + HOUR);
    const dueAt = endOfAmsterdamDay("2026-03-05");
    expect(
      setFollowUp(id, me, { date: "2026-03-05", dueAt, reason: "Gemeente terugbellen" }, T0 + 2 * HOUR),
    ).toEqual({
      ok: true,
    });
    expect(clock(id)).toEqual({ kind: "follow_up", at: dueAt });
    expect(row(id).followUpReasonEnc).not.toContain("terugbellen");
    expect(decrypt(row(id).followUpReasonEnc!)).toBe("Gemeente terugbellen");
    const set = events(id).at(-1)!;
    expect(set).toMatchObject({
      type: "follow_up_set",
      reporterVisible: false,
      params: { date: "2026-03-05" },
    });
    expect(decrypt(set.dataEnc!)).toBe("Gemeente terugbellen");
    expect(loadCase(id, me, {}, T0 + 3 * HOUR)!.case.followUp).toEqual({
      dueAt,
      reason: "Gemeente terugbellen",
    });

    expect(setFollowUp(id, me, null, T0 + 4 * HOUR)).toEqual({ ok: true });
    expect(setFollowUp(id, me, null, T0 + 5 * HOUR)).toEqual({ ok: false, reason: "same" });
    expect(clock(id).kind).toBe("review");
    expect(row(id)).toMatchObject({ followUpAt: null, followUpReasonEnc: null });
    expect(audits(id).filter((a) => a.startsWith("follow_up"))).toEqual(["follow_up_set", "follow_up_done"]);
  });

  it("sort the queue: a follow-up due today comes before cases due later, and shows as overdue the day after", () => {
    const later = seedCase(db, { receivedAt: T0 }, T0).id; // acknowledgement due 9 March
    const followed = seedCase(db, { receivedAt: T0 - 30 * 24 * HOUR }, T0).id;
    markMilestone(followed, me, "answered", T0 - HOUR); // review due 16 March
    const before = loadQueue({ ...defaultQueueFilters }, me.id, T0).rows.map((r) => r.id);
    expect(before.indexOf(later)).toBeLessThan(before.indexOf(followed));

    const today = endOfAmsterdamDay("2026-03-02");
    setFollowUp(followed, me, { date: "2026-03-02", dueAt: today, reason: "Bellen" }, T0);
    const rows = loadQueue({ ...defaultQueueFilters }, me.id, T0).rows;
    expect(rows.map((r) => r.id).slice(0, 2)).toEqual([followed, later]);
    expect(rows[0]).toMatchObject({ nextDueKind: "follow_up", nextDueAt: today });
    const overdue = loadQueue({ ...defaultQueueFilters, overdue: true }, me.id, today + 1).rows.map(
      (r) => r.id,
    );
    expect(overdue).toContain(followed);
  });
});

describe("closed and reopened cases", () => {
  it("a closed case has no clock and is never overdue; reopened, it comes up for review", () => {
    const { id } = seedCase(db, { receivedAt: T0 }, T0);
    setFollowUp(id, me, { date: "2026-03-03", dueAt: endOfAmsterdamDay("2026-03-03"), reason: "x" }, T0);
    expect(changeStatus(id, me, "closed", "Afgerond", T0 + HOUR)).toEqual({ ok: true });
    expect(clock(id)).toEqual({ kind: null, at: NO_DUE_DATE });
    expect(
      loadQueue({ ...defaultQueueFilters, status: "all", overdue: true }, me.id, T0 + 400 * 24 * HOUR).rows,
    ).toHaveLength(0);
    expect(reopenCase(id, me, "Nieuwe informatie", T0 + 2 * HOUR)).toEqual({ ok: true });
    // Closing answered it; the follow-up date it had still stands.
    expect(clock(id)).toEqual({ kind: "follow_up", at: endOfAmsterdamDay("2026-03-03") });
  });
});

describe("after the upgrade", () => {
  it("computes every open case's clock once at start, from what the migration could only approximate", () => {
    const { id } = seedCase(db, { receivedAt: T0, reporterMessages: ["Hallo?"] }, T0);
    db.update(schema.cases)
      .set({ acknowledgedAt: T0, firstAnswerAt: T0 })
      .where(eq(schema.cases.id, id))
      .run();
    db.update(schema.cases).set({ nextDueKind: "answer", nextDueAt: 1 }).where(eq(schema.cases.id, id)).run();
    expect(syncCaseClocks(db)).toBe(1);
    expect(clock(id).kind).toBe("reply");
    expect(syncCaseClocks(db)).toBe(0);
  });

  it("gives a case inserted without a clock the statutory one (the insert trigger)", () => {
    const { id } = seedCase(db, { receivedAt: T0 }, T0);
    expect(clock(id)).toEqual({ kind: "ack", at: row(id).ackDueAt });
    refreshCaseClock(db, id);
    expect(clock(id)).toEqual({ kind: "ack", at: row(id).ackDueAt });
  });
});
