/**
 * Figures for the half-yearly report, for whole months. Each figure is a count of "facts"
 * (month, dimension, value): live cases are counted in SQL; cases erased by the retention job were rolled
 * up into `stat_counts` with exactly the same facts first (rollUpCase), so a report for a past period
 * gives the same numbers after erasure as before.
 */
import { and, gte, lt, sql } from "drizzle-orm";
import { amsterdamDate, endOfAmsterdamDay, addDays } from "~/domain/working-days";
import { median, monthsOf, percentile, type Period } from "~/domain/statistics";
import { getDb, schema, type Db } from "./db.server";

export type Fact = { month: string; dimension: string; value: string; count: number };

/** First instant of a month in Amsterdam ("2026-07" → epoch ms of 2026-07-01T00:00 local). */
export function monthStart(month: string): number {
  return endOfAmsterdamDay(addDays(`${month}-01`, -1)) + 1;
}

/** Days between two instants, to one decimal: the unit every turnaround is counted in. */
export const turnaroundDays = (fromMs: number, toMs: number) =>
  Math.round(((toMs - fromMs) / 86_400_000) * 10) / 10;

function monthCase(column: string, months: string[]) {
  const branches = months.map((m, i) => {
    const next = i + 1 < months.length ? monthStart(months[i + 1]!) : monthStart(nextMonth(m));
    return `WHEN ${column} < ${next} THEN '${m}'`;
  });
  return `(CASE ${branches.join(" ")} END)`;
}

function nextMonth(m: string): string {
  return amsterdamDate(monthStart(m) + 32 * 86_400_000).slice(0, 7);
}

/**
 * The facts of live (not rolled-up) cases and referrals in the months of a period; with `caseId`, of that
 * one case only (the roll-up uses the very same queries, so both paths count alike).
 */
export function liveFacts(
  months: string[],
  now: number,
  db: Pick<Db, "$client"> = getDb(),
  caseId?: number,
): Fact[] {
  if (months.length === 0) return [];
  const start = monthStart(months[0]!);
  const end = monthStart(nextMonth(months[months.length - 1]!));
  const m = monthCase("c.received_at", months);
  const only = caseId === undefined ? "" : ` AND c.id = ${Number(caseId)}`;
  const onlyR = caseId === undefined ? "" : ` AND r.case_id = ${Number(caseId)}`;
  const inPeriod = `c.received_at >= ${start} AND c.received_at < ${end}${only}`;
  const q = (text: string) => db.$client.prepare(text).all() as Fact[];
  const ack = `CASE WHEN c.acknowledged_at IS NOT NULL AND c.acknowledged_at <= c.ack_due_at THEN 'met'
                    WHEN c.acknowledged_at IS NULL AND ${now} <= c.ack_due_at THEN 'open' ELSE 'late' END`;
  const answer = `CASE WHEN c.first_answer_at IS NOT NULL AND c.first_answer_at <= c.answer_due_at THEN 'met'
                       WHEN c.first_answer_at IS NULL AND ${now} <= c.answer_due_at THEN 'open' ELSE 'late' END`;
  const rm = monthCase("r.created_at", months);
  const rIn = `r.created_at >= ${start} AND r.created_at < ${end}${onlyR}`;
  return [
    ...q(`SELECT ${m} AS month, 'kind' AS dimension, c.kind AS value, count(*) AS count FROM cases c
          WHERE ${inPeriod} GROUP BY 1, 3`),
    ...q(`SELECT ${m} AS month, 'theme' AS dimension, j.value AS value, count(*) AS count
          FROM cases c, json_each(c.themes) j WHERE ${inPeriod} GROUP BY 1, 3`),
    ...q(`SELECT ${m} AS month, 'wish' AS dimension, j.value AS value, count(*) AS count
          FROM cases c, json_each(c.wishes) j WHERE ${inPeriod} GROUP BY 1, 3`),
    ...q(`SELECT ${m} AS month, 'unit' AS dimension, coalesce(CAST(c.unit_id AS TEXT), 'unknown') AS value,
          count(*) AS count FROM cases c WHERE ${inPeriod} GROUP BY 1, 3`),
    ...q(`SELECT ${m} AS month, 'urgent' AS dimension, '1' AS value, count(*) AS count FROM cases c
          WHERE ${inPeriod} AND c.urgent = 1 GROUP BY 1`),
    ...q(`SELECT ${m} AS month, 'ack' AS dimension, ${ack} AS value, count(*) AS count FROM cases c
          WHERE ${inPeriod} AND c.kind != 'contact' GROUP BY 1, 3`),
    ...q(`SELECT ${m} AS month, 'answer' AS dimension, ${answer} AS value, count(*) AS count FROM cases c
          WHERE ${inPeriod} AND c.kind != 'contact' GROUP BY 1, 3`),
    ...q(`SELECT ${rm} AS month, 'referral' AS dimension, CAST(r.organisation_id AS TEXT) AS value, count(*) AS count
          FROM referrals r WHERE ${rIn} GROUP BY 1, 3`),
    ...q(`SELECT ${rm} AS month, 'received_days:' || r.organisation_id AS dimension,
          CAST(round((r.received_at - r.sent_at) / 86400000.0, 1) AS TEXT) AS value, count(*) AS count
          FROM referrals r WHERE ${rIn} AND r.sent_at IS NOT NULL AND r.received_at IS NOT NULL GROUP BY 1, 2, 3`),
    ...q(`SELECT ${rm} AS month, 'done_days:' || r.organisation_id AS dimension,
          CAST(round((r.done_at - r.sent_at) / 86400000.0, 1) AS TEXT) AS value, count(*) AS count
          FROM referrals r WHERE ${rIn} AND r.sent_at IS NOT NULL AND r.done_at IS NOT NULL GROUP BY 1, 2, 3`),
    ...q(`SELECT ${rm} AS month, 'open' AS dimension, CAST(r.organisation_id AS TEXT) AS value, count(*) AS count
          FROM referrals r WHERE ${rIn} AND r.done_at IS NULL GROUP BY 1, 3`),
  ];
}

