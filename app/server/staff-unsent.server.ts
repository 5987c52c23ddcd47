/**
 * What a staff member typed on a case page and sent after their session had ended by itself (ADR 038): kept
 * encrypted for that person and that case (never in the browser or the URL), put back in its box once after
 * they sign in again, and deleted then, at erasure of the case, or by the retention job after a working day.
 */
import { and, eq, inArray, lt } from "drizzle-orm";
import { STAFF_UNSENT_TTL_MS } from "~/domain/staff-session";
import { staffUnsentFields } from "../../db/schema";
import { decrypt, encrypt } from "./crypto.server";
import { refusalOf } from "./forms/parse-form.server";
import { getDb, schema, type Db } from "./db.server";
import { endedSessionStaffId, requireStaff, signInUrl, type StaffUser } from "./staff-session.server";

export type StaffUnsentField = (typeof staffUnsentFields)[number];
export type KeptTexts = Partial<Record<StaffUnsentField, string>>;
type Writer = Pick<Db, "insert" | "update" | "delete">;

export function keepStaffUnsent(
  staffId: number,
  caseId: number,
  texts: KeptTexts,
  now = Date.now(),
  db = getDb(),
): number {
  let kept = 0;
  for (const field of staffUnsentFields) {
    const text = texts[field];
    if (!text?.trim()) continue;
    const values = { staffId, caseId, field, textEnc: encrypt(text), expiresAt: now + STAFF_UNSENT_TTL_MS };
    db.insert(schema.staffUnsentTexts)
      .values(values)
      .onConflictDoUpdate({
        target: [
          schema.staffUnsentTexts.staffId,
          schema.staffUnsentTexts.caseId,
          schema.staffUnsentTexts.field,
        ],
        set: { textEnc: values.textEnc, expiresAt: values.expiresAt },
      })
      .run();
    kept++;
  }
  return kept;
}

/**
 * This person's waiting texts for the case, for the boxes the page shows now; those are removed from the
 * store (they are in the page now).
 */
export function takeStaffUnsent(
  staffId: number,
  caseId: number,
  fields: readonly StaffUnsentField[],
  now = Date.now(),
  db = getDb(),
): KeptTexts {
  const where = and(
    eq(schema.staffUnsentTexts.staffId, staffId),
    eq(schema.staffUnsentTexts.caseId, caseId),
    inArray(schema.staffUnsentTexts.field, [...fields]),
  );
  const rows = db.select().from(schema.staffUnsentTexts).where(where).all();
  if (rows.length === 0) return {};
  db.delete(schema.staffUnsentTexts).where(where).run();
  return Object.fromEntries(rows.filter((r) => r.expiresAt > now).map((r) => [r.field, decrypt(r.textEnc)]));
}

/** Erasure: nothing typed about the case stays. */
export function forgetStaffUnsent(caseId: number, db: Writer = getDb()) {
  db.delete(schema.staffUnsentTexts).where(eq(schema.staffUnsentTexts.caseId, caseId)).run();
}

/** The retention job: texts nobody came back for. */
export function sweepStaffUnsent(db: Db = getDb(), now = Date.now()): number {
  return db.delete(schema.staffUnsentTexts).where(lt(schema.staffUnsentTexts.expiresAt, now)).run().changes;
}

/** A case that is there and not erased (an erased case's page has no forms to put text back in). */
function caseTakesText(caseId: number, db = getDb()): boolean {
  if (!Number.isSafeInteger(caseId) || caseId < 1) return false;
  const row = db
    .select({ erasedAt: schema.cases.erasedAt })
    .from(schema.cases)
    .where(eq(schema.cases.id, caseId))
    .get();
  return row !== undefined && row.erasedAt === null;
}

/**
 * requireStaff for a case page's action. When the session has ended by itself and this is a genuine form of
 * this site (CSRF checked), the typed text is kept for this person and case, and the redirect to sign-in
 * says so and comes back to the case page. Otherwise exactly what requireStaff does.
 */
export async function requireStaffKeepingText(
  request: Request,
  caseId: number,
  opts: Parameters<typeof requireStaff>[1],
): Promise<StaffUser> {
  try {
    return requireStaff(request, opts);
  } catch (thrown) {
    if (!(thrown instanceof Response) || thrown.status < 300 || thrown.status >= 400) throw thrown;
    const now = opts?.now ?? Date.now();
    const staffId = endedSessionStaffId(request, now);
    if (staffId === null || !caseTakesText(caseId)) throw thrown;
    const form = await request.formData();
    if (refusalOf(request, form)) throw thrown;
    const texts: KeptTexts = {};
    for (const field of staffUnsentFields) {
      const value = form.get(field);
      if (typeof value === "string") texts[field] = value;
    }
    if (keepStaffUnsent(staffId, caseId, texts, now) === 0) throw thrown;
    const headers = new Headers(thrown.headers);
    headers.set("Location", signInUrl(request, "kept"));
    throw new Response(null, { status: thrown.status, headers });
  }
}
