import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { caseDeadlines } from "~/domain/working-days";
import { auditActionsOf, caseEventsOf, createTestDb, testStaff } from "../../tests/helpers/test-db";
import { erasedCase, loadCase } from "./case-admin/view.server";
import { changeStatus } from "./case-admin/status.server";
import { addNote, sendMessage } from "./case-admin/messages.server";
import { assignCase, setUrgent } from "./case-admin/planning.server";
import { decrypt } from "./crypto.server";
import { schema, type Db } from "./db.server";
import { seedCase } from "./dev-seed.server";
import type { StaffUser } from "./staff-session.server";

let db: Db;
let me: StaffUser;

beforeEach(() => {
  db = createTestDb().db;
  me = testStaff(db, "ombudsworker");
});

const events = (caseId: number) => caseEventsOf(db, caseId);
const audits = (caseId: number) => auditActionsOf(db, caseId);
const caseRow = (id: number) => db.select().from(schema.cases).where(eq(schema.cases.id, id)).get()!;
const outbox = () => db.select().from(schema.outbox).all();

describe("reading a case", () => {
  it("writes an audit entry for every look at the story, and one for the contact details only when shown", () => {
    const { id } = seedCase(db, { reporterMessages: ["Hallo?"] });
    const first = loadCase(id, me, {})!;
    expect(first.story?.text).toContain("alleen op mijn kamer");
    expect(first.contact).toBeNull();
    expect(audits(id)).toEqual(["case_viewed"]);
    const second = loadCase(id, me, { contact: "show" })!;
    expect(second.contact).toEqual({ name: "Sam", email: "sam@example.org" });
    expect(audits(id)).toEqual(["case_viewed", "case_viewed", "contact_viewed"]);
  });

  it("logs no new look at the case on the page after the person's own action on it", () => {
    const { id } = seedCase(db);
    loadCase(id, me, {});
    loadCase(id, me, { logView: false });
    expect(audits(id)).toEqual(["case_viewed"]);
  });

  it("keeps contact details shown for the rest of the session once shown, logged once", () => {
    const signedInAt = Date.UTC(2026, 5, 2, 8);
    db.insert(schema.staffSessions)
      .values({
        idHash: me.sessionIdHash,
        staffId: me.id,
        verified: true,
        createdAt: signedInAt,
        lastSeenAt: signedInAt,
      })
      .run();
    const { id } = seedCase(db);
    expect(loadCase(id, me, {}, signedInAt + 1)!.contact).toBeNull();
    expect(loadCase(id, me, { contact: "show" }, signedInAt + 2)!.contact).toMatchObject({ name: "Sam" });
    expect(loadCase(id, me, {}, signedInAt + 3)!.contact).toMatchObject({ name: "Sam" });
    expect(loadCase(id, me, { contact: "show" }, signedInAt + 4)!.contact).toMatchObject({ name: "Sam" });
    expect(loadCase(id, me, { contact: "hide" }, signedInAt + 5)!.contact).toBeNull();
    expect(audits(id).filter((a) => a === "contact_viewed")).toHaveLength(1);

    // A new session starts hidden again, and a new look is logged again.
    db.insert(schema.staffSessions)
      .values({
        idHash: "next",
        staffId: me.id,
        verified: true,
        createdAt: signedInAt + 10,
        lastSeenAt: signedInAt + 10,
      })
      .run();
    const later = { ...me, sessionIdHash: "next" };
    expect(loadCase(id, later, {}, signedInAt + 11)!.contact).toBeNull();
    loadCase(id, later, { contact: "show" }, signedInAt + 12);
    expect(audits(id).filter((a) => a === "contact_viewed")).toHaveLength(2);
  });

  it("tells an erased case apart from one that never existed", () => {
    const { id, code } = seedCase(db);
    db.update(schema.cases).set({ erasedAt: 42 }).where(eq(schema.cases.id, id)).run();
    expect(loadCase(id, me, {})).toBeNull();
    expect(erasedCase(id)).toEqual({ code: `${code.slice(0, 4)}-${code.slice(4)}`, erasedAt: 42 });
    expect(erasedCase(999)).toBeNull();
  });

  it("marks the reporter's messages as read", () => {
    const { id } = seedCase(db, { reporterMessages: ["Hallo?"] });
    expect(db.select().from(schema.messages).get()?.readAt).toBeNull();
    loadCase(id, me, {}, 1234);
    expect(db.select().from(schema.messages).get()?.readAt).toBe(1234);
  });

  it("finds nothing for an unknown case, and writes nothing", () => {
    expect(loadCase(999, me, { contact: "show" })).toBeNull();
    expect(db.select().from(schema.auditLog).all()).toHaveLength(0);
  });
});

