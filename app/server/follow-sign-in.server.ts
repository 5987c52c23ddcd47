/**
 * Signing in to follow a case with its code and passphrase, guarded three ways (docs/decisions/007):
 * - per code: ten wrong passphrases lock the code for an hour (stored on the case, so a restart keeps it);
 * - per client: a limit on attempts per keyed hash of the address (memory only, never stored);
 * - in time: every attempt that gets this far costs one argon2id verification, also for a code that does
 *   not exist and for a locked code, so neither the answer nor its timing tells which codes exist.
 * A code that does not exist is locked after ten attempts too (in memory), so "locked" reveals nothing.
 */
import { and, eq, isNull } from "drizzle-orm";
import {
  afterFailure,
  afterSuccess,
  reserveAttempt,
  type LookupCounter,
  type Reservation,
} from "~/domain/lockout";
import { getDb, schema, type Db } from "./db.server";
import { IMMEDIATE } from "./tx.server";
import { verifyDummy, verifyPassphrase } from "./passphrase.server";
import { RateLimiter } from "./rate-limit.server";

// 60 tries per client per 15 minutes; the browser tests raise it (every test browser is 127.0.0.1).
export const CLIENT_ATTEMPTS = Number(process.env.FOLLOW_SIGN_IN_LIMIT_PER_15_MIN ?? 60);
export const CLIENT_WINDOW_MS = 15 * 60_000;
const UNKNOWN_CODES_MAX = 50_000;
const DAY_MS = 24 * 60 * 60_000;

export type SignInResult =
  { ok: true; caseId: number } | { ok: false; reason: "wrong" | "locked" | "rate_limited" };

export type Verifier = {
  verify: (storedHash: string, typed: string) => Promise<boolean>;
  dummy: () => Promise<false>;
};

const argon2Verifier: Verifier = { verify: verifyPassphrase, dummy: verifyDummy };

export class SignInGuard {
  private clients: RateLimiter;
  /** Codes that do not exist, counted like real ones. Never written anywhere. */
  private unknown = new Map<string, LookupCounter & { touchedAt: number }>();

  constructor(
    private readonly verifier: Verifier = argon2Verifier,
    clientAttempts = CLIENT_ATTEMPTS,
    clientWindowMs = CLIENT_WINDOW_MS,
  ) {
    this.clients = new RateLimiter(clientAttempts, clientWindowMs);
  }

  /** `code` and `passphrase` in canonical form (the sign-in form normalises them). */
  async signIn(
    code: string,
    passphrase: string,
    opts: { clientKey: string; now?: number; db?: Db },
  ): Promise<SignInResult> {
    const now = opts.now ?? Date.now();
    const db = opts.db ?? getDb();
    if (!this.clients.hit(opts.clientKey, now)) return { ok: false, reason: "rate_limited" };

    const row = db
      .select({ id: schema.cases.id, passphraseHash: schema.cases.passphraseHash })
      .from(schema.cases)
      .where(and(eq(schema.cases.code, code), isNull(schema.cases.erasedAt)))
      .get();

    if (!row) return this.unknownCode(code, now);

    const reservation = db.transaction((tx): Reservation => {
      const c = tx
        .select({ failedLookups: schema.cases.failedLookups, lockedUntil: schema.cases.lockedUntil })
        .from(schema.cases)
        .where(eq(schema.cases.id, row.id))
        .get()!;
      const r = reserveAttempt(c, now);
      tx.update(schema.cases).set(r.counter).where(eq(schema.cases.id, row.id)).run();
      return r;
    }, IMMEDIATE);
    if (reservation.outcome === "locked") {
      await this.verifier.dummy();
      return { ok: false, reason: "locked" };
    }

    const right = await this.verifier.verify(row.passphraseHash, passphrase);
    if (right) {
      db.update(schema.cases).set(afterSuccess).where(eq(schema.cases.id, row.id)).run();
      return { ok: true, caseId: row.id };
    }
    const lock = afterFailure(reservation.attempt, now);
    if (lock) db.update(schema.cases).set(lock).where(eq(schema.cases.id, row.id)).run();
    return { ok: false, reason: "wrong" };
  }

  private async unknownCode(code: string, now: number): Promise<SignInResult> {
    if (this.unknown.size >= UNKNOWN_CODES_MAX) {
      for (const [k, v] of this.unknown) if (now - v.touchedAt > DAY_MS) this.unknown.delete(k);
      // Still full (a flood of made-up codes): forget the oldest. They protect nothing, so losing
      // their counts costs nothing; memory stays bounded.
      for (const k of this.unknown.keys()) {
        if (this.unknown.size < UNKNOWN_CODES_MAX * 0.9) break;
        this.unknown.delete(k);
      }
    }
    const counter = this.unknown.get(code) ?? { failedLookups: 0, lockedUntil: null, touchedAt: now };
    const r = reserveAttempt(counter, now);
    await this.verifier.dummy();
    if (r.outcome === "locked") {
      this.unknown.set(code, { ...r.counter, touchedAt: now });
      return { ok: false, reason: "locked" };
    }
    this.unknown.set(code, { ...(afterFailure(r.attempt, now) ?? r.counter), touchedAt: now });
    return { ok: false, reason: "wrong" };
  }
}

/** The guard the follow page uses: one per process. */
export const signInGuard = new SignInGuard();
