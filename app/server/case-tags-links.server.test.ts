/**
 * Tags on cases and links between cases (issue 16, point 5; ADR 041): the rules as a caller meets them,
 * what is stored (encrypted, audited, in the internal timelines only) and what erasure leaves.
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { TAG_MAX_LENGTH, TAGS_PER_CASE_MAX } from "~/domain/case-tags";
import { formatCaseCode } from "~/domain/codes";
import { defaultQueueFilters } from "~/domain/queue";
import { openTestCase } from "../../tests/helpers/follow-fixtures";
import { caseEventsOf, createTestDb, testStaff } from "../../tests/helpers/test-db";
import { loadCase } from "./case-admin/view.server";
import { changeStatus, reopenCase } from "./case-admin/status.server";
import {
  addTag,
  allTags,
  changeTagsOrLinks,
  linkCase,
  linksOf,
  removeTag,
  tagsOfCases,
  unlinkCase,
} from "./case-tags-links.server";
import { decrypt } from "./crypto.server";
import { schema, type Db } from "./db.server";
import { eraseCase } from "./erasure.server";
import { openCaseForReporter } from "./follow.server";
import { loadQueue } from "./queue.server";
import type { StaffUser } from "./staff-session.server";

let db: Db;
let me: StaffUser;
const T0 = Date.UTC(2026, 2, 2, 10);

beforeEach(() => {
  db = createTestDb().db;
  me = testStaff(db, "ombudsworker");
});

/** A case with its code as staff see it (7KQM-2XRT). */
const openCase = async () => {
  const c = await openTestCase({}, { now: T0, db });
  return { ...c, code: formatCaseCode(c.code) };
};
const tagNames = (caseId: number) => (tagsOfCases([caseId]).get(caseId) ?? []).map((g) => g.name);
const events = (caseId: number) => caseEventsOf(db, caseId);
const audits = (caseId: number) =>
  db
    .select()
    .from(schema.auditLog)
    .where(eq(schema.auditLog.caseId, caseId))
    .all()
    .map((a) => ({ action: a.action, detail: a.detail ? (JSON.parse(a.detail) as unknown) : null }));
const lowerNoHyphen = (code: string) => code.replace("-", "").toLowerCase();

describe("tags", () => {
  it("stores a typed tag trimmed, lower-cased, spaces collapsed, and one tag for the same words", async () => {
    const a = await openCase();
    const b = await openCase();
    expect(addTag(a.caseId, me, "  Tolk   NODIG ", T0)).toEqual({ ok: true, tag: "tolk nodig" });
    expect(addTag(b.caseId, me, "tolk nodig", T0)).toEqual({ ok: true, tag: "tolk nodig" });
    expect(tagNames(a.caseId)).toEqual(["tolk nodig"]);
    expect(allTags()).toHaveLength(1);
  });

  it("keeps the tag's text encrypted at rest", async () => {
    const a = await openCase();
    addTag(a.caseId, me, "familie jansen", T0);
    const row = db.select().from(schema.tags).get()!;
    expect(row.nameEnc).not.toContain("jansen");
    expect(decrypt(row.nameEnc)).toBe("familie jansen");
  });

  it("refuses an empty tag, a long one, control characters, the same tag twice and one too many", async () => {
    const a = await openCase();
    expect(addTag(a.caseId, me, "   ")).toEqual({ ok: false, reason: "required" });
    expect(addTag(a.caseId, me, "x".repeat(TAG_MAX_LENGTH + 1))).toEqual({ ok: false, reason: "tooLong" });
    expect(addTag(a.caseId, me, "x".repeat(TAG_MAX_LENGTH))).toMatchObject({ ok: true });
    expect(addTag(a.caseId, me, "media\u0007")).toEqual({ ok: false, reason: "controlChars" });
    expect(addTag(a.caseId, me, "me\u200bdia")).toEqual({ ok: false, reason: "controlChars" });
    expect(addTag(a.caseId, me, "Media")).toMatchObject({ ok: true });
    expect(addTag(a.caseId, me, "MEDIA")).toEqual({ ok: false, reason: "already" });
    for (let i = 2; i < TAGS_PER_CASE_MAX; i++)
      expect(addTag(a.caseId, me, `tag ${i}`)).toMatchObject({ ok: true });
    expect(addTag(a.caseId, me, "one more")).toEqual({ ok: false, reason: "tooMany" });
    expect(tagNames(a.caseId)).toHaveLength(TAGS_PER_CASE_MAX);
  });

  it("writes each change to the internal timeline and the audit log, never to the reporter's view", async () => {
    const a = await openCase();
    addTag(a.caseId, me, "media", T0 + 1);
    const tagId = allTags()[0]!.id;
    expect(removeTag(a.caseId, me, tagId, T0 + 2)).toEqual({ ok: true, tag: "media" });
    const tagEvents = events(a.caseId).filter((e) => e.type.startsWith("tag_"));
    expect(tagEvents.map((e) => [e.type, e.reporterVisible, decrypt(e.dataEnc!)])).toEqual([
      ["tag_added", false, "media"],
      ["tag_removed", false, "media"],
    ]);
    // The audit log holds the tag's id, never its text.
    expect(audits(a.caseId).filter((x) => x.action.includes("tagged"))).toEqual([
      { action: "case_tagged", detail: { tagId } },
      { action: "case_untagged", detail: { tagId } },
    ]);
    const reporter = openCaseForReporter(a.caseId, { db })!;
    expect(JSON.stringify(reporter)).not.toContain("media");
  });

  it("deletes a tag with its last use, and refuses a tag the case does not have", async () => {
    const a = await openCase();
    const b = await openCase();
    addTag(a.caseId, me, "media");
    addTag(b.caseId, me, "media");
    const tagId = allTags()[0]!.id;
    removeTag(a.caseId, me, tagId);
    expect(allTags()).toHaveLength(1);
    expect(removeTag(a.caseId, me, tagId)).toEqual({ ok: false, reason: "unknownTag" });
    removeTag(b.caseId, me, tagId);
    expect(allTags()).toEqual([]);
  });

  it("filters the queue by tag and shows each row's tags", async () => {
    const a = await openCase();
    const b = await openCase();
    addTag(a.caseId, me, "media");
    addTag(b.caseId, me, "herhaald");
    const media = allTags().find((g) => g.name === "media")!;
    const q = loadQueue({ ...defaultQueueFilters, tag: media.id }, me.id, T0, db);
    expect(q.rows.map((r) => r.id)).toEqual([a.caseId]);
    expect(q.total).toBe(1);
    expect(q.rows[0]!.tags).toEqual([media]);
    expect(loadQueue(defaultQueueFilters, me.id, T0, db).total).toBe(2);
  });

  it("answers not_found for a case that is not there", () => {
    expect(changeTagsOrLinks(999999, me, { intent: "tag", tag: "media" })).toEqual({
      ok: false,
      reason: "not_found",
    });
  });
});

