/**
 * The one-pass counting of liveFacts against a naive reference: the seven GROUP BY queries per dimension
 * that counted the cases before (ADR 012), on a seeded set with every kind of edge. Facts, their order and
 * the report must be identical, for a period and for one case at a time (the roll-up path).
 */
import { describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { monthsOf } from "~/domain/statistics";
import { amsterdamDate } from "~/domain/working-days";
import { type Db } from "./db.server";
import { seedManyCases } from "./dev-seed.server";
import { buildReport, liveFacts, monthStart, reportFor, storedFacts, type Fact } from "./statistics.server";

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

describe("liveFacts in one pass", () => {
  const db = seeded();
  const months = monthsOf(period);
  const end = monthStart("2026-12");

  it("counts exactly what the per-dimension queries count, in the same order", () => {
    const facts = liveFacts(months, now, db);
    expect(facts.filter((f) => f.dimension === "ack").map((f) => f.value)).toEqual(
      expect.arrayContaining(["met", "late", "open"]),
    );
    expect(facts).toEqual(referenceFacts(months, now, db, end));
    expect(JSON.stringify(reportFor(period, now, db))).toBe(
      JSON.stringify(
        buildReport(months, [...referenceFacts(months, now, db, end), ...storedFacts(months, db)]),
      ),
    );
  });

  it("counts one case alike, for the roll-up at erasure", () => {
    const ids = db.$client.prepare("SELECT id FROM cases ORDER BY id").pluck().all() as number[];
    for (const id of ids.filter((i) => i <= 12 || i % 37 === 0)) {
      const { received_at } = db.$client.prepare("SELECT received_at FROM cases WHERE id = ?").get(id) as {
        received_at: number;
      };
      const created = db.$client
        .prepare("SELECT created_at FROM referrals WHERE case_id = ?")
        .pluck()
        .all(id) as number[];
      const ms = [...new Set([received_at, ...created].map((t) => amsterdamDate(t).slice(0, 7)))].sort();
      const last = ms.at(-1)!;
      const after = monthStart(amsterdamDate(monthStart(last) + 32 * DAY).slice(0, 7));
      expect(liveFacts(ms, now, db, id)).toEqual(referenceFacts(ms, now, db, after, id));
    }
  });
});
