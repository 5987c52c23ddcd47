import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, prepareDatabase, schema, setDb, type Db } from "~/server/db.server";
import type { StaffUser } from "~/server/staff-session.server";
import type { StaffRole } from "../../db/schema";

/** A migrated, seeded database in a fresh temporary file, installed as the app's database. */
export function createTestDb(): { db: Db; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-test-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase(file);
  prepareDatabase(db);
  setDb(db);
  return { db, file };
}

const defaultStaff: Record<StaffRole, { name: string; email: string }> = {
  ombudsworker: { name: "Johan", email: "johan@example.org" },
  coordinator: { name: "Coördinator", email: "c@example.org" },
};

/**
 * A staff account in `db` (no password, no TOTP) and the signed-in user it would be, for calling the
 * server functions directly. Each role has a default name and email; pass others for a second account.
 */
export function testStaff(
  db: Db,
  role: StaffRole,
  values: Partial<Omit<typeof schema.staff.$inferInsert, "role">> = {},
): StaffUser {
  const row = { ...defaultStaff[role], passwordHash: "x", ...values, role };
  const id = db.insert(schema.staff).values(row).returning({ id: schema.staff.id }).get().id;
  return { id, name: row.name, email: row.email, role, sessionIdHash: "s" };
}
