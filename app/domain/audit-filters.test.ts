import { describe, expect, it } from "vitest";
import { auditSearch, dayRange, parseAuditFilters } from "./audit-filters";

const parse = (q: string) => parseAuditFilters(new URLSearchParams(q));

describe("audit log filters", () => {
  it("reads every filter", () => {
    expect(parse("staff=3&action=case_viewed&case=abcd-1234&from=2025-03-01&to=2025-03-31&page=2")).toEqual({
      staffId: 3,
      action: "case_viewed",
      caseCode: "ABCD-1234",
      from: "2025-03-01",
      to: "2025-03-31",
      page: 2,
    });
  });

  it("drops what it does not know", () => {
    expect(parse("staff=x&action=drop_table&from=01-03-2025&to=2025-13-45&page=-1")).toEqual({
      staffId: undefined,
      action: undefined,
      caseCode: undefined,
      from: undefined,
      to: undefined,
      page: 1,
    });
  });

  it("covers whole Amsterdam days, the last day included", () => {
    const r = dayRange("2025-03-01", "2025-03-01");
    expect(r.from).toBe(Date.UTC(2025, 1, 28, 23, 0)); // midnight in Amsterdam (UTC+1)
    expect(r.to).toBe(Date.UTC(2025, 2, 1, 23, 0));
    expect(dayRange()).toEqual({ from: undefined, to: undefined });
  });

  it("writes the filters back into a URL", () => {
    const f = parse("action=sign_in&case=K7QM-3XPA");
    expect(auditSearch(f, 1)).toBe("?action=sign_in&case=K7QM-3XPA");
    expect(auditSearch(f, 3)).toBe("?action=sign_in&case=K7QM-3XPA&page=3");
  });
});
