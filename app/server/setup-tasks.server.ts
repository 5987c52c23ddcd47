/**
 * What a fresh install still needs before referrals can go out (issue 16, point 9): active organisations
 * without a referral address, and youth-care regions without a coordinating municipality. Shown to
 * coordinators on the queue until done; a few hundred rows, two small queries.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, schema, type Db } from "./db.server";

const o = schema.organisations;

export function setupTasks(db: Db = getDb()) {
  const organisations = db
    .select({ id: o.id, name: o.name })
    .from(o)
    .where(and(eq(o.active, true), sql`coalesce(${o.referralEmail}, '') = ''`))
    .orderBy(o.name)
    .all();
  const regions = db
    .select({ code: schema.regions.code, name: schema.regions.name })
    .from(schema.regions)
    .leftJoin(schema.regionCoordination, eq(schema.regionCoordination.regionCode, schema.regions.code))
    .where(isNull(schema.regionCoordination.regionCode))
    .orderBy(schema.regions.name)
    .all();
  return { organisations, regions };
}