describe("links", () => {
  it("links by the other case's code in any written form, shown and told on both sides", async () => {
    const a = await openCase();
    const b = await openCase();
    expect(linkCase(a.caseId, me, ` ${lowerNoHyphen(b.code)} `, "duplicate_of", T0 + 1)).toEqual({
      ok: true,
      code: b.code,
    });
    expect(linksOf(a.caseId)).toMatchObject([
      { role: "duplicate_of", other: { id: b.caseId, code: b.code } },
    ]);
    expect(linksOf(b.caseId)).toMatchObject([{ role: "original_of", other: { id: a.caseId, code: a.code } }]);
    const linked = (id: number) => events(id).filter((e) => e.type === "case_linked");
    expect(linked(a.caseId)).toMatchObject([
      { reporterVisible: false, params: { code: b.code, role: "duplicate_of" } },
    ]);
    expect(linked(b.caseId)).toMatchObject([
      { reporterVisible: false, params: { code: a.code, role: "original_of" } },
    ]);
    expect(audits(a.caseId)).toContainEqual({
      action: "case_linked",
      detail: { otherCaseId: b.caseId, role: "duplicate_of" },
    });
    expect(audits(b.caseId)).toContainEqual({
      action: "case_linked",
      detail: { otherCaseId: a.caseId, role: "original_of" },
    });
    expect(JSON.stringify(openCaseForReporter(a.caseId, { db }))).not.toContain(b.code);
  });

  it("refuses a link to the case itself, an unknown or unreadable code, and a second link between two cases", async () => {
    const a = await openCase();
    const b = await openCase();
    expect(linkCase(a.caseId, me, a.code, "related")).toMatchObject({ ok: false, reason: "self" });
    expect(linkCase(a.caseId, me, "", "related")).toEqual({ ok: false, reason: "codeRequired" });
    expect(linkCase(a.caseId, me, "ZZZZ-ZZZZ", "related")).toEqual({ ok: false, reason: "unknownCode" });
    expect(linkCase(a.caseId, me, "not a code", "related")).toEqual({ ok: false, reason: "unknownCode" });
    expect(linkCase(a.caseId, me, b.code, "related")).toMatchObject({ ok: true });
    expect(linkCase(b.caseId, me, a.code, "duplicate_of")).toEqual({
      ok: false,
      reason: "already",
      code: a.code,
    });
    expect(audits(a.caseId).filter((x) => x.action === "case_linked")).toHaveLength(1);
  });

  it("keeps one duplicate link per duplicate and no chains", async () => {
    const a = await openCase();
    const b = await openCase();
    const c = await openCase();
    linkCase(a.caseId, me, b.code, "duplicate_of");
    expect(linkCase(a.caseId, me, c.code, "duplicate_of")).toMatchObject({ reason: "duplicateAlready" });
    expect(linkCase(c.caseId, me, a.code, "duplicate_of")).toMatchObject({ reason: "originalIsDuplicate" });
    expect(linkCase(b.caseId, me, c.code, "duplicate_of")).toMatchObject({
      reason: "duplicateHasDuplicates",
    });
    expect(linkCase(c.caseId, me, b.code, "duplicate_of")).toMatchObject({ ok: true });
    expect(linkCase(a.caseId, me, c.code, "related")).toMatchObject({ ok: true });
  });

  it("unlinks from either side, told on both timelines", async () => {
    const a = await openCase();
    const b = await openCase();
    linkCase(a.caseId, me, b.code, "related");
    const link = linksOf(b.caseId)[0]!;
    expect(unlinkCase(b.caseId, me, link.id)).toEqual({ ok: true, code: a.code });
    expect(linksOf(a.caseId)).toEqual([]);
    expect(events(a.caseId).at(-1)).toMatchObject({ type: "case_unlinked", params: { code: b.code } });
    expect(events(b.caseId).at(-1)).toMatchObject({ type: "case_unlinked", params: { code: a.code } });
    expect(unlinkCase(b.caseId, me, link.id)).toEqual({ ok: false, reason: "unknownLink" });
  });

  it("refuses to unlink a link of other cases through this case", async () => {
    const a = await openCase();
    const b = await openCase();
    const c = await openCase();
    linkCase(a.caseId, me, b.code, "related");
    expect(unlinkCase(c.caseId, me, linksOf(a.caseId)[0]!.id)).toEqual({ ok: false, reason: "unknownLink" });
    expect(linksOf(a.caseId)).toHaveLength(1);
  });

  it("closes a duplicate as one, and only a case linked as a duplicate; reopening clears it", async () => {
    const a = await openCase();
    const b = await openCase();
    expect(changeStatus(a.caseId, me, "closed", "Dubbel.", T0, { asDuplicate: true })).toEqual({
      ok: false,
      reason: "not_duplicate",
    });
    linkCase(a.caseId, me, b.code, "duplicate_of");
    expect(
      changeStatus(a.caseId, me, "closed", "We behandelen je verhaal in je andere melding.", T0 + 1, {
        asDuplicate: true,
      }),
    ).toEqual({ ok: true });
    expect(loadCase(a.caseId, me, {})!.case).toMatchObject({ status: "closed", closedAs: "duplicate" });
    expect(events(a.caseId).at(-1)).toMatchObject({ type: "closed", params: { as: "duplicate" } });
    // The reporter reads the outcome, not the other case.
    const reporter = JSON.stringify(openCaseForReporter(a.caseId, { db }));
    expect(reporter).toContain("We behandelen je verhaal in je andere melding.");
    expect(reporter).not.toContain(b.code);
    expect(linksOf(b.caseId)[0]!.other).toMatchObject({ status: "closed", closedAs: "duplicate" });
    reopenCase(a.caseId, me, "Toch apart.", T0 + 2);
    expect(loadCase(a.caseId, me, {})!.case).toMatchObject({ status: "in_progress", closedAs: null });
  });
});

describe("erasure", () => {
  it("leaves no tag and no link of the erased case, and a tag only it carried is gone", async () => {
    const a = await openCase();
    const b = await openCase();
    addTag(a.caseId, me, "familie jansen");
    addTag(a.caseId, me, "media");
    addTag(b.caseId, me, "media");
    linkCase(a.caseId, me, b.code, "duplicate_of");
    expect(eraseCase(a.caseId, { actor: "reporter", db })).toBe(true);
    expect(tagNames(a.caseId)).toEqual([]);
    expect(allTags().map((g) => g.name)).toEqual(["media"]);
    expect(linksOf(b.caseId)).toEqual([]);
    expect(db.select().from(schema.caseLinks).all()).toEqual([]);
    // The erased case's own timeline keeps no tag text.
    expect(
      events(a.caseId)
        .filter((e) => e.type === "tag_added")
        .every((e) => e.dataEnc === null),
    ).toBe(true);
  });

  it("refuses a link to an erased case, naming its code", async () => {
    const a = await openCase();
    const b = await openCase();
    eraseCase(b.caseId, { actor: "reporter", db });
    expect(linkCase(a.caseId, me, b.code, "related")).toEqual({ ok: false, reason: "erased", code: b.code });
  });
});
