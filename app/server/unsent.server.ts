/**
 * What a reporter typed on /volgen and sent after their session had ended (ADR 029): kept encrypted, tied
 * to the case (never to the device, so nothing of it stays on a shared phone), and put back in the box
 * once, after signing in again. A day at most; sending a message, signing out, the quick exit and erasure
 * delete it sooner.
 */
import { and, eq, lt } from "drizzle-orm";
import { UNSENT_TTL_MS } from "~/domain/lifetimes";
import type { unsentFields } from "../../db/schema";
import { decrypt, encrypt } from "./crypto.server";
import { getDb, schema, type Db } from "./db.server";

export type UnsentField = (typeof unsentFields)[number];
type Writer = Pick<Db, "insert" | "update" | "delete">;

export function keepUnsent(caseId: number, field: UnsentField, text: string, now = Date.now(), db = getDb()) {
  const values = { caseId, field, textEnc: encrypt(text), expiresAt: now + UNSENT_TTL_MS };
  db.insert(schema.unsentTexts)
    .values(values)
    .onConflictDoUpdate({
      target: [schema.unsentTexts.caseId, schema.unsentTexts.field],
      set: { textEnc: values.textEnc, expiresAt: values.expiresAt },
    })
    .run();
}

/** Which field has text waiting, if any (a message first). */
export function unsentFieldOf(caseId: number, now = Date.now(), db = getDb()): UnsentField | null {
  const rows = db
    .select({ field: schema.unsentTexts.field, expiresAt: schema.unsentTexts.expiresAt })
    .from(schema.unsentTexts)
    .where(eq(schema.unsentTexts.caseId, caseId))
    .all()
    .filter((r) => r.expiresAt > now);
  return rows.find((r) => r.field === "message")?.field ?? rows[0]?.field ?? null;
}

/** The waiting text of a field, removed from the store: it is in the page now. */
export function takeUnsent(
  caseId: number,
  field: UnsentField,
  now = Date.now(),
  db = getDb(),
): string | null {
  const where = and(eq(schema.unsentTexts.caseId, caseId), eq(schema.unsentTexts.field, field));
  const row = db.select().from(schema.unsentTexts).where(where).get();
  if (!row) return null;
  db.delete(schema.unsentTexts).where(where).run();
  return row.expiresAt > now ? decrypt(row.textEnc) : null;
}

export function forgetUnsent(caseId: number, db: Writer = getDb()) {
  db.delete(schema.unsentTexts).where(eq(schema.unsentTexts.caseId, caseId)).run();
}

/** The retention job: texts nobody came back for. */
export function sweepUnsent(db: Db = getDb(), now = Date.now()): number {
  return db.delete(schema.unsentTexts).where(lt(schema.unsentTexts.expiresAt, now)).run().changes;
}
