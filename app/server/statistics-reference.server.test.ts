/**
 * The counts the database keeps as cases and referrals change (migration 0006, ADR 013) against a naive
 * reference: one GROUP BY query per dimension over the rows as they are, with the months cut in
 * JavaScript. On a seeded set with every kind of edge, and again after every kind of change a case and a
 * referral go through, the facts and the report must be identical. Also: SQLite's Amsterdam month (the
 * generated columns the counts are grouped by) against Intl, for every quarter hour of many years.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { describe, expect, it } from "vitest";
import { amsterdamMonth } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { createTestDb } from "../../tests/helpers/test-db";
import { monthsOf } from "~/domain/statistics";
import { amsterdamDate } from "~/domain/working-days";
import { openDatabase, type Db } from "./db.server";
import { migrationsFolder, referenceDataFolder } from "./paths.server";
import { seedManyCases } from "./dev-seed.server";
import { runRetention } from "./retention.server";
import { buildReport, factsFor, monthStart, reportFor, type Fact } from "./statistics.server";

/** The months CASE expression of the reference, from the listed months' starts. */
function monthCase(column: string, months: string[], end: number) {
  const branches = months.map((m, i) => {
    const next = i + 1 < months.length ? monthStart(months[i + 1]!) : end;
    return `WHEN ${column} < ${next} THEN '${m}'`;
  });
  return `(CASE ${branches.join(" ")} END)`;
}

