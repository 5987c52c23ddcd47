import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  organisationEditSchema,
  organisationNewSchema,
  parseOrganisationFilters,
} from "~/domain/organisations";
import { createTestDb, testStaff } from "../../tests/helpers/test-db";
import { schema, type Db } from "./db.server";
import {
  coordinatingMunicipalityFor,
  createOrganisation,
  getOrganisation,
  regionCoordinationOverview,
  searchOrganisations,
  setRegionCoordination,
  updateOrganisation,
} from "./organisations.server";
import type { StaffUser } from "./staff-session.server";

let db: Db;
let me: StaffUser;
beforeEach(() => {
  db = createTestDb().db;
  me = testStaff(db, "coordinator");
});

const search = (q: string, extra = "") =>
  searchOrganisations(
    parseOrganisationFilters(new URLSearchParams(`q=${encodeURIComponent(q)}${extra}`)),
    db,
  );
const idOf = (cbsCode: string) =>
  db
    .select({ id: schema.organisations.id })
    .from(schema.organisations)
    .where(eq(schema.organisations.cbsCode, cbsCode))
    .get()!.id;

describe("searching the registry", () => {
  it("lists the national bodies first and pages through all 345", () => {
    const all = searchOrganisations(parseOrganisationFilters(new URLSearchParams()), db);
    expect(all.total).toBe(345);
    expect(all.pages).toBe(14);
    expect(all.rows.slice(0, 3).map((r) => r.kind)).toEqual(["igj", "ozj", "vng"]);
    const last = searchOrganisations(parseOrganisationFilters(new URLSearchParams("pagina=14")), db);
    expect(last.rows).toHaveLength(345 - 13 * 25);
  });

  it("finds by name regardless of case and accents, and by CBS code", () => {
    expect(search("súdwest").rows.map((r) => r.name)).toEqual(["Súdwest-Fryslân"]);
    expect(search("SUDWEST").rows.map((r) => r.name)).toEqual(["Súdwest-Fryslân"]);
    expect(search("363").rows.map((r) => r.name)).toEqual(["Amsterdam"]);
    expect(search("GM0363").rows.map((r) => r.name)).toEqual(["Amsterdam"]);
  });

  it("finds today's municipality by the name of one that ended since 2018", () => {
    const found = search("Hoogezand");
    expect(found.rows.map((r) => [r.name, r.formerNames])).toEqual([
      ["Midden-Groningen", ["Hoogezand-Sappemeer"]],
    ]);
  });

  it("leaves switched-off organisations out unless asked", () => {
    const id = idOf("GM0363");
    updateOrganisation(me, id, { referralEmail: "", notes: "", active: false, regionCode: "JZ13" });
    expect(search("Amsterdam").total).toBe(0);
    expect(search("Amsterdam", "&inactief=1").total).toBe(1);
  });
});

describe("editing", () => {
  it("saves the referral address, notes, active flag and region, and audits which fields changed", () => {
    const id = idOf("GM0363");
    const edit = organisationEditSchema.parse({
      referralEmail: " jeugd@amsterdam.example ",
      notes: "Team jeugd",
      active: "yes",
      regionCode: "JZ13",
    });
    expect(updateOrganisation(me, id, edit)).toEqual({ ok: true });
    expect(getOrganisation(id, db)).toMatchObject({
      referralEmail: "jeugd@amsterdam.example",
      notes: "Team jeugd",
      active: true,
    });
    const entry = db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, "organisation_changed"))
      .get()!;
    expect(JSON.parse(entry.detail!)).toEqual({ organisationId: id, fields: "referralEmail,notes" });
    expect(updateOrganisation(me, id, { ...edit, regionCode: "JZ99" })).toEqual({
      ok: false,
      reason: "unknown_region",
    });
  });

  it("validates the address and the notes", () => {
    expect(
      organisationEditSchema.safeParse({ referralEmail: "not an address" }).error?.issues[0]?.message,
    ).toBe("organisations.errors.emailInvalid");
    expect(organisationEditSchema.safeParse({ referralEmail: "", notes: "x".repeat(2001) }).success).toBe(
      false,
    );
    expect(organisationEditSchema.parse({ referralEmail: "" }).referralEmail).toBe("");
    expect(organisationNewSchema.safeParse({ name: "  " }).error?.issues[0]?.message).toBe(
      "organisations.errors.nameRequired",
    );
  });

  it("adds an organisation of kind 'other' (audited)", () => {
    const id = createOrganisation(me, { name: "De Kinderombudsman", referralEmail: "", notes: "" });
    expect(getOrganisation(id, db)).toMatchObject({
      kind: "other",
      name: "De Kinderombudsman",
      active: true,
    });
    expect(search("kinderombudsman").rows.map((r) => r.kind)).toEqual(["other"]);
  });
});

describe("coordinating municipalities per youth-care region", () => {
  it("are data a coordinator enters, and are audited", () => {
    expect(regionCoordinationOverview(db).every((r) => r.coordinator === null)).toBe(true);
    const amsterdam = idOf("GM0363");
    expect(setRegionCoordination(me, "JZ13", amsterdam)).toEqual({ ok: true });
    expect(setRegionCoordination(me, "JZ13", amsterdam)).toEqual({ ok: false, reason: "same" });
    expect(regionCoordinationOverview(db).find((r) => r.code === "JZ13")?.coordinator?.name).toBe(
      "Amsterdam",
    );
    expect(coordinatingMunicipalityFor("GM0363", db)?.name).toBe("Amsterdam");
    expect(getOrganisation(amsterdam, db)?.coordinates.map((r) => r.code)).toEqual(["JZ13"]);
    const igj = db.select().from(schema.organisations).where(eq(schema.organisations.kind, "igj")).get()!.id;
    expect(setRegionCoordination(me, "JZ13", igj)).toEqual({ ok: false, reason: "not_a_municipality" });
    expect(setRegionCoordination(me, "JZ99", amsterdam)).toEqual({ ok: false, reason: "not_found" });
    expect(setRegionCoordination(me, "JZ13", null)).toEqual({ ok: true });
    expect(coordinatingMunicipalityFor("GM0363", db)).toBeNull();
    expect(
      db
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.action, "region_coordination_changed"))
        .all(),
    ).toHaveLength(2);
  });
});
