// Kept whole (just over 300 lines): one registry (organisations, regions), every change audited alike.
/**
 * The organisation registry: search (by name, CBS code, or the name of a municipality that ended since
 * 2018), edits by coordinators, and which municipality coordinates closed youth care for which region.
 * Every change is audited in the same transaction.
 */
import { and, count, eq, sql, type SQL } from "drizzle-orm";
import {
  asCbsCode,
  ORGANISATIONS_PAGE_SIZE,
  type OrganisationEdit,
  type OrganisationFilters,
  type OrganisationNew,
} from "~/domain/organisations";
import { audit } from "./audit.server";
import { getDb, schema, type Db } from "./db.server";
import type { StaffUser } from "./staff-session.server";
import type { DbOrTx } from "./tx.server";

const o = schema.organisations;

/** National bodies first, then added organisations, then the municipalities. */
const kindRank: Record<string, number> = { igj: 0, ozj: 1, vng: 2, other: 3, gemeente: 4 };

/** Case and accents do not matter: "sudwest" finds "Súdwest-Fryslân", "s-grav" finds "'s-Gravenhage". */
export const searchKey = (v: string) =>
  v
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("nl")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * Today's code for every ended municipality (a successor may itself have ended later), so an old name
 * still finds the municipality that took over.
 */
function currentSuccessors(db: Db): Map<string, { oldName: string; currentCode: string }> {
  const rows = db.select().from(schema.municipalityRenames).all();
  const next = new Map(rows.map((r) => [r.oldCode, r.successorCode]));
  const out = new Map<string, { oldName: string; currentCode: string }>();
  for (const r of rows) {
    let code = r.successorCode;
    for (let hops = 0; next.has(code) && hops < 10; hops++) code = next.get(code)!;
    out.set(r.oldCode, { oldName: r.oldName, currentCode: code });
  }
  return out;
}

/** Ended municipalities whose name (or old code) matches, as today's code → the old names. */
function formerNamesMatching(db: Db, q: string): Map<string, string[]> {
  const key = searchKey(q);
  const code = asCbsCode(q);
  const out = new Map<string, string[]>();
  for (const [oldCode, s] of currentSuccessors(db)) {
    if ((key && searchKey(s.oldName).includes(key)) || oldCode === code) {
      out.set(s.currentCode, [...(out.get(s.currentCode) ?? []), s.oldName]);
    }
  }
  return out;
}

/**
 * The list page. The registry is a few hundred rows, so the matching happens here rather than in SQL:
 * that is what lets accents and punctuation be ignored.
 */
export function searchOrganisations(f: OrganisationFilters, db: Db = getDb()) {
  const where: SQL[] = [];
  if (!f.inactive) where.push(eq(o.active, true));
  if (f.kind) where.push(eq(o.kind, f.kind));
  if (f.noAddress) where.push(sql`coalesce(${o.referralEmail}, '') = ''`);
  const all = db
    .select({
      id: o.id,
      kind: o.kind,
      name: o.name,
      cbsCode: o.cbsCode,
      regionName: schema.regions.name,
      referralEmail: o.referralEmail,
      active: o.active,
    })
    .from(o)
    .leftJoin(schema.regions, eq(schema.regions.code, o.regionCode))
    .where(where.length ? and(...where) : undefined)
    .all();
  const former = f.q ? formerNamesMatching(db, f.q) : new Map<string, string[]>();
  const key = searchKey(f.q);
  const code = asCbsCode(f.q);
  const found = all
    .filter(
      (r) =>
        !f.q ||
        (key !== "" && searchKey(r.name).includes(key)) ||
        (r.cbsCode !== null && (r.cbsCode === code || former.has(r.cbsCode))),
    )
    .sort(
      (a, b) =>
        (kindRank[a.kind] ?? 9) - (kindRank[b.kind] ?? 9) ||
        a.name.localeCompare(b.name, "nl") ||
        a.id - b.id,
    );
  const start = (f.page - 1) * ORGANISATIONS_PAGE_SIZE;
  return {
    total: found.length,
    pages: Math.max(1, Math.ceil(found.length / ORGANISATIONS_PAGE_SIZE)),
    rows: found.slice(start, start + ORGANISATIONS_PAGE_SIZE).map(({ referralEmail, ...r }) => ({
      ...r,
      hasEmail: referralEmail !== null && referralEmail !== "",
      formerNames: r.cbsCode ? (former.get(r.cbsCode) ?? []) : [],
    })),
  };
}

