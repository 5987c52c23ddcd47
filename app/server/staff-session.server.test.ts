import { beforeEach, describe, expect, it } from "vitest";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from "~/domain/staff-session";
import { createTestDb, testStaff } from "../../tests/helpers/test-db";
import { schema, type Db } from "./db.server";
import { loadEnv } from "~/config/env.server";
import {
  requireStaff,
  revokeAllSessions,
  sessionCookie,
  startSession,
  STAFF_COOKIE,
} from "./staff-session.server";

let db: Db;
const t0 = Date.UTC(2025, 2, 3, 9);

function staffRow(role: "ombudsworker" | "coordinator", email: string) {
  return testStaff(db, role, { name: email, email, createdAt: t0 }).id;
}

function requestWith(setCookie: string | null, path = "/medewerker/zaken/1") {
  const token = setCookie?.match(/^ap_staff=([^;]+)/)?.[1];
  return new Request(
    `http://localhost${path}`,
    token ? { headers: { Cookie: `${STAFF_COOKIE}=${token}` } } : {},
  );
}

/** What requireStaff throws (a Response) or returns. */
function attempt(request: Request, opts: Parameters<typeof requireStaff>[1]) {
  try {
    return { user: requireStaff(request, opts) };
  } catch (e) {
    if (e instanceof Response) return { response: e };
    throw e;
  }
}

beforeEach(() => {
  db = createTestDb().db;
});

describe("requireStaff", () => {
  it("sends someone without a session to sign-in, and back to the page afterwards", () => {
    const { response } = attempt(requestWith(null, "/medewerker?kind=complaint"), { now: t0 });
    expect(response?.status).toBe(302);
    expect(response?.headers.get("Location")).toBe(
      "/medewerker/inloggen?volgende=%2Fmedewerker%3Fkind%3Dcomplaint",
    );
  });

  it("sets a cookie that is httpOnly, SameSite=Lax, limited to /medewerker and no older than 12 hours", () => {
    const cookie = startSession(db, staffRow("ombudsworker", "a@x"), true, t0);
    expect(cookie).toMatch(
      /^ap_staff=[A-Za-z0-9_-]{43}; Path=\/medewerker; HttpOnly; SameSite=Lax; Max-Age=43200$/,
    );
    expect(db.select().from(schema.staffSessions).get()?.idHash).not.toContain(cookie.slice(9, 52));
  });

  it("marks the cookie Secure when the site runs on https", () => {
    loadEnv({ ...process.env, PUBLIC_URL: "https://aanspreekpunt.example" });
    try {
      expect(sessionCookie("t", 60)).toMatch(/; HttpOnly; SameSite=Lax; Max-Age=60; Secure$/);
    } finally {
      loadEnv(process.env);
    }
    expect(sessionCookie("t", 60)).not.toContain("Secure");
  });

  it("lets a signed-in ombudsworker read cases and refuses coordinator pages with 403", () => {
    const cookie = startSession(db, staffRow("ombudsworker", "a@x"), true, t0);
    expect(attempt(requestWith(cookie), { now: t0 }).user?.role).toBe("ombudsworker");
    expect(attempt(requestWith(cookie), { now: t0, permission: "cases.handle" }).user).toBeDefined();
    expect(attempt(requestWith(cookie), { now: t0, permission: "team.manage" }).response?.status).toBe(403);
    expect(attempt(requestWith(cookie), { now: t0, permission: "audit.read" }).response?.status).toBe(403);
  });

  it("lets a coordinator in everywhere", () => {
    const cookie = startSession(db, staffRow("coordinator", "c@x"), true, t0);
    for (const permission of ["cases.read", "cases.handle", "team.manage", "audit.read"] as const) {
      expect(attempt(requestWith(cookie), { now: t0, permission }).user?.role).toBe("coordinator");
    }
  });

  it("ends a session after 30 idle minutes, but not while it is used", () => {
    const cookie = startSession(db, staffRow("ombudsworker", "a@x"), true, t0);
    expect(attempt(requestWith(cookie), { now: t0 + 20 * 60_000 }).user).toBeDefined(); // moves lastSeenAt
    expect(attempt(requestWith(cookie), { now: t0 + 45 * 60_000 }).user).toBeDefined();
    const { response } = attempt(requestWith(cookie), { now: t0 + 45 * 60_000 + IDLE_TIMEOUT_MS + 1 });
    expect(response?.headers.get("Location")).toContain("reden=idle");
    expect(response?.headers.get("Set-Cookie")).toMatch(/^ap_staff=; .*Max-Age=0/);
  });

  it("ends a session 12 hours after sign-in however busy", () => {
    const cookie = startSession(db, staffRow("ombudsworker", "a@x"), true, t0);
    for (let t = t0; t < t0 + ABSOLUTE_TIMEOUT_MS; t += 20 * 60_000) {
      expect(attempt(requestWith(cookie), { now: t }).user).toBeDefined();
    }
    expect(attempt(requestWith(cookie), { now: t0 + ABSOLUTE_TIMEOUT_MS + 1 }).response?.status).toBe(302);
  });

  it("does not accept a session that only passed the password step", () => {
    const cookie = startSession(db, staffRow("coordinator", "c@x"), false, t0);
    expect(attempt(requestWith(cookie), { now: t0 }).response?.status).toBe(302);
  });

  it("ends every session of a deactivated or revoked account at once", () => {
    const id = staffRow("coordinator", "c@x");
    const a = startSession(db, id, true, t0);
    const b = startSession(db, id, true, t0);
    db.update(schema.staff).set({ active: false }).run();
    expect(attempt(requestWith(a), { now: t0 + 1 }).response?.headers.get("Location")).toContain(
      "reden=ended",
    );
    db.update(schema.staff).set({ active: true }).run();
    revokeAllSessions(db, id, t0 + 2);
    expect(attempt(requestWith(b), { now: t0 + 3 }).response?.status).toBe(302);
  });

  it("refuses a made-up token", () => {
    const request = new Request("http://localhost/medewerker", {
      headers: { Cookie: `${STAFF_COOKIE}=${"A".repeat(43)}` },
    });
    expect(attempt(request, { now: t0 }).response?.status).toBe(302);
  });
});
