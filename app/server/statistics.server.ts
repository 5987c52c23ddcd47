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

/** The first instant after each month of `months` (the next listed month's start, or the next calendar month's). */
function monthEnds(months: string[]): number[] {
  return months.map((m, i) =>
    i + 1 < months.length ? monthStart(months[i + 1]!) : monthStart(nextMonth(m)),
  );
}

function nextMonth(m: string): string {
  return amsterdamDate(monthStart(m) + 32 * 86_400_000).slice(0, 7);
}

type Value = string | number;
/** Counts per value, one slot per month of the period. */
type Counts = Map<Value, number[]>;

/**
 * Counts per (month, dimension, value), handed out in the order SQLite's `GROUP BY month, dimension, value`
 * gives them, so the facts (and the order of keys in the report) are the same as when SQL grouped them.
 */
class Tally {
  private readonly dimensions = new Map<string, Counts>();
  constructor(private readonly months: string[]) {}
  /** The counts of one dimension, to `bump` in a loop. */
  of(dimension: string): Counts {
    let counts = this.dimensions.get(dimension);
    if (!counts) this.dimensions.set(dimension, (counts = new Map()));
    return counts;
  }
  bump(counts: Counts, value: Value, month: number, n = 1) {
    let perMonth = counts.get(value);
    if (!perMonth) counts.set(value, (perMonth = new Array<number>(this.months.length).fill(0)));
    perMonth[month]! += n;
  }
  facts(): Fact[] {
    const out: Fact[] = [];
    const monthOrder = this.months
      .map((_, i) => i)
      .sort((a, b) => compareValues(this.months[a]!, this.months[b]!));
    const dimensions = [...this.dimensions.keys()].sort();
    const values = new Map(
      dimensions.map((d) => [d, [...this.dimensions.get(d)!.keys()].sort(compareValues)]),
    );
    for (const i of monthOrder) {
      for (const dimension of dimensions) {
        const counts = this.dimensions.get(dimension)!;
        for (const value of values.get(dimension)!) {
          const count = counts.get(value)![i]!;
          if (count > 0) out.push({ month: this.months[i]!, dimension, value: value as string, count });
        }
      }
    }
    return out;
  }
}

