/** The statistics page's data: the report for a period plus the names it refers to. */
import { inArray } from "drizzle-orm";
import type { Period } from "~/domain/statistics";
import { getDb, schema } from "./db.server";
import { reportFor } from "./statistics.server";

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
