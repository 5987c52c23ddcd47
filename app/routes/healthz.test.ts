import { describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { loader } from "./healthz";

describe("GET /healthz", () => {
  it("answers 200 with a small JSON body when the database answers", async () => {
    createTestDb();
    const res = loader();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: true });
  });

  it("answers 503 when the database does not", async () => {
    const { db } = createTestDb();
    db.$client.close();
    const res = loader();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "unavailable" });
  });
});
