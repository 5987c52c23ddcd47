/**
 * One-time links (first-coordinator setup, staff invitations). Only a hash of the token is stored; a
 * token works once and until it expires.
 */
import { and, count, eq, gt, isNull } from "drizzle-orm";
import { randomToken, sha256 } from "./crypto.server";
import { getDb, schema } from "./db.server";
import type { DbOrTx } from "./tx.server";
import type { StaffRole } from "../../db/schema";

type Purpose = "setup" | "invite" | "password_reset";

export const SETUP_TTL_MS = 24 * 60 * 60 * 1000;
export const INVITE_TTL_MS = 72 * 60 * 60 * 1000;
/** Long enough to reach a colleague today or tomorrow morning, short enough not to lie around. */
export const PASSWORD_RESET_TTL_MS = 24 * 60 * 60 * 1000;

export function createAccessToken(
  purpose: Purpose,
  role: StaffRole,
  opts: { ttlMs: number; createdBy?: number; forStaffId?: number; now?: number; db?: DbOrTx },
): string {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now();
  const token = randomToken(32);
  db.insert(schema.accessTokens)
    .values({
      purpose,
      role,
      tokenHash: sha256(token),
      createdBy: opts.createdBy ?? null,
      forStaffId: opts.forStaffId ?? null,
      createdAt: now,
      expiresAt: now + opts.ttlMs,
    })
    .run();
  return token;
}

/** The token's row when it is valid now (right purpose, not used, not expired). */
export function findValidAccessToken(
  token: string,
  purpose: Purpose,
  now = Date.now(),
  db: DbOrTx = getDb(),
) {
  return db
    .select()
    .from(schema.accessTokens)
    .where(
      and(
        eq(schema.accessTokens.tokenHash, sha256(token)),
        eq(schema.accessTokens.purpose, purpose),
        isNull(schema.accessTokens.usedAt),
        gt(schema.accessTokens.expiresAt, now),
      ),
    )
    .get();
}

/** Marks the token used; returns false when it was not valid (so two tabs cannot both use it). */
export function consumeAccessToken(
  token: string,
  purpose: Purpose,
  now = Date.now(),
  db: DbOrTx = getDb(),
): boolean {
  const res = db
    .update(schema.accessTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(schema.accessTokens.tokenHash, sha256(token)),
        eq(schema.accessTokens.purpose, purpose),
        isNull(schema.accessTokens.usedAt),
        gt(schema.accessTokens.expiresAt, now),
      ),
    )
    .run();
  return res.changes === 1;
}

export function staffCount(db: DbOrTx = getDb()): number {
  return db.select({ n: count() }).from(schema.staff).get()?.n ?? 0;
}

/**
 * While no staff account exists, a fresh setup link (earlier unused ones are withdrawn). Returns the
 * link, or undefined when staff exists.
 */
export function issueSetupLinkIfNoStaff(
  publicUrl: string,
  db: DbOrTx = getDb(),
  now = Date.now(),
): string | undefined {
  if (staffCount(db) > 0) return undefined;
  db.update(schema.accessTokens)
    .set({ usedAt: now })
    .where(and(eq(schema.accessTokens.purpose, "setup"), isNull(schema.accessTokens.usedAt)))
    .run();
  const token = createAccessToken("setup", "coordinator", { ttlMs: SETUP_TTL_MS, now, db });
  return `${publicUrl}/medewerker/setup/${token}`;
}
