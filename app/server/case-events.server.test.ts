import { beforeEach, describe, expect, it } from "vitest";
import { caseEventTypes, type CaseEvent, type CaseEventType } from "~/domain/case-events";
import { NEWS_MAIL_WINDOW_MS } from "~/domain/news-mail";
import { openTestCase } from "../../tests/helpers/follow-fixtures";
import { caseEventsOf, createTestDb, testStaff } from "../../tests/helpers/test-db";
import { recordEvent } from "./case-events.server";
import { decrypt } from "./crypto.server";
import { schema, type Db } from "./db.server";
import { setNotifyEmail } from "./follow.server";

const NOW = Date.UTC(2026, 5, 2, 8, 0);
let db: Db;
let staffId: number;
beforeEach(() => {
  ({ db } = createTestDb());
  staffId = testStaff(db, "ombudsworker").id;
});

const record = (caseId: number, event: CaseEvent, at = NOW) =>
  db.transaction((tx) => recordEvent(tx, caseId, event, at));
const newsMails = () =>
  db
    .select()
    .from(schema.outbox)
    .all()
    .filter((m) => m.purpose === "news");
const lastEvent = (caseId: number) => caseEventsOf(db, caseId).at(-1)!;

/** A case whose reporter left an address for news, with only its `received` event so far. */
async function caseWithNewsAddress() {
  const { caseId } = await openTestCase({}, { now: NOW - 60_000 });
  setNotifyEmail(caseId, "jongere@example.nl");
  return caseId;
}

/**
 * One example of every kind as its writer hands it over, with what the row must say and whether the
 * reporter hears of it; `s` is the staff id of the test's worker.
 */
