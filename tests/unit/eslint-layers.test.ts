/**
 * The layer rules in eslint.config.js fire: each is run through ESLint's own API on a small piece of code
 * placed, by its file name, in the folder the rule guards. A rule that stops matching (a renamed folder, a
 * changed pattern) fails here instead of silently letting everything through.
 */
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: root });

/** The messages of one rule for `code` as if it were the file `file` (relative to the repository). */
async function lint(file: string, code: string, rule: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

const COMPONENTS = "@typescript-eslint/no-restricted-imports";
const componentsMessage = /app\/components renders what the route hands it/;

describe("app/components imports no server code and no database", () => {
  const file = "app/components/example/Example.tsx";

  it.each([
    ['import { getDb } from "~/server/db.server";'],
    ['import { referralPanel } from "~/server/referrals/case-panel.server";'],
    ['import { getEnv } from "~/config/env.server";'],
    ['import { audit } from "../../server/audit.server";'],
    ['import { schema } from "~/../db/schema";'],
    ['import { schema } from "../../../db/schema";'],
  ])("refuses %s", async (line) => {
    const messages = await lint(
      file,
      `${line}\nexport const x = [${line.match(/\{ (\w+) \}/)![1]}];\n`,
      COMPONENTS,
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(componentsMessage);
  });

  it("allows a type-only import of a loader's type, and domain modules", async () => {
    const code = [
      'import type { referralPanel } from "~/server/referrals/case-panel.server";',
      'import { referralReference } from "~/domain/referrals";',
      "export type P = ReturnType<typeof referralPanel>;",
      "export const r = referralReference;",
    ].join("\n");
    expect(await lint(file, code, COMPONENTS)).toEqual([]);
  });
});

describe("process.env is read only in app/config/env.server.ts", () => {
  const envMessage = /Read configuration through app\/config\/env.server.ts/;

  it.each([
    ["app/server/example.server.ts", "export const limit = Number(process.env.SOME_LIMIT ?? 10);"],
    ["app/routes/example.tsx", 'export const url = process.env["PUBLIC_URL"];'],
    ["app/components/Example.tsx", "const { env } = process;\nexport const e = env;"],
  ])("refuses it in %s", async (file, code) => {
    const messages = await lint(file, code, "no-restricted-properties");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(envMessage);
  });

  it("allows it in the configuration module", async () => {
    const code = "export const raw = process.env;";
    expect(await lint("app/config/env.server.ts", code, "no-restricted-properties")).toEqual([]);
  });
});

describe("app/domain stays pure", () => {
  it("refuses the server", async () => {
    const code = 'import { getDb } from "~/server/db.server";\nexport const d = getDb;';
    const messages = await lint("app/domain/example.ts", code, "no-restricted-imports");
    expect(messages[0]).toMatch(/app\/domain is pure/);
  });
});

describe("only app/server/case-events.server.ts inserts into case_events", () => {
  const oneWriter = /recordEvent\(\) from app\/server\/case-events.server.ts/;

  it.each([
    ["app/server/example.server.ts", "tx.insert(schema.caseEvents).values({ caseId: 1 }).run();"],
    [
      "app/server/case-admin/example.server.ts",
      "ctx.tx\n  .insert(schema.caseEvents)\n  .values(row)\n  .run();",
    ],
    ["app/routes/example.tsx", "db.insert(caseEvents).values(row).run();"],
    ["app/server/example.server.ts", 'db.$client.prepare("INSERT INTO case_events (case_id) VALUES (?)");'],
    [
      "app/server/example.server.ts",
      'db.$client.exec(`insert or ignore into "case_events" (case_id) values (${id})`);',
    ],
  ])("refuses it in %s: %s", async (file, code) => {
    const messages = await lint(file, code, "no-restricted-syntax");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(oneWriter);
  });

  it("allows it in the writer, and reading, clearing or other tables anywhere", async () => {
    const insert = "tx.insert(schema.caseEvents).values(row).run();";
    expect(await lint("app/server/case-events.server.ts", insert, "no-restricted-syntax")).toEqual([]);
    const elsewhere = [
      "db.select().from(schema.caseEvents).all();",
      "tx.update(schema.caseEvents).set({ dataEnc: null }).run();",
      "tx.insert(schema.messages).values(row).run();",
      'db.$client.prepare("SELECT count(*) FROM case_events");',
    ].join("\n");
    expect(await lint("app/server/example.server.ts", elsewhere, "no-restricted-syntax")).toEqual([]);
  });
});

describe("a form is refused through the one form pipeline, not the CSRF check alone", () => {
  const pipeline = /Refuse a form through app\/server\/forms\/parse-form\.server\.ts/;

  it.each([
    ["app/routes/medewerker.example.tsx", 'import { checkForm } from "~/server/csrf.server";'],
    ["app/server/example.server.ts", 'import { checkForm } from "./csrf.server";'],
  ])("refuses it in %s", async (file, line) => {
    const messages = await lint(file, `${line}\nexport const x = checkForm;\n`, "no-restricted-imports");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(pipeline);
  });

  it("allows the pipeline itself, and the CSRF module's other exports", async () => {
    const pipelineFile = 'import { checkForm } from "~/server/csrf.server";\nexport const x = checkForm;\n';
    expect(
      await lint("app/server/forms/parse-form.server.ts", pipelineFile, "no-restricted-imports"),
    ).toEqual([]);
    const token = 'import { csrfToken } from "~/server/csrf.server";\nexport const x = csrfToken;\n';
    expect(await lint("app/routes/example.tsx", token, "no-restricted-imports")).toEqual([]);
  });
});
