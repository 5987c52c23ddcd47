/**
 * The period a person was on a unit, as they gave it: whole calendar years ("2021"), either end optional.
 * Stored as plain years in `cases.period_from` / `period_to` and in a referral's frozen copy; never as
 * instants, so no time zone or epoch conversion may touch them. One formatter for every page and mail
 * that shows a period, so the check page, the staff case page and an organisation read the same words.
 */

export type Period = { fromYear: number | null; toYear: number | null };

/** A year as the intake accepts one (four digits); anything else is not a period end. */
export const isYear = (n: unknown): n is number =>
  Number.isInteger(n) && (n as number) >= 1000 && (n as number) <= 9999;

export function periodOf(fromYear: number | null | undefined, toYear: number | null | undefined): Period {
  return { fromYear: isYear(fromYear) ? fromYear : null, toYear: isYear(toYear) ? toYear : null };
}

export type PeriodTranslate = (key: string, values: { from?: number; to?: number }) => string;

/** "2021", "2021 tot en met 2023", "Vanaf 2021", "Tot en met 2023", or null when no year was given. */
export function formatPeriod(period: Period, t: PeriodTranslate): string | null {
  const { fromYear: from, toYear: to } = periodOf(period.fromYear, period.toYear);
  if (from !== null && to !== null) {
    return from === to ? String(from) : t("common:period.between", { from, to });
  }
  if (from !== null) return t("common:period.from", { from });
  if (to !== null) return t("common:period.until", { to });
  return null;
}
