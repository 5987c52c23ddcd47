/**
 * The period of a report from the page's query string: a preset (`?periode=dit-halfjaar`) or two months
 * (`?van=2026-01&tot=2026-06`). Reports are for whole months (ADR 006). Pure.
 */
import { presetPeriod, type Period, type PeriodPreset } from "./statistics";
import { addDays, type PlainDate } from "./working-days";

export const presetSlugs: Record<string, PeriodPreset> = {
  "dit-halfjaar": "this_half_year",
  "vorig-halfjaar": "last_half_year",
  "dit-jaar": "this_year",
  "vorig-jaar": "last_year",
};

export type ParsedPeriod = {
  period: Period;
  preset: string | null;
  from: string; // YYYY-MM
  to: string; // YYYY-MM
  error?: "invalidMonth" | "order" | "tooLong";
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MAX_MONTHS = 36;

function lastDayOf(month: string): PlainDate {
  return addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1);
}

export function parsePeriod(params: URLSearchParams, today: PlainDate): ParsedPeriod {
  const fromParam = params.get("van");
  const toParam = params.get("tot");
  const slug = params.get("periode") ?? (fromParam || toParam ? null : "dit-halfjaar");
  const fallback = presetPeriod("this_half_year", today);
  const of = (p: Period, preset: string | null, error?: ParsedPeriod["error"]): ParsedPeriod => ({
    period: p,
    preset,
    from: p.from.slice(0, 7),
    to: p.to.slice(0, 7),
    ...(error ? { error } : {}),
  });
  if (slug && presetSlugs[slug]) return of(presetPeriod(presetSlugs[slug], today), slug);
  if (!fromParam || !toParam || !MONTH.test(fromParam) || !MONTH.test(toParam)) {
    return of(fallback, "dit-halfjaar", "invalidMonth");
  }
  if (fromParam > toParam) return of(fallback, "dit-halfjaar", "order");
  const months =
    (Number(toParam.slice(0, 4)) - Number(fromParam.slice(0, 4))) * 12 +
    Number(toParam.slice(5, 7)) -
    Number(fromParam.slice(5, 7)) +
    1;
  if (months > MAX_MONTHS) return of(fallback, "dit-halfjaar", "tooLong");
  return of({ from: `${fromParam}-01`, to: lastDayOf(toParam) }, null);
}
