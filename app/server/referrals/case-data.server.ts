/**
 * What every part of the referral code reads about a case: the case row while it is not erased, the
 * parts a referral could copy (the source), the reporter's consents, and what may go to one organisation.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { CaseContact, CaseDetails } from "~/domain/case-content";
import { periodOf } from "~/domain/period";
import { partsPresent, referralOptions, type ReferralOptions, type ReferralSource } from "~/domain/referrals";
import { consentsOf } from "../consent.server";
import { decryptJson } from "../crypto.server";
import { schema } from "../db.server";
import { storyOf } from "../story.server";
import type { DbOrTx } from "../tx.server";

export type CaseRow = typeof schema.cases.$inferSelect;
export type OrgRow = typeof schema.organisations.$inferSelect;

export function sourceOf(db: DbOrTx, c: CaseRow): ReferralSource {
  const unit = c.unitId
    ? db
        .select({ name: schema.units.name, place: schema.units.place })
        .from(schema.units)
        .where(eq(schema.units.id, c.unitId))
        .get()
    : undefined;
  return {
    kind: c.kind,
    reporterRole: c.reporterRole,
    wishes: c.wishes,
    themes: c.themes,
    story: storyOf(db, c.id, c.storyEnc),
    details: decryptJson<CaseDetails>(c.detailsEnc),
    unit: unit ?? null,
    period: periodOf(c.periodFrom, c.periodTo),
    contact: decryptJson<CaseContact>(c.contactEnc),
  };
}

export { consentsOf };

export function liveCase(db: DbOrTx, caseId: number): CaseRow | undefined {
  return db
    .select()
    .from(schema.cases)
    .where(and(eq(schema.cases.id, caseId), isNull(schema.cases.erasedAt)))
    .get();
}

/** What may go to this organisation for this case, read now. */
export function optionsFor(db: DbOrTx, c: CaseRow, org: OrgRow): ReferralOptions {
  return referralOptions(
    org,
    { municipalityCode: c.municipalityCode, has: partsPresent(sourceOf(db, c)) },
    consentsOf(db, c.id),
  );
}
