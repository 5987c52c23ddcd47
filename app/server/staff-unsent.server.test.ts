import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { IDLE_TIMEOUT_MS, STAFF_UNSENT_TTL_MS } from "~/domain/staff-session";
import { createTestDb, testStaff } from "../../tests/helpers/test-db";
import { schema, type Db } from "./db.server";
import { seedCase } from "./dev-seed.server";
import { revokeSession, startSession, STAFF_COOKIE } from "./staff-session.server";
import {
  forgetStaffUnsent,
  requireStaffKeepingText,
  sweepStaffUnsent,
  takeStaffUnsent,
} from "./staff-unsent.server";

let db: Db;
let caseId: number;
const t0 = Date.now();
const idle = t0 + IDLE_TIMEOUT_MS + 1;
const CSRF = "c".repeat(43);
const NOTE = "Gebeld met school, terugbellen morgen";

function staffId(email = "w@x") {
  return testStaff(db, "ombudsworker", { name: email, email }).id;
}

/** A case page form post with the session of `setCookie`, the right CSRF token unless told otherwise. */
function post(setCookie: string | null, fields: Record<string, string>, csrf = CSRF, path = "") {
  const token = setCookie?.match(/^ap_staff=([^;]+)/)?.[1];
  const cookies = [`ap_csrf=${CSRF}`, ...(token ? [`${STAFF_COOKIE}=${token}`] : [])];
  return new Request(`http://localhost/medewerker/zaken/${caseId}${path}`, {
    method: "POST",
    headers: { Cookie: cookies.join("; "), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrf, ...fields }),
  });
}

async function outcome(request: Request, now: number, id = caseId) {
  try {
    return { user: await requireStaffKeepingText(request, id, { permission: "cases.handle", now }) };
  } catch (e) {
    if (e instanceof Response)
      return { location: e.headers.get("Location"), cookie: e.headers.get("Set-Cookie") };
    throw e;
  }
}

const rows = () => db.select().from(schema.staffUnsentTexts).all();

beforeEach(() => {
  db = createTestDb().db;
  caseId = seedCase(db).id;
});

describe("a note typed while the staff session ran out", () => {
  it("is kept encrypted for that person and case, and the sign-in page comes back to the case", async () => {
    const me = staffId();
    const cookie = startSession(db, me, true, t0);
    const res = await outcome(
      post(cookie, { intent: "note", note: NOTE }, CSRF, "?terug=%2Fmedewerker"),
      idle,
    );
    expect(res.location).toBe(
      `/medewerker/inloggen?volgende=%2Fmedewerker%2Fzaken%2F${caseId}%3Fterug%3D%252Fmedewerker&reden=kept`,
    );
    // The ended cookie is cleared all the same.
    expect(res.cookie).toMatch(/^ap_staff=; .*Max-Age=0/);
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toMatchObject({ staffId: me, caseId, field: "note" });
    expect(rows()[0]!.textEnc).not.toContain("school");

    // Only this person gets it back, once, and only for the boxes the page shows.
    expect(takeStaffUnsent(staffId("other@x"), caseId, ["note"], idle)).toEqual({});
    expect(takeStaffUnsent(me, caseId, ["message"], idle)).toEqual({});
    expect(takeStaffUnsent(me, caseId, ["note", "message"], idle)).toEqual({ note: NOTE });
    expect(takeStaffUnsent(me, caseId, ["note"], idle)).toEqual({});
  });

  it("keeps a message and a closing outcome too, each in its own box", async () => {
    const me = staffId();
    const cookie = startSession(db, me, true, t0);
    await outcome(post(cookie, { intent: "message", message: "Hoi, hoe gaat het?" }), idle);
    await outcome(post(cookie, { intent: "close", outcome: "Doorverwezen" }), idle);
    expect(takeStaffUnsent(me, caseId, ["note", "message", "outcome"], idle)).toEqual({
      message: "Hoi, hoe gaat het?",
      outcome: "Doorverwezen",
    });
  });

  it("is not kept after sign-out, for a deactivated account, with a forged form, without text or a session", async () => {
    const me = staffId();
    const signedOut = startSession(db, me, true, t0);
    revokeSession(db, db.select().from(schema.staffSessions).get()!.idHash, t0 + 1);
    expect((await outcome(post(signedOut, { note: NOTE }), idle)).location).toContain("reden=ended");

    const forged = startSession(db, me, true, t0);
    expect((await outcome(post(forged, { note: NOTE }, "A".repeat(43)), idle)).location).toContain(
      "reden=idle",
    );
    expect((await outcome(post(forged, { note: "   " }), idle)).location).toContain("reden=idle");
    expect((await outcome(post(null, { note: NOTE }), idle)).location).not.toContain("reden");
    // A case that is not there keeps nothing (and does not fail on the foreign key).
    expect((await outcome(post(forged, { note: NOTE }), idle, 999_999)).location).toContain("reden=idle");

    db.update(schema.staff).set({ active: false }).where(eq(schema.staff.id, me)).run();
    expect((await outcome(post(forged, { note: NOTE }), idle)).location).toContain("reden=ended");
    expect(rows()).toEqual([]);
  });

  it("lets an active session through untouched", async () => {
    const me = staffId();
    const cookie = startSession(db, me, true, t0);
    expect((await outcome(post(cookie, { note: NOTE }), t0 + 60_000)).user?.id).toBe(me);
    expect(rows()).toEqual([]);
  });

  it("is gone after a working day, and at erasure of the case", async () => {
    const me = staffId();
    const cookie = startSession(db, me, true, t0);
    await outcome(post(cookie, { note: NOTE }), idle);
    expect(sweepStaffUnsent(db, idle + STAFF_UNSENT_TTL_MS - 1)).toBe(0);
    expect(takeStaffUnsent(me, caseId, ["note"], idle + STAFF_UNSENT_TTL_MS + 1)).toEqual({});
    await outcome(post(cookie, { note: NOTE }), idle);
    expect(sweepStaffUnsent(db, idle + STAFF_UNSENT_TTL_MS + 1)).toBe(1);
    await outcome(post(cookie, { note: NOTE }), idle);
    forgetStaffUnsent(caseId, db);
    expect(rows()).toEqual([]);
  });
});