export function getOrganisation(id: number, db: Db = getDb()) {
  const row = db
    .select({ org: o, regionName: schema.regions.name })
    .from(o)
    .leftJoin(schema.regions, eq(schema.regions.code, o.regionCode))
    .where(eq(o.id, id))
    .get();
  if (!row) return null;
  const coordinates = db
    .select({ code: schema.regions.code, name: schema.regions.name })
    .from(schema.regionCoordination)
    .innerJoin(schema.regions, eq(schema.regions.code, schema.regionCoordination.regionCode))
    .where(eq(schema.regionCoordination.organisationId, id))
    .orderBy(schema.regions.code)
    .all();
  const formerNames = row.org.cbsCode
    ? [...currentSuccessors(db)]
        .filter(([, s]) => s.currentCode === row.org.cbsCode)
        .map(([oldCode, s]) => ({ oldCode, oldName: s.oldName }))
    : [];
  return { ...row.org, regionName: row.regionName, coordinates, formerNames };
}

export function regionOptions(db: Db = getDb()) {
  return db.select().from(schema.regions).orderBy(schema.regions.code).all();
}

export type OrganisationChange = { ok: true } | { ok: false; reason: "not_found" | "unknown_region" };

export function updateOrganisation(
  me: StaffUser,
  id: number,
  edit: OrganisationEdit,
  now = Date.now(),
): OrganisationChange {
  return getDb().transaction((tx) => {
    const current = tx.select().from(o).where(eq(o.id, id)).get();
    if (!current) return { ok: false, reason: "not_found" };
    // Only municipalities belong to a youth-care region.
    const regionCode = current.kind === "gemeente" ? edit.regionCode : current.regionCode;
    if (
      regionCode !== null &&
      !tx.select().from(schema.regions).where(eq(schema.regions.code, regionCode)).get()
    )
      return { ok: false, reason: "unknown_region" };
    const next = {
      referralEmail: edit.referralEmail || null,
      notes: edit.notes || null,
      active: edit.active,
      regionCode,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== current[k]);
    if (changed.length === 0) return { ok: true };
    tx.update(o)
      .set({ ...next, updatedAt: now })
      .where(eq(o.id, id))
      .run();
    audit(
      tx,
      {
        action: "organisation_changed",
        staffId: me.id,
        detail: { organisationId: id, fields: changed.join(",") },
      },
      now,
    );
    return { ok: true };
  });
}

/** An organisation a coordinator adds (the Kinderombudsman, AKJ, …): always of kind "other". */
export function createOrganisation(me: StaffUser, values: OrganisationNew, now = Date.now()): number {
  return getDb().transaction((tx) => {
    const { id } = tx
      .insert(o)
      .values({
        kind: "other",
        name: values.name,
        referralEmail: values.referralEmail || null,
        notes: values.notes || null,
        active: true,
        updatedAt: now,
      })
      .returning({ id: o.id })
      .get();
    audit(tx, { action: "organisation_created", staffId: me.id, detail: { organisationId: id } }, now);
    return id;
  });
}