/** The reference: one GROUP BY query per dimension over the cases table. */
function referenceFacts(months: string[], now: number, db: Db, end: number, caseId?: number): Fact[] {
  const start = monthStart(months[0]!);
  const m = monthCase("c.received_at", months, end);
  const only = caseId === undefined ? "" : ` AND c.id = ${caseId}`;
  const onlyR = caseId === undefined ? "" : ` AND r.case_id = ${caseId}`;
  const inPeriod = `c.received_at >= ${start} AND c.received_at < ${end}${only}`;
  const q = (text: string) => db.$client.prepare(text).all() as Fact[];
  const ack = `CASE WHEN c.acknowledged_at IS NOT NULL AND c.acknowledged_at <= c.ack_due_at THEN 'met'
                    WHEN c.acknowledged_at IS NULL AND ${now} <= c.ack_due_at THEN 'open' ELSE 'late' END`;
  const answer = `CASE WHEN c.first_answer_at IS NOT NULL AND c.first_answer_at <= c.answer_due_at THEN 'met'
                       WHEN c.first_answer_at IS NULL AND ${now} <= c.answer_due_at THEN 'open' ELSE 'late' END`;
  const rm = monthCase("r.created_at", months, end);
  const rIn = `r.created_at >= ${start} AND r.created_at < ${end}${onlyR}`;
  return [
    ...q(`SELECT ${m} AS month, 'kind' AS dimension, c.kind AS value, count(*) AS count FROM cases c
          WHERE ${inPeriod} GROUP BY 1, 3 ORDER BY 1, 3`),
    ...q(`SELECT ${m} AS month, 'theme' AS dimension, j.value AS value, count(*) AS count
          FROM cases c, json_each(c.themes) j WHERE ${inPeriod} GROUP BY 1, 3 ORDER BY 1, 3`),
    ...q(`SELECT ${m} AS month, 'wish' AS dimension, j.value AS value, count(*) AS count
          FROM cases c, json_each(c.wishes) j WHERE ${inPeriod} GROUP BY 1, 3 ORDER BY 1, 3`),
    ...q(`SELECT ${m} AS month, 'unit' AS dimension, coalesce(CAST(c.unit_id AS TEXT), 'unknown') AS value,
          count(*) AS count FROM cases c WHERE ${inPeriod} GROUP BY 1, 3 ORDER BY 1, 3`),
    ...q(`SELECT ${m} AS month, 'urgent' AS dimension, '1' AS value, count(*) AS count FROM cases c
          WHERE ${inPeriod} AND c.urgent = 1 GROUP BY 1 ORDER BY 1`),
    ...q(`SELECT ${m} AS month, 'ack' AS dimension, ${ack} AS value, count(*) AS count FROM cases c
          WHERE ${inPeriod} AND c.kind != 'contact' GROUP BY 1, 3 ORDER BY 1, 3`),
    ...q(`SELECT ${m} AS month, 'answer' AS dimension, ${answer} AS value, count(*) AS count FROM cases c
          WHERE ${inPeriod} AND c.kind != 'contact' GROUP BY 1, 3 ORDER BY 1, 3`),
    ...q(`SELECT ${rm} AS month, 'referral' AS dimension, CAST(r.organisation_id AS TEXT) AS value, count(*) AS count
          FROM referrals r WHERE ${rIn} GROUP BY 1, 3 ORDER BY 1, 3`),
    ...q(`SELECT ${rm} AS month, 'received_days:' || r.organisation_id AS dimension,
          CAST(round((r.received_at - r.sent_at) / 86400000.0, 1) AS TEXT) AS value, count(*) AS count
          FROM referrals r WHERE ${rIn} AND r.sent_at IS NOT NULL AND r.received_at IS NOT NULL
          GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
    ...q(`SELECT ${rm} AS month, 'done_days:' || r.organisation_id AS dimension,
          CAST(round((r.done_at - r.sent_at) / 86400000.0, 1) AS TEXT) AS value, count(*) AS count
          FROM referrals r WHERE ${rIn} AND r.sent_at IS NOT NULL AND r.done_at IS NOT NULL
          GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
    ...q(`SELECT ${rm} AS month, 'open' AS dimension, CAST(r.organisation_id AS TEXT) AS value, count(*) AS count
          FROM referrals r WHERE ${rIn} AND r.done_at IS NULL GROUP BY 1, 3 ORDER BY 1, 3`),
  ];
}

const DAY = 86_400_000;
const now = Date.parse("2026-11-22T12:00:00+01:00");
const period = { from: "2025-12-01", to: "2026-11-30" };

function seeded(): Db {
  const { db } = createTestDb();
  seedManyCases(db, 1500, { now, seed: 5, days: 400, referrals: true });
  const s = db.$client;
  // Every deadline outcome, at and just past the due moment, still open before or after it.
  s.prepare(
    `UPDATE cases SET
       acknowledged_at = CASE id % 6 WHEN 0 THEN ack_due_at WHEN 1 THEN ack_due_at + 1 WHEN 2 THEN NULL
                                     ELSE acknowledged_at END,
       ack_due_at = CASE id % 12 WHEN 2 THEN ? WHEN 8 THEN ? - 1 ELSE ack_due_at END,
       first_answer_at = CASE id % 5 WHEN 0 THEN answer_due_at WHEN 1 THEN answer_due_at + 1 WHEN 2 THEN NULL
                                     ELSE first_answer_at END,
       answer_due_at = CASE id % 10 WHEN 2 THEN ? + ? ELSE answer_due_at END`,
  ).run(now, now, now, DAY);
  // Empty, repeated and single themes and wishes; no unit.
  s.prepare(
    `UPDATE cases SET themes = CASE id % 7 WHEN 0 THEN '[]' WHEN 1 THEN '["isolation","isolation"]'
                                           WHEN 2 THEN '["other"]' ELSE themes END,
                      wishes = CASE id % 9 WHEN 0 THEN '[]' WHEN 1 THEN '["heard"]' ELSE wishes END,
                      unit_id = CASE WHEN id % 11 = 0 THEN NULL ELSE unit_id END`,
  ).run();
  // Cases on the very edges of months (Amsterdam midnight, summer and winter time) and of the period.
  const edges = ["2025-12", "2026-03", "2026-04", "2026-10", "2026-11", "2026-12"].flatMap((m) => [
    monthStart(m) - 1,
    monthStart(m),
  ]);
  s.prepare(
    `UPDATE cases SET received_at = CASE id ${edges.map((_, i) => `WHEN ${i + 1} THEN ?`).join(" ")} END
     WHERE id <= ${edges.length}`,
  ).run(...edges);
  return db;
}

/** Facts summed per (month, dimension, value) and sorted: the reference splits "late" in two parts. */
function normalised(facts: Fact[]): Fact[] {
  const sums = new Map<string, Fact>();
  for (const f of facts) {
    const key = JSON.stringify([f.month, f.dimension, f.value]);
    const seen = sums.get(key);
    if (seen) seen.count += f.count;
    else sums.set(key, { ...f, value: String(f.value) });
  }
  return [...sums.values()].filter((f) => f.count !== 0).sort((a, b) => compare(a, b));
}

function compare(a: Fact, b: Fact): number {
  for (const k of ["month", "dimension", "value"] as const) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  return 0;
}

const months = monthsOf(period);
const end = monthStart("2026-12");

/** Counted facts, reference facts and both reports agree. */
function expectCountsRight(db: Db, at = now) {
  const reference = referenceFacts(months, at, db, end);
  expect(normalised(factsFor(months, at, db))).toEqual(normalised(reference));
  expect(JSON.stringify(reportFor(period, at, db))).toBe(JSON.stringify(buildReport(months, reference)));
}

describe("the counts kept as cases change", () => {
  it("count exactly what the per-dimension queries count", () => {
    const db = seeded();
    const facts = factsFor(months, now, db);
    expect(facts.filter((f) => f.dimension === "ack").map((f) => f.value)).toEqual(
      expect.arrayContaining(["met", "late", "open"]),
    );
    expect(new Set(facts.map((f) => f.dimension))).toEqual(
      new Set(referenceFacts(months, now, db, end).map((f) => f.dimension)),
    );
    expectCountsRight(db);
    // Awaited deadlines are counted at the moment of the report: later, more of them are late.
    expectCountsRight(db, now + 20 * DAY);
  });

  it("follow every change a case and a referral go through", () => {
    const db = seeded();
    const s = db.$client;
    const changes: [string, string][] = [
      [
        "acknowledging",
        "UPDATE cases SET acknowledged_at = ack_due_at - 1 WHERE acknowledged_at IS NULL AND id % 3 = 0",
      ],
      [
        "a first answer",
        "UPDATE cases SET first_answer_at = answer_due_at + ? WHERE first_answer_at IS NULL AND id % 2 = 0",
      ],
      ["a new deadline", "UPDATE cases SET ack_due_at = ack_due_at + ? WHERE id % 13 = 0"],
      [
        "another unit, or none",
        "UPDATE cases SET unit_id = CASE WHEN id % 2 = 0 THEN NULL ELSE 1 END WHERE id % 17 = 0",
      ],
      [
        "other themes and wishes",
        `UPDATE cases SET themes = '["restraint","isolation"]', wishes = '[]' WHERE id % 19 = 0`,
      ],
      [
        "urgency and kind",
        "UPDATE cases SET urgent = 1 - urgent, kind = CASE kind WHEN 'contact' THEN 'complaint' ELSE 'contact' END WHERE id % 23 = 0",
      ],
      ["moved to another month", "UPDATE cases SET received_at = received_at - ? WHERE id % 29 = 0"],
      ["a referral sent", "UPDATE referrals SET sent_at = created_at + ? WHERE id % 4 = 0"],
      [
        "a referral received",
        "UPDATE referrals SET received_at = sent_at + ? WHERE sent_at IS NOT NULL AND id % 3 = 0",
      ],
      [
        "a referral done",
        "UPDATE referrals SET done_at = sent_at + ? WHERE sent_at IS NOT NULL AND id % 5 = 0",
      ],
      ["a referral reopened", "UPDATE referrals SET done_at = NULL WHERE id % 7 = 0"],
      [
        "a referral to another organisation",
        "UPDATE referrals SET organisation_id = (SELECT min(id) FROM organisations) WHERE id % 11 = 0",
      ],
      [
        "a status change (not counted)",
        "UPDATE cases SET status = 'in_progress', closed_at = NULL WHERE id % 31 = 0",
      ],
    ];
    for (const [what, text] of changes) {
      const statement = s.prepare(text);
      const changed = statement.run(...(text.includes("?") ? [7 * DAY + 3_600_000] : [])).changes;
      expect(changed, what).toBeGreaterThan(0);
      expectCountsRight(db);
    }
    // New cases and referrals, some in a month that had none yet.
    seedManyCases(db, 40, { now: monthStart("2026-11") + 5 * DAY, seed: 9, days: 2, referrals: true });
    expectCountsRight(db);
  });

  it("keep the erased cases' facts, and their awaited deadlines as they stood", () => {
    const db = seeded();
    const before = reportFor(period, now, db);
    db.$client.prepare("INSERT INTO settings (key, value) VALUES ('retention.closedCaseMonths', '1')").run();
    const { cases } = runRetention({ now, db });
    expect(cases).toBeGreaterThan(100);
    expect(reportFor(period, now, db)).toEqual(before);
  });
});

describe("migration 0006 on a database in use", () => {
  it("counts the cases already there once, next to the erased cases' counts", () => {
    // The migrations up to 0005, as a database made before this change has them.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-migrations-"));
    fs.cpSync(migrationsFolder, dir, { recursive: true });
    const journalFile = path.join(dir, "meta", "_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { idx: number }[] };
    journal.entries = journal.entries.filter((e) => e.idx <= 5);
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const db = openDatabase(path.join(dir, "before.db"));
    migrate(db, { migrationsFolder: dir });
    seedReferenceData(db, referenceDataFolder);
    seedManyCases(db, 600, { now, seed: 3, days: 400, referrals: true });
    // What the retention job of before left of erased cases.
    const erased = { month: "2026-01", dimension: "kind", value: "complaint", count: 7 };
    db.$client.prepare("INSERT INTO stat_counts VALUES (@month, @dimension, @value, @count)").run(erased);

    migrate(db, { migrationsFolder });
    const reference = referenceFacts(months, now, db, end);
    expect(normalised(factsFor(months, now, db))).toEqual(normalised([...reference, erased]));
    // From here on the triggers count.
    seedManyCases(db, 30, { now, seed: 4, days: 20, referrals: true });
    expect(normalised(factsFor(months, now, db))).toEqual(
      normalised([...referenceFacts(months, now, db, end), erased]),
    );
  });
});

describe("the Amsterdam month in SQLite", () => {
  it("is the month Intl gives, for every quarter hour of 2020–2035 and every edge of 2000–2060", () => {
    const { db } = createTestDb();
    const instants: number[] = [];
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2035, 0, 1); t += 15 * 60_000) instants.push(t);
    for (let y = 2000; y < 2060; y++) {
      for (let m = 1; m <= 12; m++) {
        const start = monthStart(`${y}-${String(m).padStart(2, "0")}`);
        instants.push(start - 1, start);
      }
      // Every day summer time could start or end (the last week of March and of October), at 01:00 UTC.
      for (const d of [25, 26, 27, 28, 29, 30, 31]) {
        for (const mo of [2, 9]) {
          const switchAt = Date.UTC(y, mo, d, 1);
          instants.push(switchAt - 1, switchAt);
        }
      }
    }
    const sqlMonths = db.$client.transaction(() => {
      db.$client.exec("CREATE TEMP TABLE instants (at INTEGER)");
      const insert = db.$client.prepare("INSERT INTO instants VALUES (?)");
      for (const t of instants) insert.run(t);
      return db.$client
        .prepare(`SELECT ${amsterdamMonth("at")} FROM instants ORDER BY rowid`)
        .pluck()
        .all();
    })();
    const wrong = instants.filter((t, i) => sqlMonths[i] !== amsterdamDate(t).slice(0, 7));
    expect(wrong.map((t) => new Date(t).toISOString())).toEqual([]);
  });
});
