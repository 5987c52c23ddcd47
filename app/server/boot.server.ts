/**
 * What the server does once at start: validate the configuration, open and migrate the database, seed
 * reference data, and tell the person at the terminal what to do next.
 */
import path from "node:path";
import { ConfigError, loadEnv, secretBytes, type Env } from "~/config/env.server";
import { clientKeyer } from "~/http/client-key.server";
import { issueSetupLinkIfNoStaff } from "./access-tokens.server";
import { emlFolder } from "./mailer.server";
import { closeDb, DatabaseInUse, getDb, lockDatabaseForThisProcess, prepareDatabase } from "./db.server";
import { startOutboxWorker } from "./outbox-worker.server";
import { startRetentionJob } from "./retention.server";
import { startDeadlineAlertJob } from "./staff-alerts.server";
import { syncSearchIndex } from "./search-index.server";
import { syncCaseClocks } from "./case-clocks.server";

export type Runtime = {
  env: Env;
  https: boolean;
  /** Express's `trust proxy`: which peers may say who the client is (TRUST_PROXY). */
  trustProxy: false | number | string[];
  /** The rate-limit key of a client address (stable across restarts, see client-key.server.ts). */
  clientKey: (address: string | undefined) => string;
  announce: (address: string) => void;
  shutdown: () => void;
};

const stoppers: (() => void)[] = [];
/** Background jobs (mail outbox, retention) register how to stop here. */
export function onShutdown(stop: () => void) {
  stoppers.push(stop);
}

export function boot(): Runtime {
  let env: Env;
  try {
    env = loadEnv();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  try {
    lockDatabaseForThisProcess(env.DATABASE_URL);
  } catch (e) {
    if (e instanceof DatabaseInUse) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const db = getDb();
  const seeded = prepareDatabase(db);
  if (seeded.municipalities > 0 || seeded.units > 0) {
    console.log(
      `Reference data added: ${seeded.regions} youth-care regions, ${seeded.municipalities} municipalities, ` +
        `${seeded.national} national organisations, ${seeded.units} ZIKOS units.`,
    );
  }
  const indexed = syncSearchIndex(db);
  if (indexed > 0) console.log(`Search index built for ${indexed} cases (ADR 032).`);
  const clocked = syncCaseClocks(db);
  if (clocked > 0) console.log(`Due dates computed for ${clocked} open cases (ADR 039).`);
  return {
    env,
    https: env.PUBLIC_URL.startsWith("https://"),
    trustProxy: env.TRUST_PROXY,
    clientKey: clientKeyer(secretBytes(env.SESSION_SECRET)!),
    announce(address) {
      console.log(`Aanspreekpunt ZIKOS is running at ${env.PUBLIC_URL} (listening on ${address}).`);
      onShutdown(startOutboxWorker(env.OUTBOX_INTERVAL_MS));
      onShutdown(startRetentionJob());
      onShutdown(startDeadlineAlertJob());
      if (!env.SMTP_URL)
        console.log(
          `SMTP_URL is not set: mails are written as .eml files to ${path.relative(process.cwd(), emlFolder()) || "."}/.`,
        );
      const setupLink = issueSetupLinkIfNoStaff(env.PUBLIC_URL);
      if (setupLink) {
        console.log(
          "\nNo staff account exists yet. Create the first coordinator with this one-time link (valid 24 hours):\n" +
            `  ${setupLink}\n` +
            "A new link is printed at every start until the account exists.\n",
        );
      }
    },
    shutdown() {
      for (const stop of stoppers.splice(0)) stop();
      closeDb();
    },
  };
}
