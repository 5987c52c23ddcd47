import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { backupDatabase } from "./backup.server";
import { schema } from "./db.server";

describe("online backup", () => {
  it("copies a database that is being written to, passes integrity_check and holds every committed case", async () => {
    const { db, file } = createTestDb();
    let written = 0;
    const insert = () => {
      const i = written++;
      db.insert(schema.cases)
        .values({
          code: `CODE${i}`,
          passphraseHash: "x",
          submissionKey: `k${i}`,
          kind: "testimony",
          language: "nl",
          receivedAt: i,
          ackDueAt: i,
          answerDueAt: i,
          storyEnc: "v1.x." + "a".repeat(2000),
        })
        .run();
    };
    for (let i = 0; i < 500; i++) insert();
    // keep writing while the backup runs (the progress callback yields between steps)
    const target = path.join(path.dirname(file), "backup.db");
    let steps = 0;
    const result = await backupDatabase(file, target, () => {
      steps++;
      for (let i = 0; i < 20; i++) insert();
    });
    const committedBeforeEnd = written;
    expect(result.integrity).toBe("ok");
    expect(steps).toBeGreaterThan(1);
    // the copy is a consistent snapshot: every case committed before the backup finished is in it
    expect(result.cases).toBe(committedBeforeEnd);
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
  });
});
