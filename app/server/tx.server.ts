import type { Db } from "./db.server";

/** A drizzle transaction of our database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Functions that must join the caller's transaction take this. */
export type DbOrTx = Db | Tx;

/**
 * `BEGIN IMMEDIATE` takes the write lock at the start, so a busy database is waited for (busy_timeout)
 * instead of failing with SQLITE_BUSY when a deferred read has to become a write. Every transaction of
 * `openDatabase` begins so by default (ADR 043); passing it explicitly documents a transaction that must.
 */
export const IMMEDIATE = { behavior: "immediate" } as const;
