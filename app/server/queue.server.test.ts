import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { isOverdue } from "~/domain/case-status";
import { defaultQueueFilters, PAGE_SIZE, type QueueFilters } from "~/domain/queue";
import { isRelated, summarisePattern } from "~/domain/related-cases";
import { createTestDb, testStaff } from "../../tests/helpers/test-db";
import { relatedCases } from "./case-admin/view.server";
import { schema, type Db } from "./db.server";
import { seedCase, seedManyCases } from "./dev-seed.server";
import { loadQueue } from "./queue.server";

let db: Db;
const now = Date.UTC(2025, 5, 2, 10);
const day = 86_400_000;

beforeEach(() => {
  db = createTestDb().db;
});

const all = () => db.select().from(schema.cases).all();
const q = (f: Partial<QueueFilters>, meId = 1) => loadQueue({ ...defaultQueueFilters, ...f }, meId, now);

describe("the queue", () => {
  it("puts urgent cases first, then the nearest due date, and leaves closed cases out", () => {
    seedManyCases(db, 300, { now, seed: 7 });
    const open = all().filter((c) => c.status !== "closed");
    const expected = [...open]
      .sort(
        (a, b) =>
          Number(b.urgent) - Number(a.urgent) ||
          a.nextDueAt - b.nextDueAt ||
          a.receivedAt - b.receivedAt ||
          a.id - b.id,
      )
      .map((c) => c.id);
    const page1 = q({});
    const page2 = q({ page: 2 });
    expect(page1.total).toBe(open.length);
    expect([...page1.rows, ...page2.rows].map((r) => r.id)).toEqual(expected.slice(0, 2 * PAGE_SIZE));
  });

  it("filters by kind, status, unit, assignee, overdue and urgency, and counts per status under the filters", () => {
    const staff = testStaff(db, "ombudsworker", { name: "A", email: "a@x" }).id;
    seedManyCases(db, 400, { now, seed: 11, staffIds: [staff] });
    const cases = all();
    const check = (f: Partial<QueueFilters>, pred: (c: (typeof cases)[number]) => boolean) => {
      const result = q({ ...f, status: "all" }, staff);
      expect(result.total, JSON.stringify(f)).toBe(cases.filter(pred).length);
      for (const r of result.rows) expect(pred(cases.find((c) => c.id === r.id)!)).toBe(true);
    };
    check({ kind: "complaint" }, (c) => c.kind === "complaint");
    check({ unit: "none" }, (c) => c.unitId === null);
    check({ unit: 2 }, (c) => c.unitId === 2);
    check({ assignee: "mine" }, (c) => c.assigneeId === staff);
    check({ assignee: "nobody" }, (c) => c.assigneeId === null);
    check({ urgent: true }, (c) => c.urgent);
    check({ overdue: true }, (c) => isOverdue(c, now));
    check(
      { kind: "testimony", urgent: true, unit: 1 },
      (c) => c.kind === "testimony" && c.urgent && c.unitId === 1,
    );

    const waiting = q({ status: "waiting" });
    expect(waiting.total).toBe(cases.filter((c) => c.status === "waiting").length);
    expect(waiting.rows.every((r) => r.status === "waiting")).toBe(true);
    const counts = q({ kind: "contact" }).countByStatus;
    for (const s of ["received", "closed"] as const) {
      expect(counts[s] ?? 0).toBe(cases.filter((c) => c.kind === "contact" && c.status === s).length);
    }
  });

  it("sorts by received date both ways", () => {
    seedManyCases(db, 100, { now, seed: 3 });
    const newest = q({ sort: "newest", status: "all" }).rows.map((r) => r.receivedAt);
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
    const oldest = q({ sort: "oldest" }).rows.map((r) => r.receivedAt);
    expect(oldest).toEqual([...oldest].sort((a, b) => a - b));
  });

  it("counts unread reporter messages per case", () => {
    const a = seedCase(db, { receivedAt: now - day, reporterMessages: ["Een", "Twee"] });
    seedCase(db, { receivedAt: now - day });
    const rows = q({}).rows;
    expect(rows.find((r) => r.id === a.id)?.unread).toBe(2);
    expect(rows.filter((r) => r.id !== a.id).every((r) => r.unread === 0)).toBe(true);
  });
});

describe("related cases in SQL", () => {
  it("are exactly the cases the domain rule calls related", () => {
    const year = fc.option(fc.integer({ min: 2015, max: 2025 }), { nil: null });
    const spec = fc.record({ unitId: fc.constantFrom(1, 2, null), from: year, to: year });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 2, maxLength: 25 }), (specs) => {
        const local = createTestDb().db;
        for (const s of specs) {
          seedCase(local, {
            unitId: s.unitId,
            periodFromYear: s.from,
            periodToYear: s.to !== null && s.from !== null && s.to < s.from ? s.from : s.to,
          });
        }
        const cases = local.select().from(schema.cases).all();
        for (const subject of cases) {
          const sql = relatedCases(subject, local);
          const expected = cases.filter((o) => isRelated(subject, o));
          if (sql === null) {
            expect(expected).toEqual([]);
            continue;
          }
          expect(sql.summary).toEqual(summarisePattern(expected));
          expect(sql.recent.map((r) => r.id).sort()).toEqual(
            expected
              .sort((a, b) => b.receivedAt - a.receivedAt || b.id - a.id)
              .slice(0, 10)
              .map((c) => c.id)
              .sort(),
          );
        }
        local.$client.close();
      }),
      { numRuns: 25 },
    );
  });
});
