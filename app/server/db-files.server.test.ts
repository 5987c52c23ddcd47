import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase, prepareDatabase } from "./db.server";

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe("database files", () => {
  it("are readable by the server's user only: data folder 0700, database, WAL and SHM 0600", () => {
    const previous = process.umask(0o022);
    try {
      const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ap-modes-")), "data");
      const file = path.join(dir, "app.db");
      const db = openDatabase(file);
      prepareDatabase(db);
      expect(mode(dir)).toBe(0o700);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
      db.$client.close();

      // A database made before this rule is narrowed when opened.
      fs.chmodSync(file, 0o644);
      openDatabase(file).$client.close();
      expect(mode(file)).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });
});
