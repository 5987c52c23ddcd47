import { beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import * as auditModule from "./audit.server";
import { audit, listAudit } from "./audit.server";
import { schema, type Db } from "./db.server";
import { seedCase } from "./dev-seed.server";

let db: Db;
beforeEach(() => {
  db = createTestDb().db;
});

describe("the audit log", () => {
  it("records who, what, which case and when", () => {
    const { id } = seedCase(db);
    audit(db, { action: "case_viewed", staffId: 3, caseId: id }, 1000);
    expect(db.select().from(schema.auditLog).all()).toEqual([
      { id: 1, at: 1000, staffId: 3, actor: "staff", action: "case_viewed", caseId: id, detail: null },
    ]);
  });

  it("is append-only: the module offers no change or removal, and the database refuses both", () => {
    expect(Object.keys(auditModule).sort()).toEqual([
      "AUDIT_PAGE_SIZE",
      "audit",
      "auditStaffOptions",
      "caseIdForCode",
      "listAudit",
    ]);
    audit(db, { action: "sign_in", staffId: 1 });
    expect(() => db.$client.prepare("UPDATE audit_log SET action = 'nothing'").run()).toThrow(/append-only/);
    expect(() => db.$client.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
    expect(db.select().from(schema.auditLog).all()).toHaveLength(1);
  });

  it("filters by person, action, case and time, newest first, a page at a time", () => {
    const { id } = seedCase(db);
    for (let i = 0; i < 60; i++)
      audit(db, { action: "case_viewed", staffId: 1 + (i % 2), caseId: id }, 1000 + i);
    audit(db, { action: "sign_out", staffId: 1 }, 5000);
    const first = listAudit({ page: 1 });
    expect(first.rows[0]).toMatchObject({ action: "sign_out", at: 5000 });
    expect(first.rows).toHaveLength(auditModule.AUDIT_PAGE_SIZE);
    expect(first.hasNext).toBe(true);
    expect(listAudit({ page: 2 }).rows).toHaveLength(11);
    expect(listAudit({ page: 1, staffId: 2 }).rows.every((r) => r.staffId === 2)).toBe(true);
    expect(listAudit({ page: 1, action: "sign_out" }).rows).toHaveLength(1);
    expect(listAudit({ page: 1, caseId: id }).rows[0]?.caseCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(listAudit({ page: 1, from: 1010, to: 1020 }).rows.map((r) => r.at)).toEqual([
      1019, 1018, 1017, 1016, 1015, 1014, 1013, 1012, 1011, 1010,
    ]);
  });

  it("finds a case by its code as the reporter reads it: any case, with or without the dash", () => {
    const { id, code } = seedCase(db);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    for (const typed of [code, `${code.slice(0, 4)}-${code.slice(4)}`, ` ${code.toLowerCase()} `])
      expect(auditModule.caseIdForCode(typed, db)).toBe(id);
    expect(auditModule.caseIdForCode("not a code", db)).toBe(-1);
  });
});
