import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = path.resolve("docs/decisions");

describe("the decisions index", () => {
  it("links every decision record, and only those that exist", () => {
    const records = fs.readdirSync(dir).filter((f) => /^\d{3}-.+\.md$/.test(f));
    const index = fs.readFileSync(path.join(dir, "README.md"), "utf8");
    const linked = [...index.matchAll(/\]\((\d{3}-[^)]+\.md)\)/g)].map((m) => m[1]);
    expect([...linked].sort()).toEqual([...records].sort());
  });
});
