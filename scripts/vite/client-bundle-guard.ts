import type { Plugin } from "vite";

/**
 * Fails the client build when a browser chunk contains server code: a `.server` module, anything under
 * `app/server/` or `db/`, or the database driver and ORM. Remix already refuses a `.server` import in
 * route modules; this also catches a value imported through a shared module (the database schema once
 * reached the browser that way, through a list of values).
 */
const serverOnly = [
  /\.server\.[cm]?[jt]sx?$/,
  /\/app\/server\//,
  /\/db\/[^/]+\.[cm]?[jt]s$/,
  /\/node_modules\/(drizzle-orm|better-sqlite3|@node-rs\/argon2|nodemailer)\//,
];

/**
 * What a table definition leaves in the emitted code whatever the module is called: drizzle's symbols
 * (`Symbol.for("drizzle:Columns")`) and its table kind survive minification. A second net under the
 * module names, for a schema copied or re-exported into a module the list above does not name.
 */
const databaseMarkers = ["drizzle:", '"SQLiteTable"', "'SQLiteTable'"];

export type ClientChunk = { fileName: string; moduleIds: string[]; code: string };

export function serverCodeInClientChunks(chunks: ClientChunk[]): string[] {
  const found: string[] = [];
  for (const chunk of chunks) {
    for (const id of chunk.moduleIds)
      if (serverOnly.some((re) => re.test(id.replaceAll("\\", "/")))) found.push(`${chunk.fileName}: ${id}`);
    for (const marker of databaseMarkers)
      if (chunk.code.includes(marker)) found.push(`${chunk.fileName}: contains ${marker}`);
  }
  return found;
}

export function clientBundleGuard(): Plugin {
  let serverBuild = false;
  return {
    name: "aanspreekpunt:client-bundle-guard",
    apply: "build",
    configResolved(config) {
      serverBuild = Boolean(config.build.ssr);
    },
    generateBundle(_options, bundle) {
      if (serverBuild) return;
      const chunks = Object.values(bundle).flatMap((c) =>
        c.type === "chunk" ? [{ fileName: c.fileName, moduleIds: c.moduleIds, code: c.code }] : [],
      );
      const found = serverCodeInClientChunks(chunks);
      if (found.length) this.error(`Server code in the browser bundle:\n  ${found.join("\n  ")}`);
    },
  };
}
