import { beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { schema, type Db } from "./db.server";
import { createDraft, DRAFT_TTL_MS, purgeExpiredDrafts, readDraft, saveDraft } from "./drafts.server";

let db: Db;
beforeEach(() => {
  ({ db } = createTestDb());
});

const withCookie = (setCookie: string) =>
  new Request("http://localhost:3000/verhaal/wie", { headers: { Cookie: setCookie.split(";")[0]! } });

describe("drafts", () => {
  it("hand the browser only a random id, in an httpOnly SameSite=Lax cookie that lasts 24 hours", () => {
    const { setCookie, draft } = createDraft("testimony", { answers: { story: "geheim" }, done: ["what"] });
    expect(setCookie).toMatch(/^ap_draft=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=86400$/);
    expect(setCookie).not.toContain(draft.idHash);
    const row = db.select().from(schema.drafts).get()!;
    expect(row.dataEnc).not.toContain("geheim");
    expect(row.expiresAt - row.createdAt).toBe(DRAFT_TTL_MS);
    expect(readDraft(withCookie(setCookie))?.data).toMatchObject({
      answers: { story: "geheim" },
      done: ["what"],
    });
  });

  it("are read back only with their own cookie", () => {
    createDraft("testimony", { answers: {}, done: [] });
    const forged = new Request("http://x/", { headers: { Cookie: `ap_draft=${"A".repeat(43)}` } });
    expect(readDraft(forged)).toBeNull();
    expect(readDraft(new Request("http://x/"))).toBeNull();
  });

  it("keep what is saved to them", () => {
    const { setCookie } = createDraft("testimony", { answers: {}, done: [] });
    const draft = readDraft(withCookie(setCookie))!;
    saveDraft({ ...draft, kind: "complaint", data: { ...draft.data, answers: { reporterRole: "close" } } });
    expect(readDraft(withCookie(setCookie))).toMatchObject({
      kind: "complaint",
      data: { answers: { reporterRole: "close" } },
    });
  });

  it("expire after 24 hours and are deleted on the way", () => {
    const past = Date.now() - DRAFT_TTL_MS - 1000;
    const { setCookie } = createDraft("testimony", { answers: {}, done: [] }, past);
    createDraft("complaint", { answers: {}, done: [] });
    expect(readDraft(withCookie(setCookie))).toBeNull();
    expect(purgeExpiredDrafts(Date.now(), db, true)).toBe(1);
    expect(db.select().from(schema.drafts).all()).toHaveLength(1);
  });
});
