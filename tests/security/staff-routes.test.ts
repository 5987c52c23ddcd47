/**
 * Every staff route, found in the build's route manifest (so a route added later is covered without
 * editing this file): anonymous requests are sent to sign-in and never get data, an ombudsworker gets 403
 * on coordinator-only routes (permissions from app/domain/roles.ts), a deactivated account's session is
 * refused at once, and a signed-in coordinator's post without the form's CSRF token changes nothing.
 * The token-gated account links (setup, invitation, password reset) are tested on their own rules.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { csvTables } from "~/domain/report-csv";
import { can, type Permission } from "~/domain/roles";
import { createAccessToken } from "~/server/access-tokens.server";
import { createPasswordResetLink } from "~/server/staff-accounts/passwords.server";
import { schema } from "~/server/db.server";
import { seedCase } from "../helpers/seed-cases";
import { organisationId } from "../helpers/follow-fixtures";
import { deactivate, serverDb, staffClient } from "./helpers/db";
import { Client, type Reply } from "./helpers/http";
import { appRoutes, fillPath, type AppRoute } from "./helpers/routes";

/** Pages anyone may open: signing in (and out) is how a session starts. */
const SIGN_IN_ROUTES = ["/medewerker/inloggen", "/medewerker/inloggen/code", "/medewerker/uitloggen"];
/** Pages opened with a one-time link instead of a session (tested below). */
const TOKEN_ROUTES = [
  "/medewerker/setup/:token",
  "/medewerker/uitnodiging/:token",
  "/medewerker/wachtwoord-herstellen/:token",
];

/**
 * The permission each area of the back office needs (the areas of the staff menu, see navFor in
 * app/domain/roles.ts and StaffBar's links). A route outside these areas needs `cases.read`.
 */
