import { describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { schema, type Db } from "./db.server";
import { monthsBefore, runRetention } from "./retention.server";
import { reportFor } from "./statistics.server";

const DAY = 86_400_000;
const now = Date.parse("2026-11-22T12:00:00+01:00");

function closedCase(db: Db, i: number, receivedAt: number, closedAt: number | null) {
  return db
    .insert(schema.cases)
    .values({
      code: `R${i}`,
      passphraseHash: "x",
      submissionKey: `r${i}`,
      kind: i % 2 ? "complaint" : "testimony",
      language: "nl",
      themes: ["isolation"],
      wishes: ["heard"],
      status: closedAt ? "closed" : "in_progress",
      storyEnc: "v1.k.iv.tag.ct",
      receivedAt,
      ackDueAt: receivedAt + 5 * DAY,
      answerDueAt: receivedAt + 42 * DAY,
      acknowledgedAt: receivedAt + DAY,
      closedAt,
    })
    .returning({ id: schema.cases.id })
    .get().id;
}

describe("retention", () => {
  it("erases closed cases past the period, keeps the counts, and leaves younger or open cases alone", () => {
    const { db } = createTestDb();
    const old = Date.parse("2024-03-10T10:00:00+01:00");
    for (let i = 0; i < 7; i++) closedCase(db, i, old, old + 20 * DAY); // closed 2024: due
    const young = closedCase(
      db,
      100,
      Date.parse("2026-01-10T10:00:00+01:00"),
      Date.parse("2026-02-01T10:00:00+01:00"),
    );
    const open = closedCase(db, 101, old, null);
    const period = { from: "2024-01-01", to: "2024-06-30" };
    const before = reportFor(period, now, db);

    const progress: number[] = [];
    const summary = runRetention({ db, now, onProgress: (d) => progress.push(d) });
    expect(summary.cases).toBe(7);
    expect(progress.at(-1)).toBe(7);
    const left = db
      .select({ id: schema.cases.id })
      .from(schema.cases)
      .all()
      .map((c) => c.id);
    expect(left.sort()).toEqual([young, open].sort());
    expect(reportFor(period, now, db)).toEqual(before);
    // the second run finds nothing more to do
    expect(runRetention({ db, now }).cases).toBe(0);
  });

  it("follows the configured period", () => {
    const { db } = createTestDb();
    db.insert(schema.settings).values({ key: "retention.closedCaseMonths", value: "6" }).run();
    closedCase(db, 1, Date.parse("2026-01-10T10:00:00+01:00"), Date.parse("2026-02-01T10:00:00+01:00"));
    expect(runRetention({ db, now }).cases).toBe(1);
  });

  it("removes abandoned drafts and audit entries past their period, but never recent audit entries", () => {
    const { db } = createTestDb();
    db.insert(schema.drafts)
      .values([
        { idHash: "a", kind: "testimony", dataEnc: "x", createdAt: now - 2 * DAY, expiresAt: now - DAY },
        { idHash: "b", kind: "testimony", dataEnc: "x", createdAt: now, expiresAt: now + DAY },
      ])
      .run();
    db.insert(schema.auditLog)
      .values([
        { at: monthsBefore(now, 61), actor: "staff", action: "case_viewed" },
        { at: now - DAY, actor: "staff", action: "case_viewed" },
      ])
      .run();
    const s = runRetention({ db, now });
    expect(s).toMatchObject({ drafts: 1, auditEntries: 1 });
    expect(
      db
        .select()
        .from(schema.drafts)
        .all()
        .map((d) => d.idHash),
    ).toEqual(["b"]);
    expect(() => db.delete(schema.auditLog).run()).toThrow(/append-only/);
    // the run itself is on record
    expect(
      db
        .select()
        .from(schema.auditLog)
        .all()
        .map((a) => a.action),
    ).toContain("retention_run");
  });
});
