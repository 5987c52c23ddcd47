/** The statistics page's data: the report for a period plus the names it refers to. */
import { inArray } from "drizzle-orm";
import { parsePeriod } from "~/domain/report-period";
import type { Period } from "~/domain/statistics";
import { amsterdamDate } from "~/domain/working-days";
import { audit } from "./audit.server";
import { getDb, schema } from "./db.server";
import type { StaffUser } from "./staff-session.server";
import { reportFor } from "./statistics.server";

/**
 * The statistics page (/medewerker/statistieken): the period from the URL, its report, and the query that
 * gives the CSV downloads the same period. Every look is audited.
 */
export function statisticsPage(me: StaffUser, url: URL, now = Date.now()) {
  const parsed = parsePeriod(url.searchParams, amsterdamDate(now));
  const data = statisticsFor(parsed.period, now);
  audit(getDb(), {
    action: "statistics_viewed",
    staffId: me.id,
    detail: { from: parsed.from, to: parsed.to },
  });
  const query = parsed.preset ? `periode=${parsed.preset}` : `van=${parsed.from}&tot=${parsed.to}`;
  return { ...parsed, ...data, now, query };
}

export function statisticsFor(period: Period, now = Date.now()) {
  const db = getDb();
  const report = reportFor(period, now, db);
  const orgIds = report.referrals.map((r) => r.organisationId);
  const organisations = orgIds.length
    ? db
        .select({ id: schema.organisations.id, name: schema.organisations.name })
        .from(schema.organisations)
        .where(inArray(schema.organisations.id, orgIds))
        .all()
    : [];
  const units = db
    .select({ id: schema.units.id, name: schema.units.name, place: schema.units.place })
    .from(schema.units)
    .all();
  return {
    report,
    organisationNames: Object.fromEntries(organisations.map((o) => [String(o.id), o.name])),
    unitNames: Object.fromEntries(units.map((u) => [String(u.id), `${u.name} (${u.place})`])),
  };
}
