/**
 * Signing in to follow a case with its code and passphrase, guarded three ways (docs/decisions/018):
 * - per client: a limit on attempts per keyed hash of the address;
 * - per client and code: ten tries an hour, then this client is refused for this code (not the reporter);
 * - per code: a high ceiling over all clients in 15-minute windows, which only slows a crowd down.
 * Every attempt is counted before the passphrase is checked (one atomic statement per counter), so
 * parallel requests cannot slip under a limit while argon2 runs. The counters live in the database
 * (rate_limits, ADR 017): a restart neither resets a limit nor tells which codes were counted. Every
 * attempt that gets past the client limit costs one argon2id verification, also for a code that does not
 * exist and for a locked code, and unknown codes are counted exactly like real ones, so neither the answer
 * nor its timing tells which codes exist.
 */
import { and, eq, isNull } from "drizzle-orm";
import { getTuning } from "~/config/env.server";
import { CLIENT_CODE_ATTEMPTS, CLIENT_CODE_WINDOW_MS, CODE_ATTEMPTS, CODE_WINDOW_MS } from "~/domain/lockout";
import { getDb, schema, type Db } from "./db.server";
import { verifyDummy, verifyPassphrase } from "./passphrase.server";
import { RateLimiter } from "./rate-limit.server";

// 60 tries per client per 15 minutes; the browser tests raise it (every test browser is 127.0.0.1).
export const CLIENT_ATTEMPTS = getTuning().FOLLOW_SIGN_IN_LIMIT_PER_15_MIN;
export const CLIENT_WINDOW_MS = 15 * 60_000;

export type SignInResult =
  { ok: true; caseId: number } | { ok: false; reason: "wrong" | "locked" | "rate_limited" };

export type Verifier = {
  verify: (storedHash: string, typed: string) => Promise<boolean>;
  dummy: () => Promise<false>;
};

const argon2Verifier: Verifier = { verify: verifyPassphrase, dummy: verifyDummy };

export class SignInGuard {
  private readonly clients: RateLimiter;
  private readonly clientCodes = new RateLimiter(
    "follow.client-code",
    CLIENT_CODE_ATTEMPTS,
    CLIENT_CODE_WINDOW_MS,
  );
  private readonly codes: RateLimiter;

  constructor(
    private readonly verifier: Verifier = argon2Verifier,
    clientAttempts = CLIENT_ATTEMPTS,
    clientWindowMs = CLIENT_WINDOW_MS,
    codeAttempts = CODE_ATTEMPTS,
  ) {
    this.clients = new RateLimiter("follow.client", clientAttempts, clientWindowMs);
    this.codes = new RateLimiter("follow.code", codeAttempts, CODE_WINDOW_MS);
  }

  /** `code` and `passphrase` in canonical form (the sign-in form normalises them). */
  async signIn(
    code: string,
    passphrase: string,
    opts: { clientKey: string; now?: number; db?: Db },
  ): Promise<SignInResult> {
    const now = opts.now ?? Date.now();
    const db = opts.db ?? getDb();
    if (!this.clients.hit(opts.clientKey, now, db)) return { ok: false, reason: "rate_limited" };

    // A client refused for this code does not count against the code: one client alone can never push a
    // code over its ceiling.
    const pair = `${opts.clientKey}\u0000${code}`;
    if (!this.clientCodes.hit(pair, now, db) || !this.codes.hit(code, now, db)) {
      await this.verifier.dummy();
      return { ok: false, reason: "locked" };
    }

    const row = db
      .select({ id: schema.cases.id, passphraseHash: schema.cases.passphraseHash })
      .from(schema.cases)
      .where(and(eq(schema.cases.code, code), isNull(schema.cases.erasedAt)))
      .get();
    if (!row) {
      await this.verifier.dummy();
      return { ok: false, reason: "wrong" };
    }
    if (!(await this.verifier.verify(row.passphraseHash, passphrase))) return { ok: false, reason: "wrong" };
    this.clientCodes.reset(pair, db);
    this.codes.reset(code, db);
    return { ok: true, caseId: row.id };
  }
}

/** The guard the follow page uses. */
export const signInGuard = new SignInGuard();
