import { describe, expect, it } from "vitest";
import { serverCodeInClientChunks } from "./client-bundle-guard";

describe("the client bundle guard", () => {
  it("names server modules, the schema and the database packages in a browser chunk", () => {
    const found = serverCodeInClientChunks([
      {
        fileName: "assets/volgen.delen.js",
        moduleIds: [
          "/p/app/routes/volgen.delen.tsx",
          "/p/app/domain/vocabulary.ts",
          "/p/db/schema.ts",
          "/p/node_modules/drizzle-orm/table.js",
          "/p/app/server/cases.server.ts",
          "/p/app/http/client-key.server.ts",
        ],
        code: "",
      },
      {
        fileName: "assets/entry.client.js",
        moduleIds: ["/p/app/entry.client.tsx", "/p/node_modules/react-dom/index.js"],
        code: 'const a="hallo";export{a};',
      },
    ]);
    expect(found).toEqual([
      "assets/volgen.delen.js: /p/db/schema.ts",
      "assets/volgen.delen.js: /p/node_modules/drizzle-orm/table.js",
      "assets/volgen.delen.js: /p/app/server/cases.server.ts",
      "assets/volgen.delen.js: /p/app/http/client-key.server.ts",
    ]);
  });

  it("names a chunk whose code holds a drizzle table, whatever its modules are called", () => {
    const found = serverCodeInClientChunks([
      {
        fileName: "assets/shared-x.js",
        moduleIds: ["/p/app/domain/copied-tables.ts"],
        code: 'const C=Symbol.for("drizzle:Columns");class T{static[k]="SQLiteTable"}',
      },
    ]);
    expect(found).toEqual([
      "assets/shared-x.js: contains drizzle:",
      'assets/shared-x.js: contains "SQLiteTable"',
    ]);
  });
});
