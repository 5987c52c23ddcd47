/**
 * A real reverse proxy in front of the built server: Debian's nginx with a self-signed certificate,
 * running docs/deploy/nginx.conf (scripts/lib/nginx.ts), and the server with TRUST_PROXY=127.0.0.1 (the
 * address nginx connects from). Per-client limits tell two visitors apart through it, https brings HSTS
 * and Secure cookies, and a made-up X-Forwarded-For gives no fresh rate-limit bucket: neither through
 * nginx nor sent straight to the server from a peer it does not trust.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/server";
import { startNginx, type RunningNginx } from "../../scripts/lib/nginx";
import { Client } from "./helpers/http";
import { startServer, type StartedServer } from "./helpers/server";

const LIMIT = 3;
const locale = (file: string) =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../locales/en/${file}.json`), "utf8"));
const rateLimited = locale("errors").rateLimited as string;
const wrong = locale("follow").signIn.errors.wrong as string;

let server: StartedServer;
let nginx: RunningNginx;
beforeAll(async () => {
  const httpsPort = await freePort();
  server = await startServer({
    env: { TRUST_PROXY: "127.0.0.1", FOLLOW_SIGN_IN_LIMIT_PER_15_MIN: String(LIMIT) },
    publicUrl: () => `https://127.0.0.1:${httpsPort}`,
  });
  nginx = await startNginx({ appPort: server.port, httpsPort });
});
afterAll(async () => {
  await nginx?.stop();
  await server?.stop();
  expect(server?.stderr() ?? "").toBe("");
});

/** A visitor on `address` who reaches the site through nginx (or, with `direct`, the server itself). */
const visitor = (address: string, direct = false) =>
  new Client({ address, lang: "en", base: direct ? server.baseUrl : nginx.https.href });

/** A code that exists nowhere, one per visitor (a code of its own is locked after ten tries). */
const codeOf = (client: Client) => `ZZZZ-22${client.address.split(".").at(-1)!.padStart(2, "2")}`;

/** One wrong sign-in to follow a case: true when the client's limit refused it. */
async function limited(client: Client, headers: Record<string, string> = {}): Promise<boolean> {
  const csrf = await client.csrf("/volgen");
  const res = await client.post(
    "/volgen",
    { csrf, code: codeOf(client), passphrase: "ABCDEFGHJKMNPQRS" },
    headers,
  );
  expect(res.status).toBe(400);
  const refused = res.body.includes(rateLimited);
  // Anything else is the ordinary "does not match" (so the try did reach the limit's count).
  if (!refused) expect(res.body).toContain(wrong);
  return refused;
}

async function useUpLimit(client: Client) {
  for (let i = 0; i < LIMIT; i++) expect(await limited(client), `try ${i + 1}`).toBe(false);
  expect(await limited(client)).toBe(true);
}

describe("behind nginx", () => {
  it("over https: HSTS and Secure cookies; plain http only redirects to https", async () => {
    const res = await visitor("127.0.0.1").get("/volgen");
    expect(res.status).toBe(200);
    expect(res.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    const cookies = [res.headers["set-cookie"] ?? []].flat();
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) expect(c).toMatch(/; Secure/);
    // Prefixed names (ADR 045): the browser takes them only from this host over https.
    for (const c of cookies) expect(c).toMatch(/^__Host-ap_\w+=/);

    const plain = await new Client({ address: "127.0.0.1", base: nginx.http.href }).get("/volgen");
    expect(plain.status).toBe(301);
    // To the standard https port, as in production.
    expect(plain.location).toBe("https://127.0.0.1/volgen");
  });

  it("over https a cookie planted under the plain name is not taken for ours", async () => {
    const client = visitor("127.0.0.7");
    const token = await client.csrf("/volgen");
    // What a page on a sibling subdomain or a plain-http answer could set: the plain name, same token.
    client.cookies.delete("__Host-ap_csrf");
    client.setCookie("ap_csrf", token);
    const res = await client.post("/volgen", { csrf: token, code: "ZZZZ-2277", passphrase: "x" });
    expect(res.status).toBe(400);
    // Refused as a form without its token, before the code is even looked at.
    expect(res.body).toContain(locale("errors").csrf as string);
    expect(res.body).not.toContain(wrong);
  });

  it("tells two visitors apart: one at its limit does not stop the other", async () => {
    await useUpLimit(visitor("127.0.0.1"));
    expect(await limited(visitor("127.0.0.2"))).toBe(false);
  });

  it("a made-up X-Forwarded-For through nginx gives no fresh bucket", async () => {
    const client = visitor("127.0.0.3");
    await useUpLimit(client);
    for (const spoof of ["203.0.113.9", "198.51.100.1, 203.0.113.10", "2001:db8:1::5"]) {
      expect(await limited(client, { "X-Forwarded-For": spoof }), spoof).toBe(true);
    }
  });

  it("a made-up X-Forwarded-For sent straight to the server by a peer it does not trust is ignored", async () => {
    const client = visitor("127.0.0.4", true);
    await useUpLimit(client);
    for (const spoof of ["203.0.113.11", "127.0.0.5", "127.0.0.5, 127.0.0.1"]) {
      expect(await limited(client, { "X-Forwarded-For": spoof }), spoof).toBe(true);
    }
  });

  it("nginx's access log holds neither addresses nor link tokens", async () => {
    const token = "TokenInThePath9x7";
    await visitor("127.0.0.6").get(`/verwijzing/${token}?lng=en`);
    await new Promise((r) => setTimeout(r, 200));
    const log = nginx.accessLog();
    expect(log).toMatch(/GET 404 /);
    expect(log).not.toContain(token);
    expect(log).not.toContain("127.0.0.6");
  });
});
