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

export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Freed space is overwritten with zeros, so an erased story leaves no bytes behind (erasure.server.ts).
  sqlite.pragma("secure_delete = ON");
  return drizzle(sqlite, { schema }) as Db;
}

/** Applies migrations and seeds reference data. Safe to run at every start. */
export function prepareDatabase(db: Db) {
  migrate(db, { migrationsFolder });
  return seedReferenceData(db, referenceDataFolder);
}

let instance: Db | undefined;

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
