import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "./db.server";

/**
 * Another connection commits while our transaction is between its read and its write: the situation of a
 * backup or retention script (or a test seeding) next to the server. The other writer is a child process,
 * run synchronously from inside the transaction, with a short busy timeout of its own.
 */
function otherProcessWrites(file: string) {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(${JSON.stringify(file)}, { timeout: 300 });
    try { db.prepare("insert into t (n) values (100)").run(); console.log("wrote"); }
    catch (e) { console.log(e.code); }
  `;
  return execFileSync(process.execPath, ["-e", script], { cwd: process.cwd(), encoding: "utf8" }).trim();
}

describe("transactions begin IMMEDIATE by default", () => {
  let dir: string;
  let db: Db;
  afterEach(() => {
    db?.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function setUp() {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-tx-"));
    const file = path.join(dir, "t.db");
    db = openDatabase(file);
    db.run(sql`create table t (n integer)`);
    db.run(sql`insert into t (n) values (1)`);
    return file;
  }

  it("a read-then-write transaction is not broken by another process writing in between", () => {
    const file = setUp();
    let other = "";
    db.transaction((tx) => {
      const { n } = tx.get<{ n: number }>(sql`select count(*) as n from t`);
      other = otherProcessWrites(file);
      tx.run(sql`insert into t (n) values (${n + 1})`);
    });
    // Our transaction held the write lock: the other writer waited, timed out, and our write went in.
    expect(other).toBe("SQLITE_BUSY");
    expect(db.all(sql`select n from t order by rowid`)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("a transaction that asks for DEFERRED still gets it (and shows the failure IMMEDIATE prevents)", () => {
    const file = setUp();
    let other = "";
    let error: unknown;
    try {
      db.transaction(
        (tx) => {
          tx.get(sql`select count(*) from t`);
          other = otherProcessWrites(file);
          tx.run(sql`insert into t (n) values (2)`);
        },
        { behavior: "deferred" },
      );
    } catch (e) {
      error = e;
    }
    // drizzle wraps the driver's error; the cause is SQLite's own
    expect((error as { cause?: { code?: string } })?.cause?.code).toMatch(/^SQLITE_BUSY/);
    expect(other).toBe("wrote");
  });
});
