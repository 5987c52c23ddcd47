/**
 * The blind indexes behind the back office's search (ADR 032). Each normalised contact value is stored
 * as HMAC-SHA256 under a key derived from DATA_ENCRYPTION_KEY, so the database alone cannot be searched
 * for a guessed name or number; only equality with what a worker types is testable.
 */
import crypto from "node:crypto";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getEnv, secretBytes } from "~/config/env.server";
import type { CaseContact } from "~/domain/case-content";
import { formatCaseCode } from "~/domain/codes";
import { caseSearchTerms, parseSearchQuery, type SearchTerm } from "~/domain/search-terms";
import { decrypt, decryptJson } from "./crypto.server";
import { getDb, schema, type Db } from "./db.server";
import type { DbOrTx } from "./tx.server";

/** The settings row that records which key the stored terms were made with. */
const KEY_SETTING = "search_index_key";

export function searchKeyFrom(secret: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", secret, Buffer.alloc(0), "aanspreekpunt search index v1", 32));
}

let cachedKey: Buffer | undefined;
function searchKey(): Buffer {
  cachedKey ??= searchKeyFrom(secretBytes(getEnv().DATA_ENCRYPTION_KEY)!);
  return cachedKey;
}

/** A stored term: the field keeps an e-mail address from matching a name that reads the same. */
export function hashTerm(term: SearchTerm, key = searchKey()): string {
  return crypto
    .createHmac("sha256", key)
    .update(`${term.field}\u0000${term.value}`)
    .digest()
    .subarray(0, 16)
    .toString("base64url");
}

/** Which key the index is made with, without revealing the key: a hash of a fixed term under it. */
const keyFingerprint = (key = searchKey()) =>
  crypto.createHmac("sha256", key).update("fingerprint").digest("hex").slice(0, 16);

/** Replaces a case's terms with those of its current contact details and news address. */
export function indexCase(
  tx: DbOrTx,
  caseId: number,
  contact: CaseContact | null,
  notifyEmail: string | null,
) {
  tx.delete(schema.caseSearchTerms).where(eq(schema.caseSearchTerms.caseId, caseId)).run();
  const terms = [...new Set(caseSearchTerms(contact, notifyEmail).map((t) => hashTerm(t)))];
  if (terms.length > 0)
    tx.insert(schema.caseSearchTerms)
      .values(terms.map((term) => ({ term, caseId })))
      .onConflictDoNothing()
      .run();
}

/** Reads a case's encrypted contact details and indexes them again (after any change to them). */
export function reindexCase(tx: DbOrTx, caseId: number) {
  const row = tx
    .select({ contactEnc: schema.cases.contactEnc, notifyEmailEnc: schema.cases.notifyEmailEnc })
    .from(schema.cases)
    .where(and(eq(schema.cases.id, caseId), isNull(schema.cases.erasedAt)))
    .get();
  indexCase(
    tx,
    caseId,
    row ? decryptJson<CaseContact>(row.contactEnc) : null,
    row?.notifyEmailEnc ? decrypt(row.notifyEmailEnc) : null,
  );
}

/**
 * At start: when the index was made with another key (or never, as right after the migration), every
 * live case is indexed again. Returns how many cases were indexed, 0 when nothing needed doing.
 */
export function syncSearchIndex(db: Db = getDb()): number {
  const fingerprint = keyFingerprint();
  const stored = db
    .select({ value: schema.settings.value })
    .from(schema.settings)
    .where(eq(schema.settings.key, KEY_SETTING))
    .get();
  if (stored?.value === fingerprint) return 0;
  return db.transaction((tx) => {
    tx.delete(schema.caseSearchTerms).run();
    const rows = tx
      .select({
        id: schema.cases.id,
        contactEnc: schema.cases.contactEnc,
        notifyEmailEnc: schema.cases.notifyEmailEnc,
      })
      .from(schema.cases)
      .where(
        and(
          isNull(schema.cases.erasedAt),
          sql`(${schema.cases.contactEnc} IS NOT NULL OR ${schema.cases.notifyEmailEnc} IS NOT NULL)`,
        ),
      )
      .all();
    for (const r of rows) {
      indexCase(
        tx,
        r.id,
        decryptJson<CaseContact>(r.contactEnc),
        r.notifyEmailEnc ? decrypt(r.notifyEmailEnc) : null,
      );
    }
    tx.insert(schema.settings)
      .values({ key: KEY_SETTING, value: fingerprint, updatedAt: Date.now() })
      .onConflictDoUpdate({
        target: schema.settings.key,
        set: { value: fingerprint, updatedAt: Date.now() },
      })
      .run();
    return rows.length;
  });
}

export const SEARCH_LIMIT = 50;

export type SearchHit = {
  id: number;
  code: string;
  kind: (typeof schema.cases.$inferSelect)["kind"];
  status: (typeof schema.cases.$inferSelect)["status"];
  urgent: boolean;
  receivedAt: number;
  erased: boolean;
  assigneeName: string | null;
  /** What matched: the code, or the field of a contact detail (never its value). */
  matched: "code" | SearchTerm["field"];
};

/**
 * The cases a search box entry finds, newest first: by code (erased cases too, so a caller with the code
 * of an erased case hears what happened), and by one contact term. At most SEARCH_LIMIT; `more` says
 * whether there were more.
 */
export function searchCases(input: string, db: Db = getDb()): { hits: SearchHit[]; more: boolean } {
  const q = parseSearchQuery(input);
  const byCode = q.code
    ? db
        .select({ id: schema.cases.id })
        .from(schema.cases)
        .where(eq(schema.cases.code, q.code))
        .all()
        .map((r) => r.id)
    : [];
  // Newest first is the highest id first: ids grow with time, and the primary key (term, case_id) then
  // gives the page in index order however many cases share a common first name.
  const byTerm = q.term
    ? db
        .select({ caseId: schema.caseSearchTerms.caseId })
        .from(schema.caseSearchTerms)
        .where(eq(schema.caseSearchTerms.term, hashTerm(q.term)))
        .orderBy(desc(schema.caseSearchTerms.caseId))
        .limit(SEARCH_LIMIT + 1)
        .all()
        .map((r) => r.caseId)
    : [];
  const more = byTerm.length > SEARCH_LIMIT;
  const ids = [...new Set([...byCode, ...byTerm.slice(0, SEARCH_LIMIT)])];
  if (ids.length === 0) return { hits: [], more: false };
  const rows = db
    .select({
      id: schema.cases.id,
      code: schema.cases.code,
      kind: schema.cases.kind,
      status: schema.cases.status,
      urgent: schema.cases.urgent,
      receivedAt: schema.cases.receivedAt,
      erasedAt: schema.cases.erasedAt,
      assigneeName: schema.staff.name,
    })
    .from(schema.cases)
    .leftJoin(schema.staff, eq(schema.staff.id, schema.cases.assigneeId))
    .where(inArray(schema.cases.id, ids))
    .orderBy(desc(schema.cases.id))
    .all();
  const codeIds = new Set(byCode);
  return {
    hits: rows.map(({ erasedAt, ...r }) => ({
      ...r,
      code: formatCaseCode(r.code),
      erased: erasedAt !== null,
      matched: codeIds.has(r.id) ? "code" : q.term!.field,
    })),
    more,
  };
}
