/**
 * The audit log: who did what, to which case, when. Append-only: this module can only add entries and read
 * them, and a database trigger (db/migrations/0001_audit_append_only.sql) refuses UPDATE and DELETE.
 */
import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { AuditAction, AuditDetail } from "~/domain/audit";
import { getDb, schema } from "./db.server";
import type { DbOrTx } from "./tx.server";
import { formatCaseCode, normaliseCaseCode } from "~/domain/codes";

export type AuditEntry = {
  action: AuditAction;
  staffId?: number | null;
  /** organisation: a receiving organisation through its referral link (no account, so no staffId). */
  actor?: "staff" | "system" | "organisation";
  caseId?: number | null;
  detail?: AuditDetail;
};

export function audit(db: DbOrTx, entry: AuditEntry, now = Date.now()): void {
  db.insert(schema.auditLog)
    .values({
      at: now,
      staffId: entry.staffId ?? null,
      actor: entry.actor ?? "staff",
      action: entry.action,
      caseId: entry.caseId ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .run();
}

export type AuditFilters = {
  staffId?: number;
  action?: AuditAction;
  caseId?: number;
  /** Inclusive start and exclusive end, epoch ms. */
  from?: number;
  to?: number;
  page: number;
};

export const AUDIT_PAGE_SIZE = 50;

export function listAudit(f: AuditFilters, db = getDb()) {
  const a = schema.auditLog;
  const where: SQL[] = [];
  if (f.staffId !== undefined) where.push(eq(a.staffId, f.staffId));
  if (f.action) where.push(eq(a.action, f.action));
  if (f.caseId !== undefined) where.push(eq(a.caseId, f.caseId));
  if (f.from !== undefined) where.push(gte(a.at, f.from));
  if (f.to !== undefined) where.push(lt(a.at, f.to));
  // One row more than a page tells whether there is a next page without counting the whole log.
  const rows = db
    .select({
      id: a.id,
      at: a.at,
      actor: a.actor,
      action: a.action,
      detail: a.detail,
      staffId: a.staffId,
      staffName: schema.staff.name,
      caseId: a.caseId,
      caseCode: schema.cases.code,
    })
    .from(a)
    .leftJoin(schema.staff, eq(schema.staff.id, a.staffId))
    .leftJoin(schema.cases, eq(schema.cases.id, a.caseId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(a.at), desc(a.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((f.page - 1) * AUDIT_PAGE_SIZE)
    .all();
  return {
    rows: rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({
      ...r,
      caseCode: r.caseCode ? formatCaseCode(r.caseCode) : r.caseCode,
      detail: r.detail ? (JSON.parse(r.detail) as AuditDetail) : null,
    })),
    hasNext: rows.length > AUDIT_PAGE_SIZE,
  };
}

/**
 * The id of the case with this code, for filtering the log by case (-1 when there is none). The code may
 * be typed as the reporter reads it ("7KQM-2XRT"), in any case, with or without the dash.
 */
export function caseIdForCode(code: string, db = getDb()): number {
  const canonical = normaliseCaseCode(code);
  if (!canonical) return -1;
  return (
    db.select({ id: schema.cases.id }).from(schema.cases).where(eq(schema.cases.code, canonical)).get()?.id ??
    -1
  );
}

/** Everyone who ever had an account, for the "who" filter (people stay in the log after deactivation). */
export function auditStaffOptions(db = getDb()) {
  return db
    .select({ id: schema.staff.id, name: schema.staff.name })
    .from(schema.staff)
    .orderBy(schema.staff.name)
    .all();
}
