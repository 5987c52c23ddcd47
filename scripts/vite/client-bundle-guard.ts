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

export function serverCodeInClientChunks(chunks: { fileName: string; moduleIds: string[] }[]): string[] {
  const found: string[] = [];
  for (const chunk of chunks)
    for (const id of chunk.moduleIds)
      if (serverOnly.some((re) => re.test(id.replaceAll("\\", "/")))) found.push(`${chunk.fileName}: ${id}`);
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
        c.type === "chunk" ? [{ fileName: c.fileName, moduleIds: c.moduleIds }] : [],
      );
      const found = serverCodeInClientChunks(chunks);
      if (found.length) this.error(`Server code in the browser bundle:\n  ${found.join("\n  ")}`);
    },
  };
}
