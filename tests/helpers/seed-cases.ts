/**
 * Seeding for browser tests: the Playwright process opens the same SQLite file as the server under test
 * (WAL mode and a busy timeout, see openDatabase) with the same keys, and writes cases and staff directly.
 * Cases are written the way the intake writes them (app/server/dev-seed.server.ts).
 */
import {
  generateRecoveryCodes,
  hashPassword,
  hashRecoveryCode,
  newTotpSecret,
  totpCode,
} from "~/server/staff-auth.server";
import { encrypt } from "~/server/crypto.server";
import { openDatabase, schema, setDb, type Db } from "~/server/db.server";
import { seedCase, seedManyCases, type SeedCaseInput } from "~/server/dev-seed.server";
import type { StaffRole } from "../../db/schema";

export { seedCase, seedManyCases, type SeedCaseInput };

let db: Db | undefined;

/** The database of the server under test, with the server's keys (from playwright.config.ts). */
export function e2eDatabase(): Db {
  if (db) return db;
  process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
  process.env.SESSION_SECRET = process.env.E2E_SESSION_SECRET;
  process.env.DATA_ENCRYPTION_KEY = process.env.E2E_DATA_ENCRYPTION_KEY;
  process.env.PUBLIC_URL = process.env.E2E_BASE_URL;
  process.env.NODE_ENV = "test";
  if (!process.env.DATABASE_URL)
    throw new Error("E2E_DATABASE_URL is not set: run through playwright.config.ts");
  db = openDatabase(process.env.DATABASE_URL);
  setDb(db);
  return db;
}

export type TestStaff = {
  recoveryCodes: string[];
  id: number;
  name: string;
  email: string;
  password: string;
  totpSecret: string;
  role: StaffRole;
};

let counter = 0;

/** A staff account with a password, a linked app and recovery codes, as if it came through an invitation. */
export async function createStaff(
  database: Db,
  opts: { role: StaffRole; name?: string; email?: string; password?: string },
): Promise<TestStaff> {
  counter++;
  const unique = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  const name = opts.name ?? `Test ${opts.role} ${unique}`;
  const email = opts.email ?? `${opts.role}-${unique}@example.org`;
  const password = opts.password ?? `test password ${unique}`;
  const totpSecret = newTotpSecret();
  const row = database
    .insert(schema.staff)
    .values({
      name,
      email,
      passwordHash: await hashPassword(password),
      totpSecretEnc: encrypt(totpSecret),
      role: opts.role,
      createdAt: Date.now(),
    })
    .returning({ id: schema.staff.id })
    .get();
  const recoveryCodes = generateRecoveryCodes();
  for (const code of recoveryCodes) {
    database
      .insert(schema.recoveryCodes)
      .values({ staffId: row.id, codeHash: hashRecoveryCode(code) })
      .run();
  }
  return { id: row.id, name, email, password, totpSecret, role: opts.role, recoveryCodes };
}

/** The code the app would show, `steps` time steps (of 30 s) from now. */
export function codeFor(secret: string, steps = 0): string {
  return totpCode(secret, Date.now() + steps * 30_000);
}