export function storedFacts(months: string[], db: Db = getDb()): Fact[] {
  if (months.length === 0) return [];
  return db
    .select()
    .from(schema.statCounts)
    .where(
      and(gte(schema.statCounts.month, months[0]!), lt(schema.statCounts.month, nextMonth(months.at(-1)!))),
    )
    .all();
}

/** Writes one case's facts (and its referrals') into stat_counts. Call it inside the erasing transaction, with the
 * database handle itself (better-sqlite3 runs the transaction on that one connection). */
export function rollUpCase(tx: Pick<Db, "$client">, caseId: number, now: number) {
  const c = tx.$client.prepare("SELECT received_at FROM cases WHERE id = ?").get(caseId) as
    { received_at: number } | undefined;
  if (!c) return;
  const months = [amsterdamDate(c.received_at).slice(0, 7)];
  const referralMonths = (
    tx.$client.prepare("SELECT created_at FROM referrals WHERE case_id = ?").all(caseId) as {
      created_at: number;
    }[]
  ).map((r) => amsterdamDate(r.created_at).slice(0, 7));
  const facts = liveFacts([...new Set([...months, ...referralMonths])].sort(), now, tx, caseId);
  const upsert = tx.$client.prepare(
    `INSERT INTO stat_counts (month, dimension, value, count) VALUES (@month, @dimension, @value, @count)
     ON CONFLICT (month, dimension, value) DO UPDATE SET count = count + excluded.count`,
  );
  for (const f of facts) upsert.run(f);
}

// ------------------------------------------------------------------ the report

export type Report = {
  months: string[];
  casesByMonth: { month: string; testimony: number; complaint: number; contact: number }[];
  byTheme: Record<string, number>;
  byWish: Record<string, number>;
  byUnit: Record<string, number>;
  urgent: number;
  ack: { met: number; late: number; open: number };
  answer: { met: number; late: number; open: number };
  referrals: {
    organisationId: number;
    count: number;
    open: number;
    receivedMedian: number | null;
    receivedP90: number | null;
    doneMedian: number | null;
    doneP90: number | null;
  }[];
};

/** Expands counted day values into a list so percentiles can be taken. */
function daysList(facts: Fact[]): number[] {
  return facts.flatMap((f) => Array.from({ length: f.count }, () => Number(f.value)));
}

export function buildReport(months: string[], facts: Fact[]): Report {
  const sum = (pred: (f: Fact) => boolean) => facts.filter(pred).reduce((a, f) => a + f.count, 0);
  const tally = (dimension: string) => {
    const out: Record<string, number> = {};
    for (const f of facts) if (f.dimension === dimension) out[f.value] = (out[f.value] ?? 0) + f.count;
    return out;
  };
  const kinds = (month: string, kind: string) =>
    sum((f) => f.month === month && f.dimension === "kind" && f.value === kind);
  const outcome = (dimension: string) => ({
    met: sum((f) => f.dimension === dimension && f.value === "met"),
    late: sum((f) => f.dimension === dimension && f.value === "late"),
    open: sum((f) => f.dimension === dimension && f.value === "open"),
  });
  const orgs = Object.entries(tally("referral")).map(([id, count]) => {
    const received = daysList(facts.filter((f) => f.dimension === `received_days:${id}`));
    const done = daysList(facts.filter((f) => f.dimension === `done_days:${id}`));
    return {
      organisationId: Number(id),
      count,
      open: sum((f) => f.dimension === "open" && f.value === id),
      receivedMedian: median(received),
      receivedP90: percentile(received, 90),
      doneMedian: median(done),
      doneP90: percentile(done, 90),
    };
  });
  return {
    months,
    casesByMonth: months.map((month) => ({
      month,
      testimony: kinds(month, "testimony"),
      complaint: kinds(month, "complaint"),
      contact: kinds(month, "contact"),
    })),
    byTheme: tally("theme"),
    byWish: tally("wish"),
    byUnit: tally("unit"),
    urgent: sum((f) => f.dimension === "urgent"),
    ack: outcome("ack"),
    answer: outcome("answer"),
    referrals: orgs.sort((a, b) => b.count - a.count),
  };
}

/** The report for a period (whole months), counting live cases and rolled-up counts together. */
export function reportFor(period: Period, now = Date.now(), db: Db = getDb()): Report {
  const months = monthsOf(period);
  return buildReport(months, [...liveFacts(months, now, db), ...storedFacts(months, db)]);
}

// Exported for the retention job: the cases due for erasure.
export function closedBefore(cutoff: number, db: Db = getDb()) {
  return db
    .select({ id: schema.cases.id })
    .from(schema.cases)
    .where(and(sql`${schema.cases.status} = 'closed'`, lt(schema.cases.closedAt, cutoff)))
    .all();
}
