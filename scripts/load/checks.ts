/**
 * What the load test asks of the database file, each time through a fresh read-only connection (the
 * server keeps writing through its own).
 */
import Database from "better-sqlite3";
import { normaliseCaseCode } from "~/domain/codes";
import type { CaseStory } from "~/domain/case-content";
import { decryptJson } from "~/server/crypto.server";
import type { ReturnedReceipt } from "./reporters";

export type Check = { phase: string; name: string; ok: boolean; detail: string };

export function withReadOnly<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    return fn(db);
  } finally {
    db.close();
  }
}

export const maxCaseId = (file: string) =>
  withReadOnly(
    file,
    (db) => (db.prepare("select coalesce(max(id), 0) as id from cases").get() as { id: number }).id,
  );

type CaseRow = { id: number; code: string; story_enc: string | null; contact_enc: string | null };

export type CaseAudit = {
  /** Cases made after `afterId`. */
  cases: number;
  duplicateCodes: number;
  duplicateReceipts: number;
  /** Receipts whose code is not among those cases. */
  missing: string[];
  /** Receipts whose case is there but whose story (or contact) does not decrypt. */
  undecryptable: string[];
};

/**
 * Compares the cases made after `afterId` with the receipts the reporters were shown. `decrypt`: also
 * decrypt the story (and contact details) of every case with a receipt, with the app's own key handling.
 */
export function auditCases(
  file: string,
  afterId: number,
  receipts: ReturnedReceipt[],
  opts: { decrypt?: boolean } = {},
): CaseAudit {
  const rows = withReadOnly(
    file,
    (db) =>
      db
        .prepare("select id, code, story_enc, contact_enc from cases where id > ? order by id")
        .all(afterId) as CaseRow[],
  );
  const byCode = new Map<string, CaseRow>();
  let duplicateCodes = 0;
  for (const row of rows) {
    if (byCode.has(row.code)) duplicateCodes++;
    byCode.set(row.code, row);
  }
  const seen = new Set<string>();
  let duplicateReceipts = 0;
  const missing: string[] = [];
  const undecryptable: string[] = [];
  for (const { code: shown } of receipts) {
    const code = normaliseCaseCode(shown) ?? shown;
    if (seen.has(code)) duplicateReceipts++;
    seen.add(code);
    const row = byCode.get(code);
    if (!row) {
      missing.push(shown);
      continue;
    }
    if (!opts.decrypt) continue;
    try {
      const story = decryptJson<CaseStory>(row.story_enc);
      if (!story || typeof story.text !== "string" || story.text.length === 0) throw new Error("no story");
      if (row.contact_enc) decryptJson(row.contact_enc);
    } catch {
      undecryptable.push(shown);
    }
  }
  return { cases: rows.length, duplicateCodes, duplicateReceipts, missing, undecryptable };
}

export function integrityCheck(file: string): string {
  return withReadOnly(file, (db) =>
    (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; "),
  );
}

/**
 * Whether the statistics count each case once (ADR 013: triggers count in the case's own transaction):
 * per month, the counted kinds equal the cases there. No retention runs during the test, so nothing is
 * counted without its row.
 */
export function countsMatchCases(file: string): { months: number; wrong: string[] } {
  return withReadOnly(file, (db) => {
    const rows = db
      .prepare(
        `SELECT c.month, c.cases, coalesce(s.counted, 0) AS counted
         FROM (SELECT received_month AS month, count(*) AS cases FROM cases GROUP BY 1) c
         LEFT JOIN (SELECT month, sum(count) AS counted FROM stat_counts WHERE dimension = 'kind' GROUP BY 1) s
           ON s.month = c.month`,
      )
      .all() as { month: string; cases: number; counted: number }[];
    return {
      months: rows.length,
      wrong: rows
        .filter((r) => r.cases !== r.counted)
        .map((r) => `${r.month}: ${r.counted} counted, ${r.cases} cases`),
    };
  });
}