describe("handling a case end to end", () => {
  it("assign, message, acknowledge, close: each step on the timeline, in the audit log, and news mail for the reporter", () => {
    const { id } = seedCase(db, { notifyEmail: "melder@example.org", language: "en" });

    expect(assignCase(id, me, me.id)).toEqual({ ok: true });
    expect(caseRow(id).assigneeId).toBe(me.id);
    expect(assignCase(id, me, me.id)).toEqual({ ok: false, reason: "same" });
    expect(outbox()).toHaveLength(0); // assignment is internal: no news

    // An ordinary message is neither the acknowledgement nor the answer (ADR 039): the worker chooses.
    expect(sendMessage(id, me, "We have read your story.", "other")).toEqual({ ok: true });
    const message = db.select().from(schema.messages).where(eq(schema.messages.author, "staff")).get()!;
    expect(message.bodyEnc).not.toContain("read your story");
    expect(decrypt(message.bodyEnc)).toBe("We have read your story.");
    expect(caseRow(id).firstAnswerAt).toBeNull();
    expect(caseRow(id).acknowledgedAt).toBeNull();
    const mail = outbox();
    expect(mail).toHaveLength(1);
    expect(decrypt(mail[0]!.toEnc)).toBe("melder@example.org");
    expect(mail[0]!.subject).toBe("There is news about your case");
    expect(mail[0]!.bodyText).not.toContain("read your story");
    expect(mail[0]!.bodyText).not.toContain(caseRow(id).code);

    expect(changeStatus(id, me, "acknowledged", null)).toEqual({ ok: true });
    expect(changeStatus(id, me, "acknowledged", null)).toEqual({ ok: false, reason: "already_acknowledged" });
    expect(changeStatus(id, me, "in_progress", null)).toEqual({ ok: true });
    expect(changeStatus(id, me, "closed", "Your story is recorded and counted.")).toEqual({ ok: true });
    const row = caseRow(id);
    expect(row.status).toBe("closed");
    expect(row.closedAt).not.toBeNull();
    expect(decrypt(row.outcomeEnc!)).toBe("Your story is recorded and counted.");
    expect(changeStatus(id, me, "waiting", null)).toEqual({ ok: false, reason: "closed" });
    expect(sendMessage(id, me, "More", "other")).toEqual({ ok: false, reason: "closed" });

    const timeline = events(id).map((e) => [e.type, e.reporterVisible]);
    expect(timeline).toEqual([
      ["received", true],
      ["assigned", false],
      ["message_from_staff", true],
      ["acknowledged", true],
      ["status_changed", true],
      ["closed", true],
    ]);
    const closed = events(id).at(-1)!;
    expect(decrypt(closed.dataEnc!)).toBe("Your story is recorded and counted.");
    expect(events(id).find((e) => e.type === "status_changed")?.params).toEqual({
      from: "acknowledged",
      to: "in_progress",
    });
    expect(audits(id)).toEqual([
      "case_assigned",
      "message_sent",
      "case_status_changed",
      "case_status_changed",
      "case_status_changed",
    ]);
    // Message, acknowledged, in progress and closed within seconds: one news mail, not four.
    expect(outbox()).toHaveLength(1);
  });

  it("acknowledges with the first step even when that step is not 'acknowledge'", () => {
    const { id } = seedCase(db);
    changeStatus(id, me, "waiting", null);
    expect(caseRow(id).acknowledgedAt).not.toBeNull();
    expect(events(id).map((e) => e.type)).toEqual(["received", "acknowledged", "status_changed"]);
  });

  it("keeps notes internal and encrypted, and sends no mail for them", () => {
    const { id } = seedCase(db, { notifyEmail: "melder@example.org" });
    expect(addNote(id, me, "Called the unit; no answer.")).toEqual({ ok: true });
    const note = db.select().from(schema.notes).get()!;
    expect(decrypt(note.bodyEnc)).toBe("Called the unit; no answer.");
    expect(events(id).at(-1)).toMatchObject({ type: "note_added", reporterVisible: false });
    expect(outbox()).toHaveLength(0);
    expect(audits(id)).toEqual(["note_added"]);
  });

  it("marking urgent moves the acknowledgement deadline to one working day", () => {
    const receivedAt = Date.UTC(2025, 2, 3, 9); // Monday
    const { id } = seedCase(db, { receivedAt });
    expect(setUrgent(id, me, true)).toEqual({ ok: true });
    expect(caseRow(id).ackDueAt).toBe(caseDeadlines(receivedAt, true).ackDueAt);
    expect(setUrgent(id, me, true)).toEqual({ ok: false, reason: "same" });
    expect(setUrgent(id, me, false)).toEqual({ ok: true });
    expect(caseRow(id).ackDueAt).toBe(caseDeadlines(receivedAt, false).ackDueAt);
    expect(audits(id)).toEqual(["case_urgency_changed", "case_urgency_changed"]);
  });

  it("refuses to assign to a deactivated colleague", () => {
    const { id } = seedCase(db);
    const other = testStaff(db, "ombudsworker", {
      name: "Gone",
      email: "gone@example.org",
      active: false,
    }).id;
    expect(assignCase(id, me, other)).toEqual({ ok: false, reason: "unknown_staff" });
    expect(assignCase(999, me, me.id)).toEqual({ ok: false, reason: "not_found" });
    expect(
      db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.caseId, id)))
        .all(),
    ).toHaveLength(0);
  });
});
