/** Correcting a case's facts (municipality, unit, period, themes) on the "correct facts" page. */
import { and, asc, eq, isNull, or } from "drizzle-orm";
import type { Theme } from "~/domain/case-content";
import { changedFacts, validateFacts, type CaseFacts, type EditableFact } from "~/domain/case-facts";
import type { FieldErrors as IntakeFieldErrors, FormInput } from "~/domain/intake/validation";
import { formatCaseCode } from "~/domain/codes";
import { audit } from "../audit.server";
import { recordEvent } from "../case-events.server";
import { refreshCaseClock } from "../case-clocks.server";
import { getDb, schema, type Db } from "../db.server";
import type { StaffUser } from "../staff-session.server";
import type { DbOrTx } from "../tx.server";
import { consentsOf } from "../consent.server";

const c = schema.cases;

const amsterdamYear = (now: number) =>
  Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Europe/Amsterdam" }).format(now));

function unitChoices(db: DbOrTx, keepId: number | null) {
  const u = schema.units;
  // An inactive unit the case already names stays choosable, so saving the form does not drop it.
  return db
    .select({ id: u.id, slug: u.slug, name: u.name, place: u.place })
    .from(u)
    .where(keepId === null ? eq(u.active, true) : or(eq(u.active, true), eq(u.id, keepId)))
    .orderBy(asc(u.name))
    .all();
}

function municipalityChoices(db: DbOrTx, keepCode: string | null) {
  const o = schema.organisations;
  const active = keepCode === null ? eq(o.active, true) : or(eq(o.active, true), eq(o.cbsCode, keepCode));
  return db
    .select({ code: o.cbsCode, name: o.name })
    .from(o)
    .where(and(eq(o.kind, "gemeente"), active))
    .orderBy(asc(o.name))
    .all()
    .filter((m): m is { code: string; name: string } => m.code !== null);
}

const factsOf = (row: typeof schema.cases.$inferSelect): CaseFacts => ({
  municipalityCode: row.municipalityCode,
  unitId: row.unitId,
  periodFrom: row.periodFrom,
  periodTo: row.periodTo,
  themes: row.themes as Theme[],
});

/** The "correct facts" page: the case's facts now and the choices, without a look at its content. */
export function factsForm(caseId: number, db: Db = getDb()) {
  const row = db
    .select()
    .from(c)
    .where(and(eq(c.id, caseId), isNull(c.erasedAt)))
    .get();
  if (!row) return null;
  return {
    case: { id: row.id, code: formatCaseCode(row.code), kind: row.kind },
    facts: factsOf(row),
    units: unitChoices(db, row.unitId).map(({ slug, name, place, id }) => ({ id, slug, name, place })),
    municipalities: municipalityChoices(db, row.municipalityCode),
  };
}

export type EditFactsResult =
  | { ok: true; changed: EditableFact[] }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "same" }
  | { ok: false; reason: "invalid"; errors: IntakeFieldErrors };

/** What a fact was and became, as the timeline stores it (names, not ids: a unit may be renamed later). */
function factParams(db: DbOrTx, fact: EditableFact, before: CaseFacts, after: CaseFacts) {
  const side = (f: CaseFacts): string => {
    switch (fact) {
      case "municipality":
        return f.municipalityCode
          ? (db
              .select({ name: schema.organisations.name })
              .from(schema.organisations)
              .where(eq(schema.organisations.cbsCode, f.municipalityCode))
              .get()?.name ?? f.municipalityCode)
          : "";
      case "unit": {
        const unit = f.unitId
          ? db.select().from(schema.units).where(eq(schema.units.id, f.unitId)).get()
          : undefined;
        return unit ? `${unit.name}, ${unit.place}` : "";
      }
      case "period":
        return `${f.periodFrom ?? ""}-${f.periodTo ?? ""}`;
      case "themes":
        return f.themes.join(",");
    }
  };
  return { fact, from: side(before), to: side(after) };
}

/**
 * Staff correct the municipality, unit, period and themes. Checked by the intake's rules, in one
 * transaction with one timeline entry per changed fact and one audit row. The statistics follow by the
 * count triggers (ADR 013: unit and themes are counted columns); the search index holds only contact
 * details, which this does not touch.
 */
export function editFacts(
  caseId: number,
  me: StaffUser,
  input: FormInput,
  now = Date.now(),
): EditFactsResult {
  return getDb().transaction((tx): EditFactsResult => {
    const row = tx
      .select()
      .from(c)
      .where(and(eq(c.id, caseId), isNull(c.erasedAt)))
      .get();
    if (!row) return { ok: false, reason: "not_found" };
    const consents = consentsOf(tx, caseId);
    const result = validateFacts(input, {
      kind: row.kind,
      units: unitChoices(tx, row.unitId),
      municipalityCodes: municipalityChoices(tx, row.municipalityCode).map((m) => m.code),
      currentYear: amsterdamYear(now),
      consents,
    });
    if (!result.ok) return { ok: false, reason: "invalid", errors: result.errors };
    const before = factsOf(row);
    const changed = changedFacts(before, result.facts);
    if (changed.length === 0) return { ok: false, reason: "same" };
    const after = result.facts;
    tx.update(c)
      .set({
        municipalityCode: after.municipalityCode,
        unitId: after.unitId,
        periodFrom: after.periodFrom,
        periodTo: after.periodTo,
        themes: after.themes,
      })
      .where(eq(c.id, caseId))
      .run();
    for (const fact of changed)
      recordEvent(
        tx,
        caseId,
        { type: "fact_changed", staffId: me.id, params: factParams(tx, fact, before, after) },
        now,
      );
    refreshCaseClock(tx, caseId);
    audit(
      tx,
      { action: "case_facts_changed", staffId: me.id, caseId, detail: { facts: changed.join(",") } },
      now,
    );
    return { ok: true, changed };
  });
}