type Example = {
  event: (staffId: number) => CaseEvent;
  visible: boolean;
  news: boolean;
  text?: string;
};
const examples: Record<string, Example> = {
  "received from the reporter": {
    event: () => ({ type: "received", staffId: null, params: { kind: "complaint", urgent: false } }),
    visible: true,
    news: false,
  },
  "received, entered by staff": {
    event: (s) => ({
      type: "received",
      staffId: s,
      params: { kind: "contact", urgent: true, channel: "phone" },
    }),
    visible: true,
    news: false,
  },
  "acknowledged by a status step": {
    event: (s) => ({ type: "acknowledged", staffId: s }),
    visible: true,
    news: true,
  },
  "acknowledged by a message": {
    event: (s) => ({ type: "acknowledged", staffId: s, params: { how: "message" } }),
    visible: true,
    news: true,
  },
  answered: {
    event: (s) => ({ type: "answered", staffId: s, params: { how: "outside" } }),
    visible: false,
    news: false,
  },
  follow_up_set: {
    event: (s) => ({
      type: "follow_up_set",
      staffId: s,
      params: { date: "2026-06-09" },
      text: "Bellen na het gesprek",
    }),
    visible: false,
    news: false,
    text: "Bellen na het gesprek",
  },
  follow_up_done: { event: (s) => ({ type: "follow_up_done", staffId: s }), visible: false, news: false },
  assigned: {
    event: (s) => ({ type: "assigned", staffId: s, params: { to: s } }),
    visible: false,
    news: false,
  },
  "status_changed by staff": {
    event: (s) => ({
      type: "status_changed",
      by: "staff",
      staffId: s,
      params: { from: "acknowledged", to: "in_progress" },
    }),
    visible: true,
    news: true,
  },
  "status_changed by the reporter's answer": {
    event: () => ({ type: "status_changed", by: "reporter", params: { from: "waiting", to: "in_progress" } }),
    visible: true,
    news: false,
  },
  urgent_marked: {
    event: (s) => ({ type: "urgent_marked", staffId: s, params: { urgent: true } }),
    visible: false,
    news: false,
  },
  message_from_staff: {
    event: (s) => ({ type: "message_from_staff", staffId: s, params: { messageId: 7, role: "other" } }),
    visible: true,
    news: true,
  },
  message_from_reporter: { event: () => ({ type: "message_from_reporter" }), visible: true, news: false },
  information_added: { event: () => ({ type: "information_added" }), visible: true, news: false },
  note_added: {
    event: (s) => ({ type: "note_added", staffId: s, params: { noteId: 3 } }),
    visible: false,
    news: false,
  },
  consent_changed: {
    event: () => ({
      type: "consent_changed",
      params: { recipient: "igj", given: true, withIdentity: false },
    }),
    visible: true,
    news: false,
  },
  referral_created: {
    event: (s) => ({
      type: "referral_created",
      staffId: s,
      referralId: 11,
      params: { organisationId: 2, organisation: "IGJ", reference: "V-000011" },
    }),
    visible: true,
    news: true,
  },
  referral_shared: {
    event: (s) => ({
      type: "referral_shared",
      staffId: s,
      referralId: 11,
      params: { organisationId: 2, organisation: "IGJ", reference: "V-000011", parts: "story,themes" },
      text: "Graag contact opnemen",
    }),
    visible: false,
    news: false,
    text: "Graag contact opnemen",
  },
  referral_link_renewed: {
    event: (s) => ({
      type: "referral_link_renewed",
      staffId: s,
      referralId: 11,
      params: { organisation: "IGJ", reference: "V-000011" },
    }),
    visible: false,
    news: false,
  },
  referral_status: {
    event: () => ({
      type: "referral_status",
      referralId: 11,
      params: { status: "received", organisationId: 2, organisation: "IGJ", reference: "V-000011" },
      text: "We nemen het op",
    }),
    visible: true,
    news: true,
    text: "We nemen het op",
  },
  referral_blocked: {
    event: () => ({
      type: "referral_blocked",
      referralId: 11,
      params: { recipient: "igj", withdrawal: "identity" },
    }),
    visible: false,
    news: false,
  },
  closed: {
    event: (s) => ({
      type: "closed",
      staffId: s,
      params: { from: "in_progress", as: "duplicate" },
      text: "Zie de andere melding",
    }),
    visible: true,
    news: true,
    text: "Zie de andere melding",
  },
  reopened: {
    event: (s) => ({
      type: "reopened",
      staffId: s,
      params: { from: "closed", to: "in_progress" },
      text: "Er is iets nieuws",
    }),
    visible: true,
    news: true,
    text: "Er is iets nieuws",
  },
  fact_changed: {
    event: (s) => ({
      type: "fact_changed",
      staffId: s,
      params: { fact: "period", from: "2019-2021", to: "2018-2021" },
    }),
    visible: false,
    news: false,
  },
  erasure_requested: {
    event: () => ({ type: "erasure_requested", params: { by: "reporter" } }),
    visible: true,
    news: false,
  },
  tag_added: {
    event: (s) => ({ type: "tag_added", staffId: s, params: { tagId: 4 }, text: "Groep A" }),
    visible: false,
    news: false,
    text: "Groep A",
  },
  tag_removed: {
    event: (s) => ({ type: "tag_removed", staffId: s, params: { tagId: 4 }, text: "Groep A" }),
    visible: false,
    news: false,
    text: "Groep A",
  },
  case_linked: {
    event: (s) => ({
      type: "case_linked",
      staffId: s,
      params: { code: "ABCD-EFGH", caseId: 99, role: "duplicate_of" },
    }),
    visible: false,
    news: false,
  },
  case_unlinked: {
    event: (s) => ({
      type: "case_unlinked",
      staffId: s,
      params: { code: "ABCD-EFGH", caseId: 99, role: "related" },
    }),
    visible: false,
    news: false,
  },
};

