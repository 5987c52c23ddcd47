import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
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

/** A case's timeline entries, oldest first. */
export const caseEventsOf = (db: Db, caseId: number) =>
  db
    .select()
    .from(schema.caseEvents)
    .where(eq(schema.caseEvents.caseId, caseId))
    .orderBy(schema.caseEvents.id)
    .all();

/** The actions of a case's audit entries, oldest first. */
export const auditActionsOf = (db: Db, caseId: number) =>
  db
    .select()
    .from(schema.auditLog)
    .where(eq(schema.auditLog.caseId, caseId))
    .orderBy(schema.auditLog.id)
    .all()
    .map((a) => a.action);
