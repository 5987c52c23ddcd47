/**
 * The database of the server under test (the same file, WAL mode, the same keys; see setup-env.ts), and
 * what the tests write into it: staff with sessions, cases, referrals, one-time links.
 */
import { eq } from "drizzle-orm";
import { openDatabase, schema, setDb, type Db } from "~/server/db.server";
import { startSession } from "~/server/staff-session.server";
import { createStaff, type TestStaff } from "../../helpers/seed-cases";
import type { StaffRole } from "../../../db/schema";
import { Client } from "./http";

let db: Db | undefined;

export function serverDb(): Db {
  if (db) return db;
  db = openDatabase(process.env.DATABASE_URL!);
  setDb(db);
  return db;
}

/** A staff account and a client signed in as it (a verified session written as sign-in would). */
export async function staffClient(
  role: StaffRole,
  opts: { name?: string } = {},
): Promise<{ staff: TestStaff; client: Client }> {
  const database = serverDb();
  const staff = await createStaff(database, { role, name: opts.name });
  const client = new Client();
  client.takeCookies(startSession(database, staff.id, true));
  return { staff, client };
}

export function deactivate(staffId: number) {
  serverDb().update(schema.staff).set({ active: false }).where(eq(schema.staff.id, staffId)).run();
}

/** Rows in the tables a public form could write to. */
export function rowCounts(): Record<string, number> {
  const sqlite = serverDb().$client;
  const tables = ["cases", "messages", "story_additions", "outbox", "case_events", "consents", "drafts"];
  return Object.fromEntries(
    tables
      .filter((t) => sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?").get(t))
      .map((t) => [t, (sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
}
