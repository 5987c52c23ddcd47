/**
 * The "refer" page's choices: suggested organisations first, then the national ones, the others and the
 * municipalities; for the chosen one, which parts may go there now.
 */
import { eq } from "drizzle-orm";
import { formatCaseCode } from "~/domain/codes";
import { getDb, schema, type Db } from "../db.server";
import { liveCase, optionsFor } from "./case-data.server";
import { suggestionsFor } from "./suggestions.server";

const o = schema.organisations;

/** The choices on the "refer" page: suggested organisations first, then the rest. */
export function referralChoices(caseId: number, selectedId: number | null, db: Db = getDb()) {
  const c = liveCase(db, caseId);
  if (!c) return null;
  const suggestions = suggestionsFor(c, db);
  const suggestedIds = new Set(suggestions.flatMap((s) => (s.organisation ? [s.organisation.id] : [])));
  const all = db
    .select({ id: o.id, name: o.name, kind: o.kind })
    .from(o)
    .where(eq(o.active, true))
    .orderBy(o.name)
    .all();
  const own = c.municipalityCode
    ? (db.select({ id: o.id }).from(o).where(eq(o.cbsCode, c.municipalityCode)).get()?.id ?? null)
    : null;
  const org = selectedId ? db.select().from(o).where(eq(o.id, selectedId)).get() : undefined;
  return {
    case: { id: c.id, code: formatCaseCode(c.code), closed: c.status === "closed" },
    suggestions,
    groups: {
      suggested: all.filter((x) => suggestedIds.has(x.id) || x.id === own),
      national: all.filter((x) => x.kind !== "gemeente" && x.kind !== "other" && !suggestedIds.has(x.id)),
      other: all.filter((x) => x.kind === "other" && !suggestedIds.has(x.id)),
      municipalities: all.filter((x) => x.kind === "gemeente" && !suggestedIds.has(x.id) && x.id !== own),
    },
    selected: org
      ? {
          id: org.id,
          name: org.name,
          kind: org.kind,
          options: optionsFor(db, c, org),
          ownMunicipality: own
            ? (db.select({ name: o.name }).from(o).where(eq(o.id, own)).get()?.name ?? null)
            : null,
        }
      : null,
  };
}
