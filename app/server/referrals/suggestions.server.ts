/**
 * Where a case could go: the routing rules' suggestions (app/domain/routing.ts) with the organisation
 * each one means, whether it can be mailed, and a municipality's coordinating one.
 */
import { eq, sql } from "drizzle-orm";
import { suggestDestinations, type RoutingCase, type Suggestion } from "~/domain/routing";
import { getDb, schema } from "../db.server";
import { coordinatingMunicipalityFor } from "../organisations.server";
import type { DbOrTx } from "../tx.server";
import { consentsOf, type CaseRow } from "./case-data.server";

const o = schema.organisations;

export type SuggestionView = Suggestion & {
  organisation: { id: number; name: string; hasReferralEmail: boolean } | null;
  /** For a municipality: the one coordinating closed youth care in its region, when entered. */
  coordinating: { id: number; name: string; regionName: string } | null;
};

function routingCaseOf(db: DbOrTx, c: CaseRow): RoutingCase {
  return {
    kind: c.kind,
    wishes: c.wishes,
    themes: c.themes,
    safeNow: c.safeNow,
    municipalityCode: c.municipalityCode,
    consents: Object.fromEntries(consentsOf(db, c.id).map((k) => [k.recipient, k])),
  };
}

/** Whether a referral can be mailed there is known before anyone starts one (issue 16, point 9). */
const suggestedOrganisation = {
  id: o.id,
  name: o.name,
  hasReferralEmail: sql<number>`${o.referralEmail} is not null and ${o.referralEmail} <> ''`,
};

function organisationFor(db: DbOrTx, s: Suggestion) {
  if (s.destination === "gemeente" && s.municipalityCode) {
    return db.select(suggestedOrganisation).from(o).where(eq(o.cbsCode, s.municipalityCode)).get() ?? null;
  }
  if (s.destination === "igj" || s.destination === "ozj" || s.destination === "vng") {
    return (
      db.select(suggestedOrganisation).from(o).where(eq(o.kind, s.destination)).orderBy(o.id).get() ?? null
    );
  }
  return null;
}

function withEmailFlag(org: { id: number; name: string; hasReferralEmail: number } | null) {
  return org ? { ...org, hasReferralEmail: Boolean(org.hasReferralEmail) } : null;
}

export function suggestionsFor(c: CaseRow, db: DbOrTx = getDb()): SuggestionView[] {
  return suggestDestinations(routingCaseOf(db, c)).map((s) => ({
    ...s,
    organisation: withEmailFlag(organisationFor(db, s)),
    coordinating:
      s.destination === "gemeente" && s.municipalityCode
        ? coordinatingMunicipalityFor(s.municipalityCode, db)
        : null,
  }));
}
