import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { createCase } from "./cases.server";
import { schema, type Db } from "./db.server";
import { seedCase } from "./dev-seed.server";
import { eraseCase } from "./erasure.server";
import { setNotifyEmail } from "./follow.server";
import { SEARCH_LIMIT, searchCases, syncSearchIndex } from "./search-index.server";

let db: Db;
beforeEach(() => {
  db = createTestDb().db;
});

const ids = (q: string) => searchCases(q, db).hits.map((h) => h.id);

describe("searching cases by what a caller says", () => {
  it("finds a case by its code in any form a person types it", () => {
    const { id } = seedCase(db, { code: "7KQM2XR0", contact: null });
    seedCase(db, { code: "7KQM2XR1", contact: null });
    for (const typed of ["7KQM-2XR0", "7kqm2xr0", " 7kqm 2xro ", "7KQM.2XRO"])
      expect(ids(typed), typed).toEqual([id]);
    expect(searchCases("7kqm2xro", db).hits[0]).toMatchObject({ code: "7KQM-2XR0", matched: "code" });
  });

  it("finds a case filed at intake by name, phone and e-mail, without storing any of them readably", async () => {
    const created = await createCase(
      {
        kind: "contact",
        language: "nl",
        urgent: false,
        reporterRole: "close",
        unitId: null,
        periodFrom: null,
        periodTo: null,
        themes: [],
        wishes: [],
        safeNow: null,
        municipalityCode: null,
        contactMethod: "phone",
        story: null,
        details: { question: "Bel me" },
        contact: { name: "José de Vries", phone: "06 1234 5678", email: "Jose@Example.org" },
        consents: [],
      },
      { submissionKey: "k" },
    );
    seedCase(db, { contact: { name: "Sam Jansen", email: "sam@example.org" } });
    for (const typed of ["jose de vries", "VRIES", "+31612345678", "0031 6 12 34 56 78", " jose@example.ORG"])
      expect(ids(typed), typed).toEqual([created.caseId]);
    expect(ids("Jose Vries")).toEqual([]);
    const stored = JSON.stringify(db.select().from(schema.caseSearchTerms).all()).toLowerCase();
    for (const plain of ["vries", "612345678", "jose@example.org"]) expect(stored).not.toContain(plain);
  });

  it("follows a changed news address and forgets an erased case's details, but still finds its code", () => {
    const { id, code } = seedCase(db, { contact: { name: "Sam" } });
    expect(setNotifyEmail(id, "nieuws@example.org", db)).toBe(true);
    expect(ids("nieuws@example.org")).toEqual([id]);
    setNotifyEmail(id, "ander@example.org", db);
    expect(ids("nieuws@example.org")).toEqual([]);
    expect(ids("ander@example.org")).toEqual([id]);

    expect(eraseCase(id, { actor: "reporter", db })).toBe(true);
    expect(ids("sam")).toEqual([]);
    expect(db.select().from(schema.caseSearchTerms).all()).toEqual([]);
    expect(searchCases(code, db).hits).toMatchObject([{ id, erased: true }]);
  });

  it("gives the newest cases first, at most a page, and says there are more", () => {
    for (let i = 0; i < SEARCH_LIMIT + 2; i++) seedCase(db, { contact: { name: "Alex" } });
    const result = searchCases("alex", db);
    expect(result.hits).toHaveLength(SEARCH_LIMIT);
    expect(result.more).toBe(true);
    expect(result.hits.map((h) => h.id)).toEqual([...result.hits.map((h) => h.id)].sort((a, b) => b - a));
  });

  it("indexes existing cases once at start, and again when the key changes", () => {
    seedCase(db, { contact: { name: "Sam" } });
    db.delete(schema.caseSearchTerms).run();
    expect(ids("sam")).toEqual([]);
    expect(syncSearchIndex(db)).toBe(1);
    expect(ids("sam")).toHaveLength(1);
    expect(syncSearchIndex(db)).toBe(0);
    db.update(schema.settings)
      .set({ value: "other key" })
      .where(eq(schema.settings.key, "search_index_key"))
      .run();
    expect(syncSearchIndex(db)).toBe(1);
  });
});
