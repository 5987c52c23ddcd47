import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  addReferral,
  municipalityId,
  openTestCase,
  organisationId,
} from "../../tests/helpers/follow-fixtures";
import { createTestDb } from "../../tests/helpers/test-db";
import { changeConsents, referralAllowed } from "./consent.server";
import { schema, type Db } from "./db.server";

const NOW = Date.UTC(2026, 5, 2, 8, 0);
let db: Db;
beforeEach(() => {
  ({ db } = createTestDb());
});

const referral = (id: number) => db.select().from(schema.referrals).where(eq(schema.referrals.id, id)).get()!;
const events = (caseId: number) =>
  db.select().from(schema.caseEvents).where(eq(schema.caseEvents.caseId, caseId)).all();

describe("consent and referrals", () => {
  it("a referral needs consent for its recipient, and contact details need consent with identity", async () => {
    const c = await openTestCase(); // igj anonymous, gemeente with identity, ozj none
    expect(referralAllowed(db, c.caseId, organisationId("igj"), ["story"])).toEqual({ allowed: true });
    expect(referralAllowed(db, c.caseId, organisationId("igj"), ["story", "contact"])).toMatchObject({
      allowed: false,
    });
    expect(referralAllowed(db, c.caseId, organisationId("ozj"), ["story"])).toMatchObject({ allowed: false });
    expect(referralAllowed(db, c.caseId, municipalityId("GM0363"), ["contact"])).toEqual({ allowed: true });
    expect(referralAllowed(db, c.caseId, organisationId("vng"), ["story"])).toEqual({ allowed: true });
  });

  it("a withdrawal blocks referral creation and every unsent referral, and marks sent ones", async () => {
    const c = await openTestCase();
    const igj = organisationId("igj");
    const pending = addReferral(c.caseId, igj, { status: "pending", now: NOW });
    const sent = addReferral(c.caseId, igj, { status: "sent", now: NOW });
    const toMunicipality = addReferral(c.caseId, municipalityId("GM0363"), { status: "pending", now: NOW });

    const result = changeConsents(
      c.caseId,
      { igj: "none", ozj: "none", gemeente: "identity" },
      { now: NOW + 1 },
    );
    expect(result).toEqual({ changed: ["igj"], withdrawn: ["igj"], blockedReferrals: 1 });

    expect(referralAllowed(db, c.caseId, igj, ["story"])).toEqual({ allowed: false, reason: "no_consent" });
    expect(referral(pending)).toMatchObject({ status: "blocked", consentWithdrawnAt: NOW + 1 });
    expect(referral(sent)).toMatchObject({ status: "sent", consentWithdrawnAt: NOW + 1 });
    expect(referral(toMunicipality)).toMatchObject({ status: "pending", consentWithdrawnAt: null });

    const types = events(c.caseId).map((e) => [e.type, e.reporterVisible]);
    expect(types).toContainEqual(["consent_changed", true]);
    expect(types).toContainEqual(["referral_blocked", false]);
    const changed = events(c.caseId).find((e) => e.type === "consent_changed")!;
    expect(changed.params).toEqual({ recipient: "igj", given: false, withIdentity: false });
  });

  it("withdrawing only the identity blocks referrals with contact details, not the others", async () => {
    const c = await openTestCase();
    const gm = municipalityId("GM0363");
    const withContact = addReferral(c.caseId, gm, { parts: ["story", "contact"] });
    const anonymous = addReferral(c.caseId, gm, { parts: ["story"] });
    changeConsents(c.caseId, { igj: "anonymous", ozj: "none", gemeente: "anonymous" }, { now: NOW });
    expect(referral(withContact).status).toBe("blocked");
    expect(referral(anonymous).status).toBe("pending");
    expect(referralAllowed(db, c.caseId, gm, ["contact"])).toEqual({
      allowed: false,
      reason: "no_identity_consent",
    });
  });

  it("giving consent again allows new referrals and writes one event per change only", async () => {
    const c = await openTestCase();
    changeConsents(c.caseId, { igj: "none", ozj: "none", gemeente: "identity" }, { now: NOW });
    const again = changeConsents(
      c.caseId,
      { igj: "identity", ozj: "anonymous", gemeente: "identity" },
      { now: NOW + 1 },
    );
    expect(again).toEqual({ changed: ["igj", "ozj"], withdrawn: [], blockedReferrals: 0 });
    expect(referralAllowed(db, c.caseId, organisationId("ozj"), ["story"])).toEqual({ allowed: true });
    expect(events(c.caseId).filter((e) => e.type === "consent_changed")).toHaveLength(3);
  });
});
