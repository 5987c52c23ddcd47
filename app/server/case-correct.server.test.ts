/**
 * Correcting and reopening a case, and the two confirmations before closing with an open referral and
 * before a second referral to the same organisation (issue 16, point 5).
 */
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { reporterTimeline } from "~/domain/reporter-view";
import {
  addReferral,
  municipalityId,
  openTestCase,
  organisationId,
} from "../../tests/helpers/follow-fixtures";
import { auditActionsOf, caseEventsOf, createTestDb, testStaff } from "../../tests/helpers/test-db";
import { changeStatus, reopenCase } from "./case-admin/status.server";
import { editFacts } from "./case-admin/facts.server";
import { decrypt } from "./crypto.server";
import { schema, type Db } from "./db.server";
import { createReferral } from "./referrals/create.server";
import { searchCases } from "./search-index.server";
import type { StaffUser } from "./staff-session.server";

let db: Db;
let me: StaffUser;
const T0 = Date.UTC(2026, 2, 2, 10);

beforeEach(() => {
  db = createTestDb().db;
  me = testStaff(db, "ombudsworker");
});

const caseRow = (id: number) => db.select().from(schema.cases).where(eq(schema.cases.id, id)).get()!;
const events = (caseId: number) => caseEventsOf(db, caseId);
const audits = (caseId: number) => auditActionsOf(db, caseId);
const count = (dimension: string, value: string) =>
  db
    .select({ n: schema.statCounts.count })
    .from(schema.statCounts)
    .where(and(eq(schema.statCounts.dimension, dimension), eq(schema.statCounts.value, value)))
    .all()
    .reduce((sum, r) => sum + r.n, 0);
const secondUnit = () =>
  db
    .select()
    .from(schema.units)
    .all()
    .find((u) => u.id !== 1)!;

/** A complaint about unit 1 in 2019–2021 in Amsterdam, themes isolation and no_school, consent for the IGJ only. */
const openCase = (overrides = {}) =>
  openTestCase(
    {
      consents: [{ recipient: "igj", given: true, withIdentity: false }],
      contactMethod: "email",
      contact: { name: "Sam Jansen", email: "sam@example.org" },
      ...overrides,
    },
    { now: T0, db },
  );

describe("correcting a case's facts", () => {
  it("saves the new municipality, unit, period and themes, one internal timeline entry per fact and one audit row", async () => {
    const c = await openCase();
    const unit = secondUnit();
    const result = editFacts(
      c.caseId,
      me,
      {
        municipality: "GM0344",
        unit: unit.slug,
        periodFrom: "2020",
        periodTo: "",
        themes: ["medication", "isolation"],
      },
      T0 + 1000,
    );
    expect(result).toEqual({ ok: true, changed: ["municipality", "unit", "period", "themes"] });
    const row = caseRow(c.caseId);
    expect(row).toMatchObject({
      municipalityCode: "GM0344",
      unitId: unit.id,
      periodFrom: 2020,
      periodTo: null,
      themes: ["isolation", "medication"],
    });
    const changes = events(c.caseId).filter((e) => e.type === "fact_changed");
    expect(changes.map((e) => [e.params, e.reporterVisible, e.staffId])).toEqual([
      [{ fact: "municipality", from: "Amsterdam", to: "Utrecht" }, false, me.id],
      [{ fact: "unit", from: expect.any(String), to: `${unit.name}, ${unit.place}` }, false, me.id],
      [{ fact: "period", from: "2019-2021", to: "2020-" }, false, me.id],
      [{ fact: "themes", from: "isolation,no_school", to: "isolation,medication" }, false, me.id],
    ]);
    expect(audits(c.caseId).filter((a) => a === "case_facts_changed")).toHaveLength(1);
  });

  it("refuses what the intake refuses, says why per field, and writes nothing", async () => {
    const c = await openCase();
    const result = editFacts(c.caseId, me, {
      municipality: "GM9999",
      unit: "no-such-unit",
      periodFrom: "2022",
      periodTo: "2020",
      themes: ["not_a_theme"],
    });
    expect(result).toEqual({
      ok: false,
      reason: "invalid",
      errors: {
        municipality: { key: "invalidChoice" },
        unit: { key: "invalidChoice" },
        periodTo: { key: "yearOrder" },
        themes: { key: "invalidChoice" },
      },
    });
    expect(editFacts(c.caseId, me, { periodFrom: "1999" })).toMatchObject({
      errors: { periodFrom: { key: "year", params: { min: 2000 } } },
    });
    expect(caseRow(c.caseId).municipalityCode).toBe("GM0363");
    expect(events(c.caseId).some((e) => e.type === "fact_changed")).toBe(false);
    expect(audits(c.caseId)).not.toContain("case_facts_changed");
  });

  it("keeps a municipality while the reporter's consent to share with the municipality stands", async () => {
    const c = await openCase({ consents: [{ recipient: "gemeente", given: true, withIdentity: false }] });
    const result = editFacts(c.caseId, me, {
      municipality: "",
      unit: "",
      periodFrom: "2019",
      periodTo: "2021",
      themes: ["isolation", "no_school"],
    });
    expect(result).toMatchObject({ ok: false, errors: { municipality: { key: "neededForConsent" } } });
    expect(caseRow(c.caseId).municipalityCode).toBe("GM0363");
  });

  it("says so when nothing changed, and writes nothing", async () => {
    const c = await openCase();
    const unitSlug = db.select().from(schema.units).where(eq(schema.units.id, 1)).get()!.slug;
    const same = {
      municipality: "GM0363",
      unit: unitSlug,
      periodFrom: "2019",
      periodTo: "2021",
      themes: ["no_school", "isolation"],
    };
    expect(editFacts(c.caseId, me, same)).toEqual({ ok: false, reason: "same" });
    expect(audits(c.caseId)).not.toContain("case_facts_changed");
  });

  it("moves the statistics' unit and theme counts with the case", async () => {
    const c = await openCase();
    const unit = secondUnit();
    expect([count("unit", "1"), count("unit", String(unit.id)), count("theme", "medication")]).toEqual([
      1, 0, 0,
    ]);
    editFacts(c.caseId, me, {
      municipality: "GM0363",
      unit: unit.slug,
      periodFrom: "2019",
      periodTo: "2021",
      themes: ["medication"],
    });
    expect([count("unit", "1"), count("unit", String(unit.id))]).toEqual([0, 1]);
    expect([count("theme", "isolation"), count("theme", "medication")]).toEqual([0, 1]);
  });

  it("leaves the search index as it was: the case is still found by the reporter's address", async () => {
    const c = await openCase();
    const terms = () =>
      db
        .select({ term: schema.caseSearchTerms.term })
        .from(schema.caseSearchTerms)
        .where(eq(schema.caseSearchTerms.caseId, c.caseId))
        .all()
        .map((r) => r.term)
        .sort();
    const before = terms();
    expect(before.length).toBeGreaterThan(0);
    editFacts(c.caseId, me, { municipality: "GM0344", unit: "", periodFrom: "", periodTo: "", themes: [] });
    expect(terms()).toEqual(before);
    expect(searchCases("sam@example.org", db).hits.map((h) => h.id)).toEqual([c.caseId]);
  });
});

