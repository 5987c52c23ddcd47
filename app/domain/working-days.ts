/**
 * Deadlines in Dutch working days, counted on the calendar of Europe/Amsterdam. A working day is a
 * weekday that is not a public holiday of the Algemene termijnenwet: New Year's Day, Easter Monday,
 * King's Day (27 April, 26 April when the 27th is a Sunday), Liberation Day (5 May), Ascension Day,
 * Whit Monday, Christmas Day and Boxing Day. (Good Friday is not one.) Pure: no clock, no I/O.
 */

/** A calendar date without time: "YYYY-MM-DD". */
export type PlainDate = string;

const TZ = "Europe/Amsterdam";
const dateFmt = new Intl.DateTimeFormat("en-CA", {
  timeZone: TZ,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The Amsterdam calendar date of an instant. */
export function amsterdamDate(epochMs: number): PlainDate {
  return dateFmt.format(new Date(epochMs));
}

function parts(d: PlainDate): [number, number, number] {
  const [y, m, day] = d.split("-").map(Number);
  return [y!, m!, day!];
}

function fromUtc(ms: number): PlainDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(d: PlainDate, n: number): PlainDate {
  const [y, m, day] = parts(d);
  return fromUtc(Date.UTC(y, m - 1, day + n));
}

function weekday(d: PlainDate): number {
  const [y, m, day] = parts(d);
  return new Date(Date.UTC(y, m - 1, day)).getUTCDay(); // 0 = Sunday
}

/** Easter Sunday (Gregorian; anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): PlainDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromUtc(Date.UTC(year, month - 1, day));
}

const holidayCache = new Map<number, Set<PlainDate>>();

export function publicHolidays(year: number): Set<PlainDate> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const kingsDay = weekday(`${year}-04-27`) === 0 ? `${year}-04-26` : `${year}-04-27`;
  const set = new Set<PlainDate>([
    `${year}-01-01`,
    addDays(easter, 1), // Tweede Paasdag
    kingsDay,
    `${year}-05-05`, // Bevrijdingsdag
    addDays(easter, 39), // Hemelvaartsdag
    addDays(easter, 50), // Tweede Pinksterdag
    `${year}-12-25`,
    `${year}-12-26`,
  ]);
  holidayCache.set(year, set);
  return set;
}

export function isWorkingDay(d: PlainDate): boolean {
  const wd = weekday(d);
  if (wd === 0 || wd === 6) return false;
  return !publicHolidays(parts(d)[0]).has(d);
}

/** The date n working days after d (d itself never counts). */
export function addWorkingDays(d: PlainDate, n: number): PlainDate {
  let date = d;
  let left = n;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) left--;
  }
  return date;
}

/** The first working day on or after d (Algemene termijnenwet: a term never ends on a day off). */
export function nextWorkingDayFrom(d: PlainDate): PlainDate {
  let date = d;
  while (!isWorkingDay(date)) date = addDays(date, 1);
  return date;
}

/** The last millisecond of a date in Amsterdam, as an instant. */
export function endOfAmsterdamDay(d: PlainDate): number {
  const [y, m, day] = parts(d);
  // Amsterdam is UTC+1 or UTC+2: take the candidate that falls on the right local date, latest first.
  for (const offsetHours of [1, 2]) {
    const candidate = Date.UTC(y, m - 1, day, 23, 59, 59, 999) - offsetHours * 3600_000;
    if (amsterdamDate(candidate) === d && amsterdamDate(candidate + 1) !== d) return candidate;
  }
  throw new Error(`No end of day for ${d}`);
}

export type DeadlineSettings = { ackWorkingDays: number; ackWorkingDaysUrgent: number; answerWeeks: number };
export const defaultDeadlineSettings: DeadlineSettings = {
  ackWorkingDays: 5,
  ackWorkingDaysUrgent: 1,
  answerWeeks: 6,
};

/** When a case received at `receivedAt` must be acknowledged and first answered. */
export function caseDeadlines(
  receivedAt: number,
  urgent: boolean,
  settings: DeadlineSettings = defaultDeadlineSettings,
): { ackDueAt: number; answerDueAt: number; ackDueDate: PlainDate; answerDueDate: PlainDate } {
  const received = amsterdamDate(receivedAt);
  const ackDueDate = addWorkingDays(
    received,
    urgent ? settings.ackWorkingDaysUrgent : settings.ackWorkingDays,
  );
  const answerDueDate = nextWorkingDayFrom(addDays(received, settings.answerWeeks * 7));
  return {
    ackDueAt: endOfAmsterdamDay(ackDueDate),
    answerDueAt: endOfAmsterdamDay(answerDueDate),
    ackDueDate,
    answerDueDate,
  };
}

export type DeadlineBadge = "on_time" | "due_today" | "overdue" | "met";

/** The badge for a deadline, seen at `now`. */
export function deadlineBadge(dueAt: number, now: number, metAt?: number | null): DeadlineBadge {
  if (metAt != null) return "met";
  if (now > dueAt) return "overdue";
  return amsterdamDate(now) === amsterdamDate(dueAt) ? "due_today" : "on_time";
}

/** Working days from today until the due date (0 = today, negative = overdue by that many). */
export function workingDaysUntil(dueAt: number, now: number): number {
  const from = amsterdamDate(now);
  const to = amsterdamDate(dueAt);
  if (from === to) return 0;
  const sign = from < to ? 1 : -1;
  let count = 0;
  let d = from;
  while (d !== to) {
    d = addDays(d, sign);
    if (isWorkingDay(d)) count += sign;
  }
  return count;
}
