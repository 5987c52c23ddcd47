/**
 * Figures for the half-yearly report, for whole months. Each figure is a sum of "facts"
 * (month, dimension, value): the database counts them in `stat_counts` as cases and referrals change,
 * with triggers in the same transaction as each change (migration 0006, ADR 013). Erasing a case leaves its
 * counts in place, so a report for a past period gives the same numbers after erasure as before. Only
 * what depends on the moment of the report is counted here: whether an awaited acknowledgement or first
 * answer is still "open" or already "late".
 */
import { addDays, endOfAmsterdamDay } from "~/domain/working-days";
import { median, monthsOf, percentile, type Period, type Report } from "~/domain/statistics";
import { getDb, type Db } from "./db.server";

export type Fact = { month: string; dimension: string; value: string; count: number };

/** First instant of a month in Amsterdam ("2026-07" → epoch ms of 2026-07-01T00:00 local). */
export function monthStart(month: string): number {
  return endOfAmsterdamDay(addDays(`${month}-01`, -1)) + 1;
}

/** The deadlines whose outcome is counted, with the columns of the moment it happened and when it was due. */
const deadlines = [
  { dimension: "ack", at: "acknowledged_at", due: "ack_due_at" },
  { dimension: "answer", at: "first_answer_at", due: "answer_due_at" },
] as const;

/** The facts of the months of a period: the counted ones, and the awaited deadlines as they stand at `now`. */
export function factsFor(months: string[], now: number, db: Pick<Db, "$client"> = getDb()): Fact[] {
  if (months.length === 0) return [];
  const range = { now, first: months[0]!, last: months.at(-1)! };
  const counted = db.$client
    .prepare(
      `SELECT month, dimension, value, count FROM stat_counts
       WHERE month >= @first AND month <= @last AND count != 0 ORDER BY month, dimension, value`,
    )
    .all(range) as Fact[];
  // Awaited deadlines per month, still open or already late (the partial indexes `cases_*_pending`).
  const awaited = deadlines.flatMap((d) =>
    (
      db.$client
        .prepare(
          `SELECT received_month, total(@now <= ${d.due}), count(*) FROM cases
           WHERE ${d.at} IS NULL AND kind != 'contact' AND received_month >= @first AND received_month <= @last
           GROUP BY received_month`,
        )
        .raw()
        .all(range) as [string, number, number][]
    ).flatMap(([month, open, n]) =>
      [
        { month, dimension: d.dimension, value: "open", count: open },
        { month, dimension: d.dimension, value: "late", count: n - open },
      ].filter((f) => f.count > 0),
    ),
  );
  return [...counted, ...awaited];
}

/**
 * Before cases are deleted for good: their awaited deadlines are counted as they stand at `now` (open or
 * late) and stay so. Everything else about them is counted already. Call it in the deleting transaction.
 */
export function countAwaitedForGood(db: Pick<Db, "$client">, caseIds: number[], now: number) {
  const statements = deadlines.map((d) =>
    db.$client.prepare(
      `INSERT INTO stat_counts (month, dimension, value, count)
         SELECT received_month, '${d.dimension}', CASE WHEN @now <= ${d.due} THEN 'open' ELSE 'late' END, 1
         FROM cases WHERE id = @id AND ${d.at} IS NULL AND kind != 'contact'
       ON CONFLICT (month, dimension, value) DO UPDATE SET count = count + excluded.count`,
    ),
  );
  for (const id of caseIds) for (const statement of statements) statement.run({ id, now });
}

// ------------------------------------------------------------------ the report

export type { Report };

/** Expands counted day values into a list so percentiles can be taken. */
function daysList(facts: Fact[]): number[] {
  return facts.flatMap((f) => Array.from({ length: f.count }, () => Number(f.value)));
}

export function buildReport(months: string[], facts: Fact[]): Report {
  // The facts of each dimension, in their order (one pass, instead of a pass over all facts per figure).
  const byDimension = new Map<string, Fact[]>();
  for (const f of facts) {
    const list = byDimension.get(f.dimension);
    if (list) list.push(f);
    else byDimension.set(f.dimension, [f]);
  }
  const of = (dimension: string) => byDimension.get(dimension) ?? [];
  const sum = (list: Fact[], pred: (f: Fact) => boolean = () => true) =>
    list.reduce((a, f) => (pred(f) ? a + f.count : a), 0);
  const tally = (dimension: string) => {
    const out: Record<string, number> = {};
    for (const f of of(dimension)) out[f.value] = (out[f.value] ?? 0) + f.count;
    return out;
  };
  const kindFacts = of("kind");
  const kinds = (month: string, kind: string) => sum(kindFacts, (f) => f.month === month && f.value === kind);
  const outcome = (dimension: string) => ({
    met: sum(of(dimension), (f) => f.value === "met"),
    late: sum(of(dimension), (f) => f.value === "late"),
    open: sum(of(dimension), (f) => f.value === "open"),
  });
  const orgs = Object.entries(tally("referral")).map(([id, count]) => {
    const received = daysList(of(`received_days:${id}`));
    const done = daysList(of(`done_days:${id}`));
    return {
      organisationId: Number(id),
      count,
      open: sum(of("open"), (f) => f.value === id),
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
    urgent: sum(of("urgent")),
    ack: outcome("ack"),
    answer: outcome("answer"),
    referrals: orgs.sort((a, b) => b.count - a.count),
  };
}

/** The report for a period (whole months). */
export function reportFor(period: Period, now = Date.now(), db: Pick<Db, "$client"> = getDb()): Report {
  const months = monthsOf(period);
  return buildReport(months, factsFor(months, now, db));
}
