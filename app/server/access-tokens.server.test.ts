import { describe, expect, it } from "vitest";
import { createTestDb, testStaff } from "../../tests/helpers/test-db";
import { schema } from "./db.server";
import { consumeAccessToken, findValidAccessToken, issueSetupLinkIfNoStaff } from "./access-tokens.server";

describe("setup link", () => {
  it("is random, stored hashed, single-use and expiring, and withdrawn when a new one is printed", () => {
    const { db } = createTestDb();
    const link = issueSetupLinkIfNoStaff("http://x", db, 1_000)!;
    const token = link.split("/").pop()!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = db.select().from(schema.accessTokens).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token);
    expect(findValidAccessToken(token, "setup", 2_000, db)).toBeTruthy();
    expect(findValidAccessToken(token, "setup", 1_000 + 25 * 3600_000, db)).toBeUndefined();

    const second = issueSetupLinkIfNoStaff("http://x", db, 3_000)!.split("/").pop()!;
    expect(findValidAccessToken(token, "setup", 3_000, db)).toBeUndefined();
    expect(consumeAccessToken(second, "setup", 4_000, db)).toBe(true);
    expect(consumeAccessToken(second, "setup", 4_000, db)).toBe(false);
  });

  it("is not issued once staff exists", () => {
    const { db } = createTestDb();
    testStaff(db, "coordinator");
    expect(issueSetupLinkIfNoStaff("http://x", db)).toBeUndefined();
  });
});
