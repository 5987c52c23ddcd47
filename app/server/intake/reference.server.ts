/** The units and municipalities the intake offers to choose from. */
import { and, asc, eq } from "drizzle-orm";
import { municipalityEntries } from "~/domain/municipality-names";
import { getDb, schema } from "../db.server";

export function activeUnits() {
  return getDb()
    .select({
      id: schema.units.id,
      slug: schema.units.slug,
      name: schema.units.name,
      place: schema.units.place,
      operator: schema.units.operator,
    })
    .from(schema.units)
    .where(eq(schema.units.active, true))
    .orderBy(asc(schema.units.name))
    .all();
}

export function municipalities() {
  return getDb()
    .select({ code: schema.organisations.cbsCode, name: schema.organisations.name })
    .from(schema.organisations)
    .where(and(eq(schema.organisations.kind, "gemeente"), eq(schema.organisations.active, true)))
    .orderBy(asc(schema.organisations.name))
    .all()
    .filter((m): m is { code: string; name: string } => m.code !== null);
}

/** Today's municipalities with the other names people know them by (aliases, names before a merger). */
export function municipalityChoices() {
  const former = getDb()
    .select({
      oldCode: schema.municipalityRenames.oldCode,
      oldName: schema.municipalityRenames.oldName,
      successorCode: schema.municipalityRenames.successorCode,
    })
    .from(schema.municipalityRenames)
    .all();
  return municipalityEntries(municipalities(), former);
}
