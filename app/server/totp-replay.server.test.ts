import { beforeEach, describe, expect, it } from "vitest";
import { createTestDb, testStaff } from "../../tests/helpers/test-db";
import { openDatabase, setDb, type Db } from "./db.server";
import { acceptTotpStep, forgetTotpSteps } from "./staff-auth.server";

let db: Db;
let file: string;
beforeEach(() => {
  ({ db, file } = createTestDb());
});

describe("a TOTP code is accepted once", () => {
  it("refuses the same or an older step, also after a restart, and starts again for a new app", () => {
    const { id } = testStaff(db, "coordinator");
    expect(acceptTotpStep(id, 100)).toBe(true);
    expect(acceptTotpStep(id, 100)).toBe(false);
    expect(acceptTotpStep(id, 99)).toBe(false);

    setDb(openDatabase(file)); // a new process on the same file
    expect(acceptTotpStep(id, 100)).toBe(false);
    expect(acceptTotpStep(id, 101)).toBe(true);

    forgetTotpSteps(id);
    expect(acceptTotpStep(id, 50)).toBe(true);
  });
});
