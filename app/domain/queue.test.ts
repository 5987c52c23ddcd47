import { describe, expect, it } from "vitest";
import { defaultQueueFilters, pageCount, parseQueueFilters, queueSearch, statusesFor } from "./queue";

const parse = (q: string) => parseQueueFilters(new URLSearchParams(q));

describe("queue filters from the URL", () => {
  it("defaults to open cases by urgency, page 1", () => {
    expect(parse("")).toEqual(defaultQueueFilters);
  });

  it("reads every filter", () => {
    expect(
      parse("kind=complaint&status=waiting&unit=2&assignee=mine&overdue=1&urgent=1&sort=newest&page=3"),
    ).toEqual({
      kind: "complaint",
      status: "waiting",
      unit: 2,
      assignee: "mine",
      overdue: true,
      urgent: true,
      sort: "newest",
      page: 3,
    });
    expect(parse("unit=none&assignee=nobody")).toMatchObject({ unit: "none", assignee: "nobody" });
    expect(parse("assignee=12")).toMatchObject({ assignee: 12 });
  });

  it("ignores what it does not know instead of failing (old bookmarks keep working)", () => {
    expect(parse("kind=letter&status=lost&unit=-1&assignee=x&overdue=yes&sort=random&page=0")).toEqual(
      defaultQueueFilters,
    );
    expect(parse("kind=&status=&unit=&page=abc")).toEqual(defaultQueueFilters);
    expect(parse("page=99999999")).toMatchObject({ page: 1 });
  });

  it("writes short URLs and goes back to page 1 when a filter changes", () => {
    expect(queueSearch(defaultQueueFilters)).toBe("");
    const f = parse("kind=testimony&page=4");
    expect(queueSearch(f, { status: "closed" })).toBe("?kind=testimony&status=closed");
    expect(queueSearch(f, { page: 5 })).toBe("?kind=testimony&page=5");
    expect(parse(queueSearch(f, { urgent: true, assignee: "nobody" }).slice(1))).toEqual({
      ...f,
      urgent: true,
      assignee: "nobody",
      page: 1,
    });
  });

  it("maps status filters to statuses", () => {
    expect(statusesFor("open")).not.toContain("closed");
    expect(statusesFor("open")).toContain("received");
    expect(statusesFor("all")).toContain("closed");
    expect(statusesFor("waiting")).toEqual(["waiting"]);
  });

  it("counts pages", () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(25)).toBe(1);
    expect(pageCount(26)).toBe(2);
  });
});
