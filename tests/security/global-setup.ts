/**
 * Starts the BUILT server for the security tests: `npm run build` first when build/ is missing or older
 * than the sources, then `node server.js` in production mode on a free port with a fresh database and
 * random keys. The tests get the address and keys through vitest's provide/inject (setup-env.ts).
 */
import type { TestProject } from "vitest/node";
import { buildIfNeeded } from "../../scripts/lib/server";
import { startServer } from "./helpers/server";

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

export default async function setup(project: TestProject) {
  buildIfNeeded();
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
