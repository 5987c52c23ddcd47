import { eq } from "drizzle-orm";
import { ADDITIONS_PER_DAY, DAY_MS, MESSAGES_PER_DAY, STORY_TOTAL_MAX } from "~/domain/case-limits";
import { beforeEach, describe, expect, it } from "vitest";
import type { CaseStory } from "~/domain/case-content";
import {
  addReferral,
  closeCase,
  openTestCase,
  organisationId,
  reportReferralStatus,
  setStatus,
  staffMessage,
} from "../../tests/helpers/follow-fixtures";
import { createTestDb } from "../../tests/helpers/test-db";
import { decrypt, encryptJson } from "./crypto.server";
import { schema, type Db } from "./db.server";
import {
  addInformation,
  consentsForReporter,
  notifyEmailOf,
  openCaseForAddition,
  openCaseForReporter,
  organisationsReached,
  postReporterMessage,
  setNotifyEmail,
} from "./follow.server";
import { storyOf, storySize } from "./story.server";

const NOW = Date.UTC(2026, 5, 2, 8, 0);
let db: Db;
beforeEach(() => {
  ({ db } = createTestDb());
});

describe("the reporter's view of a case", () => {
  it("shows status, the next promise and a timeline in plain steps", async () => {
    const c = await openTestCase({}, { now: NOW });
    let view = openCaseForReporter(c.caseId, { now: NOW + 1 })!;
    expect(view).toMatchObject({
      kind: "complaint",
      status: "received",
      nextDeadline: { kind: "acknowledge", overdue: false },
    });
    expect(view.timeline).toEqual([{ key: "received", at: NOW }]);

    setStatus(c.caseId, "acknowledged", { now: NOW + 10 });
    const igj = organisationId("igj");
    const ref = addReferral(c.caseId, igj, { status: "sent", now: NOW + 20 });
    reportReferralStatus(c.caseId, ref, "in_progress", { now: NOW + 30, note: "Interne opmerking" });
    closeCase(c.caseId, "De inspectie doet onderzoek.", { now: NOW + 40 });

    view = openCaseForReporter(c.caseId, { now: NOW + 50 })!;
    expect(view.status).toBe("closed");
    expect(view.nextDeadline).toBeNull();
    expect(view.timeline.map((i) => i.key)).toEqual([
      "received",
      "acknowledged",
      "referralCreated",
      "referralStatus",
      "closed",
    ]);
    expect(view.timeline.at(-1)).toMatchObject({ outcome: "De inspectie doet onderzoek." });
    expect(view.organisations[igj]).toMatch(/Inspectie/);
    expect(JSON.stringify(view)).not.toContain("Interne opmerking");
    expect(organisationsReached(c.caseId)).toEqual(["Inspectie Gezondheidszorg en Jeugd (IGJ)"]);
  });

  it("marks new staff messages as new once, then as read", async () => {
    const c = await openTestCase();
    staffMessage(c.caseId, "Hoi, hoe gaat het?", { now: NOW });
    postReporterMessage(c.caseId, "Goed, dank je", { now: NOW + 1 });
    const first = openCaseForReporter(c.caseId, { now: NOW + 2 })!;
    expect(first.messages.map((m) => [m.author, m.body, m.isNew])).toEqual([
      ["staff", "Hoi, hoe gaat het?", true],
      ["reporter", "Goed, dank je", false],
    ]);
    expect(db.select().from(schema.messages).where(eq(schema.messages.author, "staff")).get()!.readAt).toBe(
      NOW + 2,
    );
    expect(openCaseForReporter(c.caseId, { now: NOW + 3 })!.messages[0]!.isNew).toBe(false);
  });

  it("never shows or changes another case", async () => {
    const mine = await openTestCase();
    const theirs = await openTestCase();
    staffMessage(theirs.caseId, "Alleen voor de ander", { now: NOW });
    const view = openCaseForReporter(mine.caseId, { now: NOW })!;
    expect(view.messages).toEqual([]);
    expect(
      db.select().from(schema.messages).where(eq(schema.messages.caseId, theirs.caseId)).get()!.readAt,
    ).toBeNull();
  });

  it("stores a reply encrypted; a case waiting for the reporter is back with us", async () => {
    const c = await openTestCase();
    setStatus(c.caseId, "waiting", { now: NOW });
    expect(postReporterMessage(c.caseId, "Hier is mijn antwoord <script>x</script>", { now: NOW + 1 })).toBe(
      "sent",
    );
    const m = db.select().from(schema.messages).where(eq(schema.messages.caseId, c.caseId)).get()!;
    expect(m.author).toBe("reporter");
    expect(m.bodyEnc).not.toContain("antwoord");
    expect(decrypt(m.bodyEnc)).toBe("Hier is mijn antwoord <script>x</script>");
    expect(db.select().from(schema.cases).where(eq(schema.cases.id, c.caseId)).get()!.status).toBe(
      "in_progress",
    );
  });

  it("limits additions per day, in number and in total size, and messages per day and in number", async () => {
    const c = await openTestCase();
    for (let i = 0; i < ADDITIONS_PER_DAY; i++) {
      expect(addInformation(c.caseId, `Aanvulling ${i}`, { now: NOW + i })).toBe("added");
    }
    expect(addInformation(c.caseId, "Nog een", { now: NOW + 100 })).toBe("additionsToday");
    let t = NOW + DAY_MS;
    while (addInformation(c.caseId, "x".repeat(1_000), { now: t }) === "added") t += DAY_MS / 10;
    expect(addInformation(c.caseId, "x", { now: t + DAY_MS })).toBe("additionsTotal");

    const big = await openTestCase();
    const chunk = "y".repeat(20_000);
    const results = Array.from({ length: 6 }, (_, i) => addInformation(big.caseId, chunk, { now: NOW + i }));
    expect(results.slice(0, 4)).toEqual(["added", "added", "added", "added"]);
    expect(results[5]).toBe("storyFull");
    const story = storyOf(
      db,
      big.caseId,
      db.select().from(schema.cases).where(eq(schema.cases.id, big.caseId)).get()!.storyEnc,
    )!;
    expect(story.text.length + story.additions!.reduce((n, a) => n + a.text.length, 0)).toBeLessThanOrEqual(
      STORY_TOTAL_MAX,
    );

    for (let i = 0; i < MESSAGES_PER_DAY; i++) {
      expect(postReporterMessage(c.caseId, `Bericht ${i}`, { now: NOW + i })).toBe("sent");
    }
    expect(postReporterMessage(c.caseId, "Nog een", { now: NOW + 100 })).toBe("messagesToday");
    expect(postReporterMessage(c.caseId, "Morgen", { now: NOW + DAY_MS + 1 })).toBe("sent");
  });

  it("adds information as a ciphertext of its own, dated, without writing the story again", async () => {
    const c = await openTestCase();
    const storyEnc = () =>
      db.select().from(schema.cases).where(eq(schema.cases.id, c.caseId)).get()!.storyEnc;
    const before = storyEnc();
    addInformation(c.caseId, "Nog iets", { now: NOW });
    addInformation(c.caseId, "En nog iets", { now: NOW + 1 });
    expect(storyEnc()).toBe(before);
    const rows = db
      .select()
      .from(schema.storyAdditions)
      .where(eq(schema.storyAdditions.caseId, c.caseId))
      .all();
    expect(rows.map((r) => r.textEnc).join()).not.toContain("Nog iets");
    expect(rows.map((r) => decrypt(r.textEnc))).toEqual(["Nog iets", "En nog iets"]);
    const story = storyOf(db, c.caseId, storyEnc())!;
    expect(story.text).toContain("[story-marker]");
    expect(story.additions).toEqual([
      { at: NOW, text: "Nog iets" },
      { at: NOW + 1, text: "En nog iets" },
    ]);
    const types = db
      .select()
      .from(schema.caseEvents)
      .where(eq(schema.caseEvents.caseId, c.caseId))
      .all()
      .map((e) => e.type);
    expect(types).toContain("information_added");
  });

  it("still shows additions an older version kept inside the story, first, and counts them", async () => {
    const c = await openTestCase();
    const legacy: CaseStory = { text: "Het verhaal", additions: [{ at: NOW - 10, text: "Oud" }] };
    db.update(schema.cases)
      .set({ storyEnc: encryptJson(legacy) })
      .where(eq(schema.cases.id, c.caseId))
      .run();
    addInformation(c.caseId, "Nieuw", { now: NOW });
    const storyEnc = db.select().from(schema.cases).where(eq(schema.cases.id, c.caseId)).get()!.storyEnc;
    expect(storyOf(db, c.caseId, storyEnc)).toEqual({
      text: "Het verhaal",
      additions: [
        { at: NOW - 10, text: "Oud" },
        { at: NOW, text: "Nieuw" },
      ],
    });
    expect(storySize(db, c.caseId, storyEnc)).toEqual({
      textLength: 11,
      additions: [
        { at: NOW - 10, length: 3 },
        { at: NOW, length: 5 },
      ],
    });
  });

  it("keeps the news address encrypted and can remove it", async () => {
    const c = await openTestCase();
    setNotifyEmail(c.caseId, "mij@example.nl");
    expect(db.select().from(schema.cases).get()!.notifyEmailEnc).not.toContain("mij@");
    expect(notifyEmailOf(c.caseId)).toBe("mij@example.nl");
    setNotifyEmail(c.caseId, null);
    expect(notifyEmailOf(c.caseId)).toBeNull();
  });

  it("tells the reporter their consents and the municipality by name", async () => {
    const c = await openTestCase();
    const found = consentsForReporter(c.caseId)!;
    expect(found.municipality).toBe("Amsterdam");
    expect(found.consents.find((x) => x.recipient === "gemeente")).toMatchObject({
      given: true,
      withIdentity: true,
    });
  });
});

describe("a closed case", () => {
  it("takes no more messages or additions, so nothing is written where nobody looks", async () => {
    const c = await openTestCase();
    closeCase(c.caseId, "Klaar", { now: NOW });
    expect(postReporterMessage(c.caseId, "Nog iets", { now: NOW + 1 })).toBe("closed");
    expect(addInformation(c.caseId, "Nog iets", { now: NOW + 1 })).toBe("closed");
    expect(db.select().from(schema.messages).all()).toEqual([]);
    expect(openCaseForAddition(c.caseId)).toBeNull();
  });
});
