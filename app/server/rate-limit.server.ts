/**
 * Rate limits (fixed windows) kept in the database, so a restart forgets nothing (ADR 017). Keys are keyed
 * hashes made by server.js (or case codes); only their sha256 is stored, with a count and when the window
 * ends. One prepared UPSERT per hit: no scans on the hot path. Rows whose window has ended are deleted
 * now and then by a hit, and by the hourly retention job.
 */
import type Database from "better-sqlite3";
import { sha256 } from "./crypto.server";
import { getDb, type Db } from "./db.server";

/** Every this many hits (per process) one hit also deletes the ended windows. */
const SWEEP_EVERY = 1_000;

type Statements = { hit: Database.Statement; reset: Database.Statement; sweep: Database.Statement };
const prepared = new WeakMap<Database.Database, Statements>();

function statements(sqlite: Database.Database): Statements {
  let s = prepared.get(sqlite);
  if (!s) {
    s = {
      // In DO UPDATE every expression sees the old row: a window that has ended starts again at 1.
      hit: sqlite.prepare(
        `INSERT INTO rate_limits (bucket, key_hash, count, reset_at) VALUES (@bucket, @key, 1, @resetAt)
         ON CONFLICT (bucket, key_hash) DO UPDATE SET
           count = CASE WHEN reset_at <= @now THEN 1 ELSE count + 1 END,
           reset_at = CASE WHEN reset_at <= @now THEN excluded.reset_at ELSE reset_at END
         RETURNING count`,
      ),
      reset: sqlite.prepare("DELETE FROM rate_limits WHERE bucket = ? AND key_hash = ?"),
      sweep: sqlite.prepare("DELETE FROM rate_limits WHERE reset_at <= ?"),
    };
    prepared.set(sqlite, s);
  }
  return s;
}

let hitsSinceSweep = 0;

/** Deletes every counter whose window has ended (the retention job, and now and then a hit). */
export function sweepRateLimits(db: Db = getDb(), now = Date.now()): number {
  return statements(db.$client).sweep.run(now).changes;
}

export class RateLimiter {
  /** `bucket` names what is limited; two limiters must not share one. */
  constructor(
    readonly bucket: string,
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts a hit; false when the key is over its limit in this window. Atomic: one statement. */
  hit(key: string, now = Date.now(), db: Db = getDb()): boolean {
    const s = statements(db.$client);
    if (++hitsSinceSweep >= SWEEP_EVERY) {
      hitsSinceSweep = 0;
      s.sweep.run(now);
    }
    const row = s.hit.get({ bucket: this.bucket, key: sha256(key), resetAt: now + this.windowMs, now }) as {
      count: number;
    };
    return row.count <= this.limit;
  }

  reset(key: string, db: Db = getDb()) {
    statements(db.$client).reset.run(this.bucket, sha256(key));
  }
}