/** SQLite's order of values: numbers before text, text by code unit (BINARY). */
function compareValues(a: Value, b: Value): number {
  if (typeof a !== typeof b) return typeof a === "number" ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The month of an instant, as an index into `months`: the first listed month whose end lies after it. */
function monthFinder(months: string[]): (at: number) => number {
  const ends = monthEnds(months);
  const last = ends.length - 1;
  return (at) => {
    let i = 0;
    while (i < last && at >= ends[i]!) i++;
    return i;
  };
}

type GroupRow = [
  kind: string,
  urgent: number,
  unitId: number | null,
  count: number,
  ackMet: number,
  ackOpen: number,
  answerMet: number,
  answerOpen: number,
];

/**
 * The facts of the cases received in the months of a period. Month by month, SQLite counts from the index
 * `cases_statistics` alone (the rows with their encrypted blobs are never read): per kind, urgency and unit
 * with the deadline outcomes summed alongside, and per distinct theme and wish array. Each distinct array
 * is split by json_each once and its count given to each of its elements. Few rows reach JavaScript, as
 * turning a row into JavaScript values costs more than SQLite's counting.
 */
function caseFacts(
  months: string[],
  range: [number, number],
  now: number,
  db: Pick<Db, "$client">,
  caseId: number | undefined,
): Fact[] {
  const where = `received_at >= ? AND received_at < ?${caseId === undefined ? "" : " AND id = ?"}`;
  const only = caseId === undefined ? [] : [caseId];
  const groups = db.$client
    .prepare(
      `SELECT kind, urgent, unit_id, count(*),
              total(acknowledged_at <= ack_due_at), total(acknowledged_at IS NULL AND ? <= ack_due_at),
              total(first_answer_at <= answer_due_at), total(first_answer_at IS NULL AND ? <= answer_due_at)
       FROM cases WHERE ${where} GROUP BY kind, urgent, unit_id`,
    )
    .raw();
  const arrays = (column: "themes" | "wishes") =>
    db.$client.prepare(`SELECT ${column}, count(*) FROM cases WHERE ${where} GROUP BY ${column}`).raw();
  const themeArrays = arrays("themes");
  const wishArrays = arrays("wishes");
  const split = db.$client.prepare("SELECT value FROM json_each(?)").pluck();
  const elements = new Map<string, Value[]>();

  const [kinds, themes, wishes, units, urgents, acks, answers] = Array.from(
    { length: 7 },
    () => new Tally(months),
  );
  const kind = kinds!.of("kind");
  const theme = themes!.of("theme");
  const wish = wishes!.of("wish");
  const unit = units!.of("unit");
  const urgent = urgents!.of("urgent");
  const ack = acks!.of("ack");
  const answer = answers!.of("answer");
  const t = kinds!; // bump depends only on the months, which all these tallies share
  const ends = monthEnds(months);
  for (let m = 0; m < months.length; m++) {
    const from = m === 0 ? range[0] : ends[m - 1]!;
    const params = [from, ends[m]!, ...only];
    const rows = groups.all(now, now, ...params) as GroupRow[];
    for (const [k, u, unitId, n, ackMet, ackOpen, answerMet, answerOpen] of rows) {
      t.bump(kind, k, m, n);
      t.bump(unit, unitId === null ? "unknown" : String(unitId), m, n);
      if (u === 1) t.bump(urgent, "1", m, n);
      if (k !== "contact") {
        for (const [counts, met, open] of [
          [ack, ackMet, ackOpen],
          [answer, answerMet, answerOpen],
        ] as const) {
          if (met > 0) t.bump(counts, "met", m, met);
          if (open > 0) t.bump(counts, "open", m, open);
          if (n - met - open > 0) t.bump(counts, "late", m, n - met - open);
        }
      }
    }
    for (const [statement, counts] of [
      [themeArrays, theme],
      [wishArrays, wish],
    ] as const) {
      for (const [array, n] of statement.all(...params) as [string, number][]) {
        let values = elements.get(array);
        if (!values) elements.set(array, (values = split.all(array) as Value[]));
        for (const value of values) t.bump(counts, value, m, n);
      }
    }
  }
  return [
    ...kinds!.facts(),
    ...themes!.facts(),
    ...wishes!.facts(),
    ...units!.facts(),
    ...urgents!.facts(),
    ...acks!.facts(),
    ...answers!.facts(),
  ];
}

type ReferralRow = [
  createdAt: number,
  organisationId: number,
  receivedDays: string | null,
  doneDays: string | null,
  open: number,
];

/**
 * The facts of the referrals made in the months of a period, in one pass over the index
 * `referrals_statistics`. Days are rounded and turned into text by SQLite, as they always were.
 */
function referralFacts(
  months: string[],
  range: [number, number],
  db: Pick<Db, "$client">,
  caseId: number | undefined,
): Fact[] {
  const only = caseId === undefined ? [] : [caseId];
  const rows = db.$client
    .prepare(
      `SELECT created_at, organisation_id,
              CASE WHEN sent_at IS NOT NULL AND received_at IS NOT NULL
                   THEN CAST(round((received_at - sent_at) / 86400000.0, 1) AS TEXT) END,
              CASE WHEN sent_at IS NOT NULL AND done_at IS NOT NULL
                   THEN CAST(round((done_at - sent_at) / 86400000.0, 1) AS TEXT) END,
              done_at IS NULL
       FROM referrals WHERE created_at >= ? AND created_at < ?${only.length ? " AND case_id = ?" : ""}`,
    )
    .raw()
    .all(...range, ...only) as ReferralRow[];
  const monthOf = monthFinder(months);
  const [referrals, received, done, opened] = Array.from({ length: 4 }, () => new Tally(months));
  const referral = referrals!.of("referral");
  const open = opened!.of("open");
  for (const [createdAt, organisationId, receivedDays, doneDays, isOpen] of rows) {
    const m = monthOf(createdAt);
    const org = String(organisationId);
    referrals!.bump(referral, org, m);
    if (receivedDays !== null) received!.bump(received!.of(`received_days:${org}`), receivedDays, m);
    if (doneDays !== null) done!.bump(done!.of(`done_days:${org}`), doneDays, m);
    if (isOpen === 1) opened!.bump(open, org, m);
  }
  return [...referrals!.facts(), ...received!.facts(), ...done!.facts(), ...opened!.facts()];
}

/**
 * The facts of live (not rolled-up) cases and referrals in the months of a period; with `caseId`, of that
 * one case only (the roll-up uses the very same code, so both paths count alike).
 */
export function liveFacts(
  months: string[],
  now: number,
  db: Pick<Db, "$client"> = getDb(),
  caseId?: number,
): Fact[] {
  if (months.length === 0) return [];
  const range: [number, number] = [monthStart(months[0]!), monthStart(nextMonth(months.at(-1)!))];
  const id = caseId === undefined ? undefined : Number(caseId);
  return [...caseFacts(months, range, now, db, id), ...referralFacts(months, range, db, id)];
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
