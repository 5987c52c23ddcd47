/**
 * Security headers on every kind of response the server gives: pages, redirects, POST answers (valid and
 * invalid), 404, 405 and 403 error pages, static assets, public files and /healthz. (The header values
 * themselves are unit-tested in app/http/security-headers.server.test.ts; this checks they are really sent.)
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { staffClient } from "./helpers/db";
import { Client, type Reply } from "./helpers/http";

function expectSecurityHeaders(res: Reply, what: string) {
  const h = res.headers;
  const csp = String(h["content-security-policy"] ?? "");
  expect(csp, `${what}: CSP`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(csp, `${what}: frame-ancestors`).toContain("frame-ancestors 'none'");
  expect(csp, `${what}: no unsafe-inline scripts`).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(h["referrer-policy"], `${what}: Referrer-Policy`).toBe("no-referrer");
  expect(h["x-content-type-options"], `${what}: nosniff`).toBe("nosniff");
  expect(h["x-frame-options"], `${what}: X-Frame-Options`).toBe("DENY");
  expect(String(h["permissions-policy"] ?? ""), `${what}: Permissions-Policy`).toContain("camera=()");
}

const asset = () => {
  const dir = path.resolve(import.meta.dirname, "../../build/client/assets");
  const file = fs.readdirSync(dir).find((f) => f.endsWith(".js"))!;
  return `/assets/${file}`;
};

describe("security headers", () => {
  it("are on pages, redirects, POST answers, errors, assets, public files and /healthz", async () => {
    const client = new Client();
    const token = await client.csrf();
    const { client: worker } = await staffClient("ombudsworker");
    const cases: [string, () => Promise<Reply>, number | number[]][] = [
      ["home page", () => client.get("/"), 200],
      ["intake page", () => client.get("/verhaal/wie"), 200],
      ["redirect", () => client.get("/medewerker"), 302],
      ["quick exit", () => client.get("/weg"), 303],
      ["POST with errors", () => client.post("/verhaal/wie", { csrf: token }), 400],
      ["POST without token", () => client.post("/volgen", { code: "x" }), 400],
      [
        "POST accepted (redirect)",
        () => client.post("/verhaal/wie", { csrf: token, reporterRole: "young_person" }),
        [302, 400],
      ],
      ["404 page", () => client.get("/bestaat-niet"), 404],
      ["404 asset", () => client.get("/assets/bestaat-niet.js"), 404],
      ["405", () => client.post("/over", { csrf: token }), 405],
      ["403", () => worker.get("/medewerker/team"), 403],
      ["asset", () => client.get(asset()), 200],
      ["public file", () => client.get("/favicon.ico"), 200],
      ["healthz", () => client.get("/healthz"), 200],
    ];
    for (const [what, request, status] of cases) {
      const res = await request();
      expect([status].flat(), `${what}: status ${res.status}`).toContain(res.status);
      expectSecurityHeaders(res, what);
    }
  });

  it("a new nonce on every response, and every script in the page carries it", async () => {
    const client = new Client();
    const a = await client.get("/");
    const b = await client.get("/");
    const nonceOf = (r: Reply) => /'nonce-([^']+)'/.exec(String(r.headers["content-security-policy"]))![1]!;
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    const scripts = [...a.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(a)}"`);
  });

  it("pages are never cached", async () => {
    const client = new Client();
    for (const p of ["/", "/volgen", "/verhaal/wie", "/medewerker/inloggen"]) {
      expect(String((await client.get(p)).headers["cache-control"]), p).toContain("no-store");
    }
  });
});
