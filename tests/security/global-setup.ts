/**
 * Starts the BUILT server for the security tests: `npm run build` first when build/ is missing or older
 * than the sources, then `node server.js` in production mode on a free port with a fresh database and
 * random keys. The tests get the address and keys through vitest's provide/inject (setup-env.ts).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { root, startServer } from "./helpers/server";
const serverEntry = path.join(root, "build/server/index.js");

export type SecurityServer = {
  baseUrl: string;
  databaseUrl: string;
  sessionSecret: string;
  dataEncryptionKey: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    securityServer: SecurityServer;
  }
}

/** The newest modification time under the given paths (files and folders, recursively). */
function newest(paths: string[]): number {
  let max = 0;
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== "node_modules") visit(path.join(p, name));
    } else {
      max = Math.max(max, st.mtimeMs);
    }
  };
  for (const p of paths) visit(path.join(root, p));
  return max;
}

function buildIfStale() {
  const sources = newest([
    "app",
    "db",
    "locales",
    "public",
    "vite.config.ts",
    "remix.config.js",
    "package.json",
    "package-lock.json",
  ]);
  const built = fs.existsSync(serverEntry) ? fs.statSync(serverEntry).mtimeMs : 0;
  if (built >= sources) return;
  console.log(built ? "build/ is older than the sources: building…" : "No build yet: building…");
  const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm run build failed");
}

export default async function setup(project: TestProject) {
  buildIfStale();
  const started = await startServer({
    env: { ACCESS_LOG: "off", FINISH_LIMIT_PER_10_MIN: "1000", DRAFT_LIMIT_PER_HOUR: "100000" },
  });
  const server: SecurityServer = {
    baseUrl: started.baseUrl,
    databaseUrl: started.databaseUrl,
    sessionSecret: started.sessionSecret,
    dataEncryptionKey: started.dataEncryptionKey,
  };
  project.provide("securityServer", server);

  return async () => {
    await started.stop();
    // A failure on the server (a 500, an unhandled rejection) leaves a stack trace on its stderr. Any
    // input the tests send is the visitor's mistake, never the server's: the run fails when it logged one.
    const errors = started.stderr();
    if (errors.trim() !== "") {
      throw new Error(`The server logged errors during the security tests:\n${errors.slice(0, 4000)}`);
    }
  };
}