describe("reopening a closed case", () => {
  it("puts it back in progress with the reason in the timeline, which the reporter sees", async () => {
    const c = await openCase();
    expect(changeStatus(c.caseId, me, "closed", "Afgehandeld.", T0 + 1000)).toEqual({ ok: true });
    const closed = caseRow(c.caseId);
    expect(reopenCase(c.caseId, me, "De melder belde met nieuwe informatie.", T0 + 2000)).toEqual({
      ok: true,
    });
    const row = caseRow(c.caseId);
    expect(row.status).toBe("in_progress");
    expect(row.closedAt).toBeNull();
    // The met deadlines are history the statistics count: reopening does not rewrite them.
    expect([row.acknowledgedAt, row.firstAnswerAt]).toEqual([closed.acknowledgedAt, closed.firstAnswerAt]);
    const reopened = events(c.caseId).find((e) => e.type === "reopened")!;
    expect(reopened.reporterVisible).toBe(true);
    expect(decrypt(reopened.dataEnc!)).toBe("De melder belde met nieuwe informatie.");
    expect(audits(c.caseId)).toContain("case_reopened");
    const seen = reporterTimeline(
      events(c.caseId).map((e) => ({ ...e, text: e.dataEnc ? decrypt(e.dataEnc) : null })),
      new Map(),
    );
    expect(seen.at(-1)).toMatchObject({ key: "reopened", reason: "De melder belde met nieuwe informatie." });
    // And it can be closed again.
    expect(changeStatus(c.caseId, me, "closed", "Nu echt klaar.", T0 + 3000)).toEqual({ ok: true });
  });

  it("refuses a case that is not closed", async () => {
    const c = await openCase();
    expect(reopenCase(c.caseId, me, "Waarom?")).toEqual({ ok: false, reason: "not_closed" });
    expect(audits(c.caseId)).not.toContain("case_reopened");
  });
});

describe("closing while a referral is open", () => {
  it("asks to confirm and names the open referral; closes once confirmed", async () => {
    const c = await openCase();
    const referralId = addReferral(c.caseId, organisationId("igj", db), { status: "sent", db, now: T0 });
    const first = changeStatus(c.caseId, me, "closed", "Klaar.", T0 + 1000);
    expect(first).toMatchObject({
      ok: false,
      reason: "open_referral",
      referrals: [{ reference: `R-${referralId}`, status: "sent" }],
    });
    expect(caseRow(c.caseId).status).toBe("referred");
    expect(audits(c.caseId)).not.toContain("case_status_changed");
    const confirmed = changeStatus(c.caseId, me, "closed", "Klaar.", T0 + 2000, {
      confirmOpenReferral: true,
    });
    expect(confirmed).toEqual({ ok: true });
    expect(caseRow(c.caseId).status).toBe("closed");
  });

  it("does not ask when every referral is done or blocked", async () => {
    const c = await openCase();
    addReferral(c.caseId, organisationId("igj", db), { status: "done", db, now: T0 });
    addReferral(c.caseId, municipalityId("GM0363", db), { status: "blocked", db, now: T0 });
    expect(changeStatus(c.caseId, me, "closed", "Klaar.", T0 + 1000)).toEqual({ ok: true });
  });
});

describe("a second referral to the same organisation", () => {
  it("asks to confirm and names the earlier one; refers once confirmed", async () => {
    db.update(schema.organisations)
      .set({ referralEmail: "meldingen@igj.example" })
      .where(eq(schema.organisations.kind, "igj"))
      .run();
    const c = await openCase();
    const input = { organisationId: organisationId("igj", db), parts: ["story"], coveringNote: "" };
    const first = createReferral(me, c.caseId, input, T0);
    expect(first.ok).toBe(true);
    const again = createReferral(me, c.caseId, input, T0 + 1000);
    expect(again).toMatchObject({
      ok: false,
      reason: "already_referred",
      earlier: [{ reference: first.ok ? `R-${first.referralId}` : "", status: "pending" }],
    });
    expect(db.select().from(schema.referrals).all()).toHaveLength(1);
    expect(createReferral(me, c.caseId, input, T0 + 2000, { confirmRepeat: true }).ok).toBe(true);
    expect(db.select().from(schema.referrals).all()).toHaveLength(2);
  });
});
