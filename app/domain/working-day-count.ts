/**
 * workingDaysUntil() of working-days.ts walks day by day, which is fine for a deadline a few days away but
 * costs milliseconds for a case that is a year overdue, times every row of the queue. This counts the same
 * number arithmetically: weekdays by whole weeks, minus the public holidays that fall on a weekday in
 * between. A property test checks it against workingDaysUntil for random dates.
 */
import { amsterdamDate, isWorkingDay, publicHolidays, type PlainDate } from "./working-days";

const DAY_MS = 86_400_000;
// Which days of a week starting on a Thursday (1 January 1970, day 0) are weekdays: Thu Fri Sat Sun Mon Tue Wed.
const WEEKDAY_FROM_THURSDAY = [1, 1, 0, 0, 1, 1, 1];

function dayNumber(d: PlainDate): number {
  return Math.round(Date.parse(`${d}T00:00:00Z`) / DAY_MS);
}

/** Weekdays among day numbers [BASE, n], shifted so every date from 1900 on counts from a Thursday. */
const BASE_SHIFT = 7 * 4000; // whole weeks, so the shifted day 0 is still a Thursday
function weekdaysUpTo(n: number): number {
  const m = n + BASE_SHIFT + 1;
  const weeks = Math.floor(m / 7);
  let count = weeks * 5;
  for (let i = 0; i < m % 7; i++) count += WEEKDAY_FROM_THURSDAY[i]!;
  return count;
}

/** Working days in (from, to] for from < to. */
function workingDaysAfter(from: PlainDate, to: PlainDate): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  let count = weekdaysUpTo(b) - weekdaysUpTo(a);
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const h of publicHolidays(year)) {
      if (h > from && h <= to && !isWeekend(h)) count--;
    }
  }
  return count;
}

function isWeekend(d: PlainDate): boolean {
  const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
  return wd === 0 || wd === 6;
}

/** The same as workingDaysUntil(dueAt, now): 0 today, positive ahead, negative overdue. */
export function workingDaysUntilFast(dueAt: number, now: number): number {
  const from = amsterdamDate(now);
  const to = amsterdamDate(dueAt);
  if (from === to) return 0;
  if (from < to) return workingDaysAfter(from, to);
  // Walking back from `from` to `to` counts the working days in [to, from).
  const back = workingDaysAfter(to, from) + (isWorkingDay(to) ? 1 : 0) - (isWorkingDay(from) ? 1 : 0);
  return back === 0 ? 0 : -back;
}
