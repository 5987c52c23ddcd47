import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { caseDeadlines } from "~/domain/working-days";
import { schema, type Db } from "./db.server";
import { countAwaitedForGood, monthStart, reportFor } from "./statistics.server";

const DAY = 86_400_000;
let seq = 0;

function addCase(
  db: Db,
  o: {
    at: string;
    kind?: "testimony" | "complaint" | "contact";
    themes?: string[];
    wishes?: string[];
    unitId?: number | null;
    urgent?: boolean;
    ackAfterDays?: number | null;
  },
) {
  const receivedAt = Date.parse(o.at);
  const d = caseDeadlines(receivedAt, o.urgent ?? false);
  const id = db
    .insert(schema.cases)
    .values({
      code: `C${++seq}`,
      passphraseHash: "x",
      submissionKey: `s${seq}`,
      kind: o.kind ?? "testimony",
      language: "nl",
      urgent: o.urgent ?? false,
      themes: o.themes ?? [],
      wishes: o.wishes ?? [],
      unitId: o.unitId ?? null,
      receivedAt,
      ackDueAt: d.ackDueAt,
      answerDueAt: d.answerDueAt,
      acknowledgedAt: o.ackAfterDays == null ? null : receivedAt + o.ackAfterDays * DAY,
      status: "closed",
      closedAt: receivedAt + 30 * DAY,
    })
    .returning({ id: schema.cases.id })
    .get().id;
  return id;
}

function addReferral(
  db: Db,
  caseId: number,
  orgId: number,
  at: string,
  receivedAfter?: number,
  doneAfter?: number,
) {
  const createdAt = Date.parse(at);
  db.insert(schema.referrals)
    .values({
      caseId,
      organisationId: orgId,
      parts: ["themes"],
      status: doneAfter ? "done" : receivedAfter ? "received" : "sent",
      createdAt,
      sentAt: createdAt,
      receivedAt: receivedAfter === undefined ? null : createdAt + receivedAfter * DAY,
      doneAt: doneAfter === undefined ? null : createdAt + doneAfter * DAY,
      linkExpiresAt: createdAt + 30 * DAY,
    })
    .run();
}

function seed(db: Db) {
  const igj = db.select().from(schema.organisations).where(eq(schema.organisations.kind, "igj")).get()!.id;
  const a = addCase(db, {
    at: "2026-01-10T10:00:00+01:00",
    themes: ["isolation", "restraint"],
    wishes: ["investigation"],
    unitId: 1,
    ackAfterDays: 1,
  });
  addReferral(db, a, igj, "2026-01-20T10:00:00+01:00", 2, 10);
  const b = addCase(db, {
    at: "2026-01-31T23:30:00+01:00",
    kind: "complaint",
    themes: ["isolation"],
    unitId: 2,
    urgent: true,
    ackAfterDays: 3,
  });
  addReferral(db, b, igj, "2026-02-02T10:00:00+01:00", 4);
  addCase(db, { at: "2026-02-01T00:30:00+01:00", kind: "contact", ackAfterDays: null }); // Feb in Amsterdam
  addCase(db, { at: "2026-03-05T12:00:00+01:00", themes: ["no_school"], ackAfterDays: 20 });
  addCase(db, { at: "2025-12-31T12:00:00+01:00", themes: ["isolation"] }); // outside the period
  return { igj, a, b };
}

const period = { from: "2026-01-01", to: "2026-06-30" };
const now = Date.parse("2026-11-22T12:00:00+01:00");

describe("statistics", () => {
  it("counts by Amsterdam month, kind, theme, unit, urgency and deadlines", () => {
    const { db } = createTestDb();
    const { igj } = seed(db);
    const r = reportFor(period, now, db);
    expect(r.months).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]);
    expect(r.casesByMonth.slice(0, 3)).toEqual([
      { month: "2026-01", testimony: 1, complaint: 1, contact: 0 },
      { month: "2026-02", testimony: 0, complaint: 0, contact: 1 },
      { month: "2026-03", testimony: 1, complaint: 0, contact: 0 },
    ]);
    expect(r.byTheme).toEqual({ isolation: 2, restraint: 1, no_school: 1 });
    expect(r.byUnit).toEqual({ "1": 1, "2": 1, unknown: 2 });
    expect(r.urgent).toBe(1);
    // urgent complaint acknowledged after 3 days (due in 1 working day) is late; contact requests do not count
    expect(r.ack).toEqual({ met: 1, late: 2, open: 0 });
    expect(r.referrals).toEqual([
      {
        organisationId: igj,
        count: 2,
        open: 1,
        receivedMedian: 3,
        receivedP90: 3.8,
        doneMedian: 10,
        doneP90: 10,
      },
    ]);
  });

  it("gives the same report after the cases behind it are deleted", () => {
    const { db } = createTestDb();
    seed(db);
    const before = reportFor(period, now, db);
    const ids = db
      .select({ id: schema.cases.id })
      .from(schema.cases)
      .all()
      .map((c) => c.id);
    db.transaction((tx) => {
      countAwaitedForGood(db, ids, now);
      for (const id of ids) tx.delete(schema.cases).where(eq(schema.cases.id, id)).run();
    });
    expect(db.select().from(schema.cases).all()).toHaveLength(0);
    expect(reportFor(period, now, db)).toEqual(before);
    // the stored counts hold no codes, dates finer than a month, or free text
    const rows = db.select().from(schema.statCounts).all();
    expect(rows.every((r) => /^\d{4}-\d{2}$/.test(r.month))).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/C\d/);
  });

  it("starts a month at Amsterdam midnight", () => {
    expect(new Date(monthStart("2026-02")).toISOString()).toBe("2026-01-31T23:00:00.000Z");
    expect(new Date(monthStart("2026-07")).toISOString()).toBe("2026-06-30T22:00:00.000Z");
  });
});
