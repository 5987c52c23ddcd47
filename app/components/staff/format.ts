/**
 * Dates for staff pages, always in Amsterdam time. Built from numeric parts and month names from the
 * locale, so the server and the browser write exactly the same text (no hydration mismatch from
 * different ICU versions).
 */
import type { TFunction } from "i18next";

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function pieces(ms: number) {
  const p = Object.fromEntries(parts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { y: p.year!, m: Number(p.month), d: Number(p.day), hh: p.hour!, mm: p.minute! };
}

export function formatDate(ms: number, t: TFunction): string {
  const { y, m, d } = pieces(ms);
  return t("staff:date.date", { day: d, month: t(`staff:date.months.${m}`), year: y });
}

/** "12 dec": the queue's short date (the year is this one or the next, and the tooltip-free <time> has it). */
export function formatDayMonth(ms: number, t: TFunction): string {
  const { m, d } = pieces(ms);
  return t("staff:date.dayMonth", { day: d, month: t(`staff:date.months.${m}`) });
}

export function formatDateTime(ms: number, t: TFunction): string {
  const { y, m, d, hh, mm } = pieces(ms);
  return t("staff:date.dateTime", {
    day: d,
    month: t(`staff:date.months.${m}`),
    year: y,
    time: `${hh}:${mm}`,
  });
}

/** An ISO string for <time dateTime>. */
export const isoDate = (ms: number) => new Date(ms).toISOString();
