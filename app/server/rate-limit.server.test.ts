import { beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { openDatabase, type Db } from "./db.server";
import { RateLimiter, sweepRateLimits } from "./rate-limit.server";

let db: Db;
let file: string;
beforeEach(() => {
  ({ db, file } = createTestDb());
});

describe("RateLimiter", () => {
  it("allows up to the limit in a window, then refuses, then allows again", () => {
    const rl = new RateLimiter("test", 3, 1000);
    expect([rl.hit("a", 0), rl.hit("a", 1), rl.hit("a", 2), rl.hit("a", 3)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(rl.hit("b", 3)).toBe(true);
    expect(rl.hit("a", 1000)).toBe(true);
  });

  it("keeps its counts in the database: a new process (connection) sees them, and no key is stored", () => {
    new RateLimiter("test", 2, 60_000).hit("client-key-1", 0);
    new RateLimiter("test", 2, 60_000).hit("client-key-1", 1);
    const restarted = openDatabase(file);
    expect(new RateLimiter("test", 2, 60_000).hit("client-key-1", 2, restarted)).toBe(false);
    expect(new RateLimiter("other", 2, 60_000).hit("client-key-1", 2, restarted)).toBe(true);
    const stored = JSON.stringify(restarted.$client.prepare("SELECT * FROM rate_limits").all());
    expect(stored).not.toContain("client-key-1");
    restarted.$client.close();
  });

  it("forgets ended windows when swept", () => {
    const rl = new RateLimiter("test", 2, 1000);
    rl.hit("a", 0);
    rl.hit("b", 500);
    expect(sweepRateLimits(db, 1000)).toBe(1);
    expect(db.$client.prepare("SELECT count(*) AS n FROM rate_limits").get()).toEqual({ n: 1 });
  });
});
