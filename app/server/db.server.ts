/**
 * The database: one SQLite file through better-sqlite3 and drizzle. WAL mode, foreign keys on, a busy
 * timeout so concurrent writers wait instead of failing. Migrations are applied at start.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { getEnv } from "~/config/env.server";
import { migrationsFolder, referenceDataFolder } from "./paths.server";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * The folder is made 0700 when we create it; the file is created 0600 before SQLite opens it, and SQLite
 * gives its -wal and -shm files the mode of the database file. A file that already exists is narrowed
 * to 0600 too: a copied database opens every story whose key leaks with it.
 */
function privateFile(file: string) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, "a", 0o600));
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
}

export function openDatabase(file: string): Db {
  if (file !== ":memory:") privateFile(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Freed space is overwritten with zeros, so an erased story leaves no bytes behind (erasure.server.ts).
  sqlite.pragma("secure_delete = ON");
  return immediateByDefault(drizzle(sqlite, { schema }) as Db);
}

/**
 * Every transaction begins IMMEDIATE unless it asks otherwise (ADR 043). Most of ours read, then write
 * (a status, then an event). Begun DEFERRED, such a transaction reads a snapshot, and when another
 * connection commits in between (the backup or retention script, a seeding test) its first write fails
 * with SQLITE_BUSY at once, whatever the busy timeout: a 500 for the person. IMMEDIATE takes the write
 * lock first, so it waits its turn instead. One server process writes at a time anyway (better-sqlite3 is
 * synchronous), so nothing is lost in concurrency.
 */
function immediateByDefault(db: Db): Db {
  const begin = db.transaction.bind(db);
  db.transaction = ((fn, config) => begin(fn, { behavior: "immediate", ...config })) as Db["transaction"];
  return db;
}

/** Applies migrations and seeds reference data. Safe to run at every start. */
export function prepareDatabase(db: Db) {
  migrate(db, { migrationsFolder });
  return seedReferenceData(db, referenceDataFolder);
}

let instance: Db | undefined;

export class DatabaseInUse extends Error {}

let processLock: Database.Database | undefined;

/**
 * One server process per database (ADR 017): rate limits, sessions and the outbox worker assume it. The
 * lock is an exclusive SQLite lock on a side file `<db>.lock`, held for the life of the process; the
 * operating system releases it when the process ends in any way, SIGKILL included. Only the server
 * takes it, so backup and retention scripts keep working next to a running server.
 */
export function lockDatabaseForThisProcess(file: string) {
  if (file === ":memory:" || processLock) return;
  const lockFile = `${path.resolve(file)}.lock`;
  privateFile(lockFile);
  const lock = new Database(lockFile, { timeout: 0 });
  try {
    lock.pragma("locking_mode = EXCLUSIVE");
    // A write takes the exclusive lock; in this locking mode SQLite keeps it until the connection closes.
    lock.exec("BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER); COMMIT;");
  } catch (e) {
    lock.close();
    if (e instanceof Database.SqliteError && e.code.startsWith("SQLITE_BUSY")) {
      throw new DatabaseInUse(
        `Another server process is using the database ${path.resolve(file)} (its lock file ${lockFile} is held). ` +
          "Run one server per database: stop the other process first.",
      );
    }
    throw e;
  }
  processLock = lock;
}

export function getDb(): Db {
  if (!instance) instance = openDatabase(getEnv().DATABASE_URL);
  return instance;
}

/** For tests and scripts: use this database from now on. */
export function setDb(db: Db) {
  instance = db;
}

export function closeDb() {
  instance?.$client.close();
  instance = undefined;
}

export function databaseAnswers(db: Db = getDb()): boolean {
  try {
    return db.$client.prepare("select 1 as ok").get() !== undefined;
  } catch {
    return false;
  }
}

export { schema };