const AREAS: [prefix: string, permission: Permission][] = [
  ["/medewerker/team", "team.manage"],
  ["/medewerker/organisaties", "organisations.manage"],
  ["/medewerker/mail", "mail.manage"],
  ["/medewerker/audit", "audit.read"],
  ["/medewerker/statistieken", "statistics.read"],
  ["/medewerker/instellingen", "settings.manage"],
];
const permissionFor = (path: string): Permission =>
  AREAS.find(
    ([prefix]) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}-`),
  )?.[1] ?? "cases.read";

const MARKER = "staff-route-secret-marker";
let protectedRoutes: AppRoute[];
let params: Record<string, string | number>;

const isSignInRedirect = (r: Reply) =>
  [302, 303].includes(r.status) && (r.location ?? "").startsWith("/medewerker/inloggen");

beforeAll(async () => {
  const all = await appRoutes();
  const staffRoutes = all.filter((r) => r.path === "/medewerker" || r.path.startsWith("/medewerker/"));
  protectedRoutes = staffRoutes.filter(
    (r) => r.path !== "/medewerker" || r.id !== "routes/medewerker", // the layout: its index is the queue
  );
  protectedRoutes = protectedRoutes.filter(
    (r) => !SIGN_IN_ROUTES.includes(r.path) && !TOKEN_ROUTES.includes(r.path),
  );
  const db = serverDb();
  const c = seedCase(db, { story: `Verhaal ${MARKER}`, receivedAt: Date.now() - 86_400_000 });
  const region = db.select({ code: schema.regions.code }).from(schema.regions).get()!;
  const { staff } = await staffClient("ombudsworker");
  params = {
    caseId: c.id,
    staffId: staff.id,
    orgId: organisationId("igj", db),
    regionCode: region.code,
    table: csvTables[0]!,
  };
});

describe("the route manifest", () => {
  it("has staff routes, and each is either protected, a sign-in page or token-gated", async () => {
    const all = await appRoutes();
    const staff = all.filter((r) => r.path.startsWith("/medewerker"));
    expect(staff.length).toBeGreaterThan(15);
    // A new route that is neither is protected by default and checked by every test below.
    expect(protectedRoutes.length).toBe(
      staff.length - 1 - SIGN_IN_ROUTES.length - TOKEN_ROUTES.length, // minus the layout
    );
    console.log(`Staff routes checked: ${protectedRoutes.map((r) => r.path).join(", ")}`);
  });
});

describe("without a session", () => {
  it("every staff loader sends you to sign-in, with no data", async () => {
    const client = new Client();
    for (const route of protectedRoutes) {
      const res = await client.get(fillPath(route.path, params));
      expect(isSignInRedirect(res), `GET ${route.path} → ${res.status} ${res.location}`).toBe(true);
      expect(res.body).not.toContain(MARKER);
    }
  });

  it("every staff action is refused, even with a valid CSRF token", async () => {
    const client = new Client();
    const token = await client.csrf();
    for (const route of protectedRoutes) {
      const res = await client.post(fillPath(route.path, params), {
        csrf: token,
        intent: "note",
        note: "anonymous",
      });
      const refused = route.hasAction ? isSignInRedirect(res) : res.status === 405;
      expect(refused, `POST ${route.path} → ${res.status} ${res.location}`).toBe(true);
    }
    const notes = serverDb().select().from(schema.notes).all();
    expect(notes.some((n) => n.caseId === params.caseId)).toBe(false);
  });

  it("the sign-in pages show no staff data", async () => {
    const client = new Client();
    for (const path of SIGN_IN_ROUTES) {
      const res = await client.get(path);
      expect([200, 302, 303], `GET ${path}`).toContain(res.status);
      if (res.location) expect(res.location).toMatch(/^\/medewerker(\/inloggen|$|\?)/);
      expect(res.body).not.toContain(MARKER);
    }
  });
});

describe("with the wrong role", () => {
  it("an ombudsworker gets 403 on every coordinator-only loader and action, and the rest opens", async () => {
    const { client } = await staffClient("ombudsworker");
    const token = await client.csrf("/medewerker");
    let coordinatorOnly = 0;
    for (const route of protectedRoutes) {
      const path = fillPath(route.path, params);
      const allowed = can("ombudsworker", permissionFor(route.path));
      if (!allowed) coordinatorOnly++;
      if (route.hasLoader) {
        const res = await client.get(path);
        expect(res.status, `GET ${route.path}`).toBe(allowed ? 200 : 403);
      }
      if (route.hasAction && !allowed) {
        const res = await client.post(path, { csrf: token, intent: "x" });
        expect(res.status, `POST ${route.path}`).toBe(403);
      }
    }
    expect(coordinatorOnly).toBeGreaterThan(5);
  });

  it("a coordinator opens every staff page (so the 403s above are about the role, not the address)", async () => {
    const { client } = await staffClient("coordinator");
    for (const route of protectedRoutes.filter((r) => r.hasLoader)) {
      const res = await client.get(fillPath(route.path, params));
      expect(res.status, `GET ${route.path}`).toBe(200);
    }
  });
});

describe("a deactivated account", () => {
  it("its existing session is refused on every staff loader and action", async () => {
    const { staff, client } = await staffClient("coordinator");
    const token = await client.csrf("/medewerker");
    expect((await client.get("/medewerker")).status).toBe(200);
    deactivate(staff.id);
    const cookie = client.cookies.get("ap_staff")!;
    for (const route of protectedRoutes) {
      client.setCookie("ap_staff", cookie); // the refusal clears it; try every route with it
      const path = fillPath(route.path, params);
      const get = await client.get(path);
      expect(isSignInRedirect(get), `GET ${route.path} → ${get.status}`).toBe(true);
      expect(get.body).not.toContain(MARKER);
      if (route.hasAction) {
        client.setCookie("ap_staff", cookie);
        const post = await client.post(path, { csrf: token, intent: "note", note: "deactivated" });
        expect(isSignInRedirect(post), `POST ${route.path} → ${post.status}`).toBe(true);
      }
    }
  });
});

describe("CSRF on staff actions", () => {
  it("every staff action refuses a post without the form's token, or with another browser's token", async () => {
    const { client } = await staffClient("coordinator");
    await client.csrf("/medewerker");
    // Re-showing a page with its error logs a view ("case_viewed"); nothing else may be written.
    const changes = "SELECT count(*) AS n FROM audit_log WHERE action NOT LIKE '%_viewed'";
    const before = serverDb().$client.prepare(changes).get() as { n: number };
    for (const route of protectedRoutes.filter((r) => r.hasAction)) {
      const path = fillPath(route.path, params);
      for (const body of [
        { intent: "note", note: "forged" } as Record<string, string>,
        { csrf: "A".repeat(43), intent: "note", note: "forged" },
      ]) {
        const res = await client.post(path, body);
        expect(res.status, `POST ${route.path} ${JSON.stringify(body)}`).toBe(400);
      }
    }
    const after = serverDb().$client.prepare(changes).get() as { n: number };
    expect(after.n).toBe(before.n);
    const db = serverDb();
    expect(
      db
        .select()
        .from(schema.notes)
        .all()
        .filter((n) => n.caseId === params.caseId),
    ).toEqual([]);
    expect(
      db
        .select()
        .from(schema.messages)
        .all()
        .filter((m) => m.caseId === params.caseId),
    ).toEqual([]);
  });
});

describe("the account links (setup and invitation)", () => {
  for (const [route, purpose] of [
    ["/medewerker/setup/:token", "setup"],
    ["/medewerker/uitnodiging/:token", "invite"],
  ] as const) {
    it(`${route}: a wrong, used-for-another-purpose or expired token opens nothing and creates nothing`, async () => {
      const db = serverDb();
      const other = purpose === "setup" ? "invite" : "setup";
      const valid = createAccessToken(purpose, "coordinator", { ttlMs: 3_600_000 });
      const tokens = {
        wrong: "x".repeat(43),
        otherPurpose: createAccessToken(other, "coordinator", { ttlMs: 3_600_000 }),
        expired: createAccessToken(purpose, "coordinator", {
          ttlMs: 3_600_000,
          now: Date.now() - 2 * 3_600_000,
        }),
        tampered: valid.slice(0, -1) + (valid.endsWith("A") ? "B" : "A"),
      };
      const staffBefore = db.select().from(schema.staff).all().length;
      const client = new Client();
      const csrf = await client.csrf();
      for (const [name, token] of Object.entries(tokens)) {
        const path = fillPath(route, { token });
        const get = await client.get(path);
        expect(get.status, `GET ${name}`).toBe(404);
        expect(get.body).not.toMatch(/name="password"/);
        const post = await client.post(path, {
          csrf,
          name: "Indringer",
          email: `intruder-${name}@example.org`,
          password: "een lang genoeg wachtwoord",
          passwordRepeat: "een lang genoeg wachtwoord",
          code: "123456",
        });
        expect(post.status, `POST ${name}`).toBe(404);
      }
      expect(db.select().from(schema.staff).all().length).toBe(staffBefore);
      // The valid one does open.
      expect((await client.get(fillPath(route, { token: valid }))).status).toBe(200);
    });
  }
});

describe("the password reset link", () => {
  it("a wrong, used, other-purpose, expired or tampered token, or one for a deactivated account, changes no password", async () => {
    const db = serverDb();
    const { staff: coordinator } = await staffClient("coordinator");
    const { staff: target } = await staffClient("ombudsworker");
    const { staff: gone } = await staffClient("ombudsworker");
    const { staff: late } = await staffClient("ombudsworker");
    const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);
    const make = (forId: number, now?: number) =>
      tokenOf(createPasswordResetLink(coordinator.id, forId, "http://x", now)!.link);
    const used = make(target.id);
    const valid = make(target.id); // a new link ends the earlier unused one
    const forGone = make(gone.id);
    deactivate(gone.id);
    const tokens = {
      wrong: "x".repeat(43),
      used,
      otherPurpose: createAccessToken("invite", "ombudsworker", { ttlMs: 3_600_000 }),
      expired: make(late.id, Date.now() - 2 * 86_400_000), // another account: only expiry stops it
      tampered: valid.slice(0, -1) + (valid.endsWith("A") ? "B" : "A"),
      deactivated: forGone,
    };
    const hashOf = (id: number) =>
      db.select().from(schema.staff).where(eq(schema.staff.id, id)).get()!.passwordHash;
    const before = { target: hashOf(target.id), gone: hashOf(gone.id), late: hashOf(late.id) };
    const client = new Client();
    const csrf = await client.csrf();
    for (const [name, token] of Object.entries(tokens)) {
      const path = fillPath("/medewerker/wachtwoord-herstellen/:token", { token });
      const get = await client.get(path);
      expect(get.status, `GET ${name}`).toBe(404);
      expect(get.body).not.toMatch(/name="password"/);
      const post = await client.post(path, {
        csrf,
        password: "een lang genoeg wachtwoord",
        passwordRepeat: "een lang genoeg wachtwoord",
      });
      expect(post.status, `POST ${name}`).toBe(404);
    }
    expect({ target: hashOf(target.id), gone: hashOf(gone.id), late: hashOf(late.id) }).toEqual(before);
    // The newest link of an active account does open.
    expect(
      (await client.get(fillPath("/medewerker/wachtwoord-herstellen/:token", { token: valid }))).status,
    ).toBe(200);
  });
});
