import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, prepareDatabase, setDb, type Db } from "~/server/db.server";

/** A migrated, seeded database in a fresh temporary file, installed as the app's database. */
export function createTestDb(): { db: Db; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-test-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase(file);
  prepareDatabase(db);
  setDb(db);
  return { db, file };
}
