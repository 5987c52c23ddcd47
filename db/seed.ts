/**
 * Reference data: youth-care regions, all municipalities with their region, the national bodies and the
 * ZIKOS units. Idempotent: it only adds what is missing and never overwrites what a coordinator edited.
 */
import fs from "node:fs";
import path from "node:path";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { parseCsv } from "./csv";
import * as schema from "./schema";

type Db = BetterSQLite3Database<typeof schema>;

const NATIONAL: { kind: schema.OrganisationKind; name: string; notes: string }[] = [
  {
    kind: "igj",
    name: "Inspectie Gezondheidszorg en Jeugd (IGJ)",
    notes: "Toezicht: misstanden, onveilige zorg.",
  },
  {
    kind: "ozj",
    name: "Ondersteuningsteam Zorg voor de Jeugd (OZJ)",
    notes: "Hulp of een plek nu, vastgelopen situaties.",
  },
  {
    kind: "vng",
    name: "Vereniging van Nederlandse Gemeenten (VNG)",
    notes: "ZIKOS werd landelijk ingekocht via de VNG.",
  },
];

const UNITS = [
  { slug: "t-anker", name: "'t Anker", place: "Harreveld", operator: "iHUB (voorheen Horizon)" },
  { slug: "pactum-zetten", name: "Pactum", place: "Zetten", operator: "VIGO Groep" },
];

export type SeedResult = {
  regions: number;
  municipalities: number;
  national: number;
  units: number;
  renames: number;
};

function read(dataDir: string, file: string) {
  return parseCsv(fs.readFileSync(path.join(dataDir, file), "utf8"));
}

export function seedReferenceData(db: Db, dataDir: string): SeedResult {
  const regionRows = read(dataDir, "jeugdregios_2025.csv");
  const municipalityRows = read(dataDir, "gemeenten_2026.csv");
  const regionOf = new Map(
    read(dataDir, "gemeente_jeugdregio_2025.csv").map((r) => [r.gemeentecode!, r.jeugdregiocode!]),
  );
  const renameRows = read(dataDir, "gemeente_opheffingen_sinds_2018.csv");
  const added: SeedResult = { regions: 0, municipalities: 0, national: 0, units: 0, renames: 0 };

  db.transaction((tx) => {
    for (const r of regionRows) {
      const res = tx
        .insert(schema.regions)
        .values({ code: r.jeugdregiocode!, name: r.jeugdregionaam! })
        .onConflictDoNothing()
        .run();
      added.regions += res.changes;
    }
    for (const m of municipalityRows) {
      const res = tx
        .insert(schema.organisations)
        .values({
          kind: "gemeente",
          name: m.gemeentenaam!,
          cbsCode: m.gemeentecode!,
          province: m.provincienaam!,
          regionCode: regionOf.get(m.gemeentecode!) ?? null,
        })
        .onConflictDoNothing()
        .run();
      added.municipalities += res.changes;
    }
    const existingKinds = new Set(
      tx
        .select({ kind: schema.organisations.kind })
        .from(schema.organisations)
        .all()
        .map((o) => o.kind),
    );
    for (const n of NATIONAL) {
      if (existingKinds.has(n.kind)) continue;
      tx.insert(schema.organisations).values(n).run();
      added.national++;
    }
    for (const u of UNITS) {
      added.units += tx.insert(schema.units).values(u).onConflictDoNothing().run().changes;
    }
    for (const r of renameRows) {
      added.renames += tx
        .insert(schema.municipalityRenames)
        .values({
          oldCode: r.opgeheven_gemeentecode!,
          oldName: r.opgeheven_gemeentenaam!,
          endedOn: r.datum_einde!,
          successorCode: r.opvolger_gemeentecode!,
        })
        .onConflictDoNothing()
        .run().changes;
    }
  });
  return added;
}