describe("recordEvent, the one writer of case_events", () => {
  it("has an example here for every kind of event the domain knows", () => {
    const covered = new Set(Object.values(examples).map((x) => x.event(1).type));
    expect([...covered].sort()).toEqual((Object.keys(caseEventTypes) as CaseEventType[]).sort());
  });

  it.each(Object.entries(examples))(
    "%s: writes the row the event describes, and a news mail only when the reporter should hear of it",
    async (_name, example) => {
      const caseId = await caseWithNewsAddress();
      const event = example.event(staffId);
      record(caseId, event);

      const row = lastEvent(caseId);
      expect(row).toMatchObject({
        caseId,
        at: NOW,
        type: event.type,
        reporterVisible: example.visible,
        staffId: "staffId" in event ? event.staffId : null,
        referralId: "referralId" in event ? event.referralId : null,
        params: "params" in event && event.params ? event.params : null,
      });
      expect(row.dataEnc === null ? null : decrypt(row.dataEnc)).toBe(example.text ?? null);
      if (example.text) expect(row.dataEnc).not.toContain(example.text);

      expect(newsMails()).toHaveLength(example.news ? 1 : 0);
      if (example.news) {
        const [mail] = newsMails();
        expect(mail).toMatchObject({ status: "queued", createdAt: NOW });
        expect(decrypt(mail!.toEnc)).toBe("jongere@example.nl");
      }
    },
  );

  it("stores no text for an empty one (a case closed without an outcome)", async () => {
    const caseId = await caseWithNewsAddress();
    record(caseId, { type: "closed", staffId, params: { from: "in_progress" }, text: "" });
    expect(lastEvent(caseId)).toMatchObject({
      type: "closed",
      params: { from: "in_progress" },
      dataEnc: null,
    });
  });

  it("queues no news mail when the reporter left no address", async () => {
    const { caseId } = await openTestCase({}, { now: NOW - 60_000 });
    record(caseId, { type: "message_from_staff", staffId, params: { messageId: 1, role: "other" } });
    expect(lastEvent(caseId).type).toBe("message_from_staff");
    expect(db.select().from(schema.outbox).all()).toEqual([]);
  });

  it("sends at most one news mail per case per window, however many visible events come in it", async () => {
    const caseId = await caseWithNewsAddress();
    const other = await caseWithNewsAddress();
    const staffMessage = {
      type: "message_from_staff",
      staffId,
      params: { messageId: 1, role: "other" },
    } as const;

    // One update with several visible events: one mail.
    db.transaction((tx) => {
      recordEvent(tx, caseId, { type: "acknowledged", staffId }, NOW);
      recordEvent(tx, caseId, staffMessage, NOW);
      recordEvent(
        tx,
        caseId,
        { type: "closed", staffId, params: { from: "in_progress" }, text: "Klaar" },
        NOW,
      );
    });
    expect(newsMails()).toHaveLength(1);

    // Later news within the window waits on /volgen; another case has a window of its own.
    record(
      caseId,
      { type: "reopened", staffId, params: { from: "closed", to: "in_progress" }, text: "Nieuw" },
      NOW + NEWS_MAIL_WINDOW_MS - 1,
    );
    record(other, staffMessage, NOW + 1);
    expect(newsMails().map((m) => m.createdAt)).toEqual([NOW, NOW + 1]);

    // News after the window sends the next mail.
    record(caseId, staffMessage, NOW + NEWS_MAIL_WINDOW_MS);
    expect(newsMails().map((m) => m.createdAt)).toEqual([NOW, NOW + 1, NOW + NEWS_MAIL_WINDOW_MS]);
  });

  it("events that bring no news do not start the window", async () => {
    const caseId = await caseWithNewsAddress();
    record(caseId, { type: "message_from_reporter" }, NOW);
    record(caseId, { type: "note_added", staffId, params: { noteId: 1 } }, NOW + 1);
    expect(newsMails()).toHaveLength(0);
    record(caseId, { type: "message_from_staff", staffId, params: { messageId: 1, role: "other" } }, NOW + 2);
    expect(newsMails().map((m) => m.createdAt)).toEqual([NOW + 2]);
  });

  it("writes nothing, row or mail, when the change's transaction rolls back", async () => {
    const caseId = await caseWithNewsAddress();
    const before = caseEventsOf(db, caseId).length;
    expect(() =>
      db.transaction((tx) => {
        recordEvent(tx, caseId, { type: "acknowledged", staffId }, NOW);
        throw new Error("the change failed after its event");
      }),
    ).toThrow("the change failed");
    expect(caseEventsOf(db, caseId)).toHaveLength(before);
    expect(newsMails()).toEqual([]);
  });
});
