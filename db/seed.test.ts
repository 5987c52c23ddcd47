import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../tests/helpers/test-db";
import { schema } from "~/server/db.server";
import { referenceDataFolder } from "~/server/paths.server";
import { seedReferenceData } from "./seed";

describe("reference data seed", () => {
  it("loads all 342 municipalities with their youth-care region, the national bodies and both units", () => {
    const { db } = createTestDb(); // createTestDb migrates and seeds once
    const municipalities = db
      .select()
      .from(schema.organisations)
      .where(eq(schema.organisations.kind, "gemeente"))
      .all();
    expect(municipalities).toHaveLength(342);
    expect(municipalities.every((m) => m.regionCode?.startsWith("JZ"))).toBe(true);
    const amsterdam = municipalities.find((m) => m.cbsCode === "GM0363");
    expect(amsterdam).toMatchObject({ name: "Amsterdam", regionCode: "JZ13" });
    expect(municipalities.find((m) => m.cbsCode === "GM0820")?.name).toBe("Nuenen, Gerwen en Nederwetten");
    expect(db.select().from(schema.regions).all()).toHaveLength(42);
    const kinds = db
      .select()
      .from(schema.organisations)
      .all()
      .map((o) => o.kind);
    for (const k of ["igj", "ozj", "vng"] as const) expect(kinds.filter((x) => x === k)).toHaveLength(1);
    expect(
      db
        .select()
        .from(schema.units)
        .all()
        .map((u) => u.place)
        .sort(),
    ).toEqual(["Harreveld", "Zetten"]);
    expect(db.select().from(schema.municipalityRenames).all()).toHaveLength(63);
  });

  it("is idempotent and keeps what a coordinator edited", () => {
    const { db } = createTestDb();
    db.update(schema.organisations)
      .set({ referralEmail: "jeugd@utrecht.example", regionCode: "JZ21" })
      .where(eq(schema.organisations.cbsCode, "GM0344"))
      .run();
    const again = seedReferenceData(db, referenceDataFolder);
    expect(again).toEqual({ regions: 0, municipalities: 0, national: 0, units: 0, renames: 0 });
    expect(db.select().from(schema.organisations).all()).toHaveLength(345);
    const utrecht = db
      .select()
      .from(schema.organisations)
      .where(eq(schema.organisations.cbsCode, "GM0344"))
      .get();
    expect(utrecht).toMatchObject({ referralEmail: "jeugd@utrecht.example", regionCode: "JZ21" });
  });

  it("refuses to change or delete the audit log", () => {
    const { db } = createTestDb();
    db.insert(schema.auditLog).values({ at: 1, actor: "system", action: "test" }).run();
    expect(() => db.update(schema.auditLog).set({ action: "x" }).run()).toThrow(/append-only/);
    expect(() => db.delete(schema.auditLog).run()).toThrow(/append-only/);
  });
});
