/**
 * The stored side of the staff sign-in throttle (app/domain/sign-in-throttle.ts, docs/decisions/019):
 * one row per email address typed, by a keyed hash of it, so the database holds no address that has no
 * account and the same rows exist for addresses with and without one. Each reservation is one IMMEDIATE
 * transaction, done before the password or code is checked.
 */
import { and, eq, lt, or, isNull } from "drizzle-orm";
import {
  afterSuccess,
  FORGET_AFTER_MS,
  freshCounter,
  isLocked,
  reserveAttempt,
  type Counter,
  type Reservation,
} from "~/domain/sign-in-throttle";
import { hmac } from "./crypto.server";
import { getDb, schema } from "./db.server";
import { IMMEDIATE, type DbOrTx } from "./tx.server";

const t = schema.signInThrottle;
type Row = typeof t.$inferSelect;

export type Factor = "password" | "code";

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Keyed with the session secret: a copied database does not tell which addresses were tried. */
export const addressKey = (email: string) => hmac(`staff-sign-in:${normaliseEmail(email)}`);

function counterOf(row: Row | undefined, factor: Factor): Counter {
  if (!row) return freshCounter;
  return factor === "password"
    ? { failures: row.failures, lockedUntil: row.lockedUntil, locks: row.locks }
    : { failures: row.codeFailures, lockedUntil: row.codeLockedUntil, locks: row.codeLocks };
}

function columnsOf(counter: Counter, factor: Factor) {
  return factor === "password"
    ? { failures: counter.failures, lockedUntil: counter.lockedUntil, locks: counter.locks }
    : { codeFailures: counter.failures, codeLockedUntil: counter.lockedUntil, codeLocks: counter.locks };
}

function update(db: DbOrTx, key: string, factor: Factor, change: (c: Counter) => Counter, now: number) {
  const row = db.select().from(t).where(eq(t.addressKey, key)).get();
  const next = change(counterOf(row, factor));
  db.insert(t)
    .values({ addressKey: key, ...columnsOf(next, factor), updatedAt: now })
    .onConflictDoUpdate({ target: t.addressKey, set: { ...columnsOf(next, factor), updatedAt: now } })
    .run();
  return next;
}

/** Counts an attempt before it is checked: the address is locked, or this is attempt n of the round. */
export function reserve(key: string, factor: Factor, max: number, now = Date.now()): Reservation {
  const db = getDb();
  return db.transaction((tx) => {
    // Forget what nobody touched for a week (unknown addresses included), unless it is locked now.
    tx.delete(t)
      .where(
        and(
          lt(t.updatedAt, now - FORGET_AFTER_MS),
          or(isNull(t.lockedUntil), lt(t.lockedUntil, now)),
          or(isNull(t.codeLockedUntil), lt(t.codeLockedUntil, now)),
        ),
      )
      .run();
    let reservation: Reservation | undefined;
    update(
      tx,
      key,
      factor,
      (c) => {
        reservation = reserveAttempt(c, max, now);
        return reservation.counter;
      },
      now,
    );
    return reservation!;
  }, IMMEDIATE);
}

/** The right password or code: that factor's round starts again. */
export function succeeded(key: string, factor: Factor, now = Date.now(), db: DbOrTx = getDb()) {
  update(db, key, factor, afterSuccess, now);
}

/** Is the second factor locked for this address (too many wrong codes)? */
export function codeLocked(key: string, now = Date.now()): boolean {
  return isLocked(counterOf(getDb().select().from(t).where(eq(t.addressKey, key)).get(), "code"), now);
}

/** A full sign-in, or a coordinator reactivating the account: everything about this address is forgotten. */
export function forget(db: DbOrTx, key: string) {
  db.delete(t).where(eq(t.addressKey, key)).run();
}