/** Every youth-care region with the municipality that coordinates its closed youth care (if entered). */
export function regionCoordinationOverview(db: Db = getDb()) {
  const coordinator = db
    .select({ regionCode: schema.regionCoordination.regionCode, id: o.id, name: o.name })
    .from(schema.regionCoordination)
    .innerJoin(o, eq(o.id, schema.regionCoordination.organisationId))
    .all();
  const byRegion = new Map(coordinator.map((c) => [c.regionCode, { id: c.id, name: c.name }]));
  const sizes = new Map(
    db
      .select({ regionCode: o.regionCode, n: count() })
      .from(o)
      .where(eq(o.kind, "gemeente"))
      .groupBy(o.regionCode)
      .all()
      .map((r) => [r.regionCode, r.n]),
  );
  return regionOptions(db).map((r) => ({
    ...r,
    municipalities: sizes.get(r.code) ?? 0,
    coordinator: byRegion.get(r.code) ?? null,
  }));
}

export function getRegion(code: string, db: Db = getDb()) {
  const region = db.select().from(schema.regions).where(eq(schema.regions.code, code)).get();
  if (!region) return null;
  const coordinatorId =
    db
      .select({ id: schema.regionCoordination.organisationId })
      .from(schema.regionCoordination)
      .where(eq(schema.regionCoordination.regionCode, code))
      .get()?.id ?? null;
  const members = db
    .select({ id: o.id, name: o.name })
    .from(o)
    .where(and(eq(o.kind, "gemeente"), eq(o.regionCode, code)))
    .orderBy(o.name)
    .all();
  return { ...region, coordinatorId, members };
}

/** Active municipalities by name: the choices for a coordinating municipality. */
export function municipalityOptions(db: Db = getDb()) {
  return db
    .select({ id: o.id, name: o.name })
    .from(o)
    .where(and(eq(o.kind, "gemeente"), eq(o.active, true)))
    .orderBy(o.name)
    .all();
}

export type CoordinationChange =
  { ok: true } | { ok: false; reason: "not_found" | "not_a_municipality" | "same" };

export function setRegionCoordination(
  me: StaffUser,
  regionCode: string,
  organisationId: number | null,
  now = Date.now(),
): CoordinationChange {
  return getDb().transaction((tx) => {
    if (!tx.select().from(schema.regions).where(eq(schema.regions.code, regionCode)).get())
      return { ok: false, reason: "not_found" };
    if (organisationId !== null) {
      const org = tx.select({ kind: o.kind, active: o.active }).from(o).where(eq(o.id, organisationId)).get();
      if (!org || org.kind !== "gemeente" || !org.active) return { ok: false, reason: "not_a_municipality" };
    }
    const current =
      tx
        .select({ id: schema.regionCoordination.organisationId })
        .from(schema.regionCoordination)
        .where(eq(schema.regionCoordination.regionCode, regionCode))
        .get()?.id ?? null;
    if (current === organisationId) return { ok: false, reason: "same" };
    if (organisationId === null) {
      tx.delete(schema.regionCoordination).where(eq(schema.regionCoordination.regionCode, regionCode)).run();
    } else {
      tx.insert(schema.regionCoordination)
        .values({ regionCode, organisationId })
        .onConflictDoUpdate({ target: schema.regionCoordination.regionCode, set: { organisationId } })
        .run();
    }
    audit(
      tx,
      {
        action: "region_coordination_changed",
        staffId: me.id,
        detail: { region: regionCode, from: current, to: organisationId },
      },
      now,
    );
    return { ok: true };
  });
}

/** The municipality coordinating closed youth care for the region of a municipality (CBS code). */
export function coordinatingMunicipalityFor(cbsCode: string, db: DbOrTx = getDb()) {
  const m = db.select({ regionCode: o.regionCode }).from(o).where(eq(o.cbsCode, cbsCode)).get();
  if (!m?.regionCode) return null;
  const row = db
    .select({ id: o.id, name: o.name, regionName: schema.regions.name })
    .from(schema.regionCoordination)
    .innerJoin(o, eq(o.id, schema.regionCoordination.organisationId))
    .innerJoin(schema.regions, eq(schema.regions.code, schema.regionCoordination.regionCode))
    .where(eq(schema.regionCoordination.regionCode, m.regionCode))
    .get();
  return row ?? null;
}
