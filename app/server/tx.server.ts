import type { Db } from "./db.server";

/** A drizzle transaction of our database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Functions that must join the caller's transaction take this. */
export type DbOrTx = Db | Tx;
