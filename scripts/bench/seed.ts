/**
 * A fresh benchmark database: reference data, four staff (a coordinator, three ombudsworkers) with signed-in
 * sessions, and `count` realistic cases over the last year (encrypted stories, all units, kinds and
 * statuses, referrals), written with the key the server will read them with. Prints a progress line.
 */
import crypto from "node:crypto";

export type Seeded = {
  /** Environment for the server: the database and its secrets. */
  env: Record<string, string>;
  workerCookie: string;
  coordinatorCookie: string;
  caseIds: number[];
  /** Case codes as stored (canonical), for the search row. */
  codes: string[];
};

export async function seedDatabase(file: string, count: number): Promise<Seeded> {
  const env = {
    DATABASE_URL: file,
    SESSION_SECRET: crypto.randomBytes(32).toString("base64"),
    DATA_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
  };
  // The app's modules read their configuration from the environment when first imported.
  Object.assign(process.env, env, { NODE_ENV: "test", PUBLIC_URL: "http://127.0.0.1" });
  const { openDatabase, prepareDatabase, setDb, closeDb, schema } =
    await import("../../app/server/db.server");
  const { seedManyCases } = await import("../../app/server/dev-seed.server");
  const { hashPassword, newTotpSecret } = await import("../../app/server/staff-auth.server");
  const { encrypt } = await import("../../app/server/crypto.server");
  const { startSession } = await import("../../app/server/staff-session.server");
  const { syncSearchIndex } = await import("../../app/server/search-index.server");

  const db = openDatabase(file);
  setDb(db);
  try {
    prepareDatabase(db);
    const staffIds: number[] = [];
    for (const [i, role] of (
      ["coordinator", "ombudsworker", "ombudsworker", "ombudsworker"] as const
    ).entries()) {
      const row = db
        .insert(schema.staff)
        .values({
          name: `Bench ${role} ${i}`,
          email: `bench-${i}@example.org`,
          passwordHash: await hashPassword(crypto.randomBytes(16).toString("hex")),
          totpSecretEnc: encrypt(newTotpSecret()),
          role,
          createdAt: Date.now(),
        })
        .returning({ id: schema.staff.id })
        .get();
      staffIds.push(row.id);
    }

    const started = Date.now();
    const tty = process.stdout.isTTY;
    const progress = (done: number) => {
      const s = ((Date.now() - started) / 1000).toFixed(0);
      const line = `Seeding cases: ${done.toLocaleString("en")} / ${count.toLocaleString("en")} (${s} s)`;
      if (tty) process.stdout.write(`\r${line}${done === count ? "\n" : ""}`);
      else if (done % 10_000 === 0 || done === count) console.log(line);
    };
    seedManyCases(db, count, { staffIds, days: 365, referrals: true, onProgress: progress });
    // Marks the search index as made with this key, so the server does not build it again at start.
    syncSearchIndex(db);
    const cookie = (id: number) => startSession(db, id, true).split(";")[0]!;
    const seeded = {
      env,
      coordinatorCookie: cookie(staffIds[0]!),
      workerCookie: cookie(staffIds[1]!),
      caseIds: db
        .select({ id: schema.cases.id })
        .from(schema.cases)
        .all()
        .map((r) => r.id),
      codes: db
        .select({ code: schema.cases.code })
        .from(schema.cases)
        .all()
        .map((r) => r.code),
    };
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    return seeded;
  } finally {
    closeDb();
  }
}
