/**
 * What happens to a request before it reaches a page (server.js and app/http/request-guards.server.ts):
 * an oversized body is refused with 413 without being read in full or echoed, damaged cookies, a JSON body
 * and a cross-site post get a short 4xx page and one log line instead of a 500 with a stack trace, the
 * access log leaves out the tokens of setup and invitation links, and the 404 page's language switch
 * stays on this site. A server of its own, so its log can be read.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, freshAddress } from "./helpers/http";
import { startServer, type StartedServer } from "./helpers/server";

const locale = (lang: string) =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../locales/${lang}/errors.json`), "utf8"))
    .refused as Record<string, string>;

let server: StartedServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
  // Every refusal is the visitor's mistake: nothing may reach the error log.
  expect(server?.stderr() ?? "").toBe("");
});

const client = (opts: { lang?: string } = {}) => new Client({ base: server.baseUrl, ...opts });
const noStackTrace = (body: string) => expect(body).not.toMatch(/\bat .+\(.+:\d+:\d+\)|node_modules|Error:/);
/** The log lines the server wrote while `run` ran. */
async function logDuring(run: () => Promise<unknown>): Promise<string[]> {
  const before = server.stdout().length;
  await run();
  await new Promise((r) => setTimeout(r, 100));
  return server
    .stdout()
    .slice(before)
    .split("\n")
    .filter((l) => l.trim() !== "");
}

/** VmRSS of the server process, in MB. */
function serverRssMb(): number {
  const status = fs.readFileSync(`/proc/${server.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** POSTs `size` bytes of a form field, announced with Content-Length or streamed in chunks without it. */
function bigPost(
  size: number,
  opts: { chunked?: boolean; lang?: string } = {},
): Promise<{ status: number; body: string }> {
  const url = new URL("/volgen", server.baseUrl);
  const headers: http.OutgoingHttpHeaders = {
    "Content-Type": "application/x-www-form-urlencoded",
    "Accept-Language": opts.lang ?? "nl",
  };
  const field = "passphrase=";
  // The announced length is the real one (field name included): bytes past it would be a second request.
  if (!opts.chunked) headers["Content-Length"] = field.length + Math.ceil(size / 65536) * 65536;
  // A keep-alive connection, as browsers use: a client that asks for `Connection: close` has its
  // connection closed right after the answer, which can reset it before the client has read the answer.
  const agent = new http.Agent({ keepAlive: true });
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    // The server may answer and close the connection before the body is sent in full: that is the point.
    let answered = false;
    req.on("response", () => (answered = true));
    req.on("error", (e) => {
      if (!answered) reject(e);
    });
    const piece = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    req.write(field);
    const pump = () => {
      while (sent < size) {
        sent += piece.length;
        if (!req.write(piece)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  }).finally(() => agent.destroy());
}

describe("request body limit", () => {
  it("refuses a 1 MB form with 413 in the visitor's language, announced or streamed, and echoes none of it", async () => {
    for (const chunked of [false, true]) {
      const lines = await logDuring(async () => {
        const res = await bigPost(1024 * 1024, { chunked, lang: "en" });
        expect(res.status, chunked ? "streamed" : "announced").toBe(413);
        expect(res.body.length).toBeLessThan(2000);
        expect(res.body).not.toContain("aaaa");
        expect(res.body).toContain(locale("en").tooLarge);
      });
      expect(lines.filter((l) => l.startsWith("Refused"))).toEqual(["Refused POST /volgen: tooLarge (413)"]);
    }
  });

  it("still lets a form just under the limit through to the page", async () => {
    const c = client();
    const csrf = await c.csrf("/volgen");
    const res = await c.post("/volgen", { csrf, code: "ABCD-2345", passphrase: "x".repeat(200 * 1024) });
    expect(res.status).toBe(400);
    expect(res.body).toContain("<form");
  });

  it("answers a 50 MB post at once, without the memory growing, while /healthz stays quick", async () => {
    const rssBefore = serverRssMb();
    let slowest = 0;
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const start = performance.now();
        const res = await fetch(`${server.baseUrl}/healthz`);
        expect(res.status).toBe(200);
        slowest = Math.max(slowest, performance.now() - start);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const start = performance.now();
    const [announced, streamed] = await Promise.all([
      bigPost(50 * 1024 * 1024),
      bigPost(50 * 1024 * 1024, { chunked: true }),
    ]).finally(() => (polling = false));
    const answeredMs = performance.now() - start;
    await poll;
    const rssAfter = serverRssMb();
    console.log(
      `50 MB posts: ${announced.status} (Content-Length) and ${streamed.status} (streamed), ` +
        `${announced.body.length} and ${streamed.body.length} bytes back, both answered in ${answeredMs.toFixed(0)} ms; ` +
        `server RSS ${rssBefore.toFixed(0)} MB before, ${rssAfter.toFixed(0)} MB after; ` +
        `slowest /healthz meanwhile ${slowest.toFixed(0)} ms`,
    );
    expect([announced.status, streamed.status]).toEqual([413, 413]);
    expect(rssAfter - rssBefore).toBeLessThan(40);
    // Reading 50 MB blocked /healthz for 20 s before the limit; a busy shared machine alone can take ~1 s.
    expect(slowest).toBeLessThan(5000);
  });
});

describe("malformed requests get a 4xx and one log line, never a 500", () => {
  it.each([
    ["lng", "%E0"],
    ["ap_follow", "%E0%A4%A"],
    ["ap_draft", "%"],
    ["ap_staff", "%C0%AF"],
  ])("a damaged %s cookie: 400, the cookie cleared", async (name, value) => {
    const c = client();
    c.setCookie(name, value);
    const lines = await logDuring(async () => {
      const res = await c.get(name === "ap_staff" ? "/medewerker" : "/volgen");
      expect(res.status).toBe(400);
      noStackTrace(res.body);
      expect(res.body).toContain(locale("nl").damagedCookie);
      // Cleared on both paths our cookies use (the staff cookies live on /medewerker).
      const cleared = [res.headers["set-cookie"] ?? []].flat().filter((h) => h.startsWith(`${name}=;`));
      expect(cleared.map((h) => /Path=([^;]+)/.exec(h)?.[1]).sort()).toEqual(["/", "/medewerker"]);
    });
    expect(lines.filter((l) => l.startsWith("Refused"))).toEqual([
      `Refused GET ${name === "ap_staff" ? "/medewerker" : "/volgen"}: damagedCookie (400)`,
    ]);
    expect(c.cookies.has(name)).toBe(false);
    expect((await c.get("/volgen")).status).toBe(200);
  });

  it("a JSON body to a form: 415", async () => {
    const c = client();
    const lines = await logDuring(async () => {
      const res = await c.request("POST", "/volgen", {
        rawBody: JSON.stringify({ code: "ABCD-2345", passphrase: "x" }),
        contentType: "application/json",
      });
      expect(res.status).toBe(415);
      noStackTrace(res.body);
    });
    expect(lines.filter((l) => l.startsWith("Refused"))).toEqual(["Refused POST /volgen: notAForm (415)"]);
  });

  it("an absolute-form request target (meant for a proxy): 400, not a 500", async () => {
    const url = new URL(server.baseUrl);
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get(
          { host: url.hostname, port: url.port, path: "http://evil.example/volgen", agent: false },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        )
        .on("error", reject);
    });
    expect(status).toBe(400);
  });

  it.each([["https://evil.example"], ["null"], ["not a url"]])(
    "a post with Origin %s: 403",
    async (origin) => {
      const c = client();
      const csrf = await c.csrf("/volgen");
      const lines = await logDuring(async () => {
        const res = await c.post(
          "/volgen",
          { csrf, code: "ABCD-2345", passphrase: "x" },
          { Origin: origin, "Sec-Fetch-Site": "cross-site" },
        );
        expect(res.status).toBe(403);
        noStackTrace(res.body);
        expect(res.body).toContain(locale("nl").crossSite);
      });
      expect(lines.filter((l) => l.startsWith("Refused"))).toEqual(["Refused POST /volgen: crossSite (403)"]);
    },
  );

  it("a post from this site with its own Origin still works", async () => {
    const c = client();
    const csrf = await c.csrf("/volgen");
    const res = await c.post(
      "/volgen",
      { csrf, code: "ABCD-2345", passphrase: "x" },
      { Origin: server.baseUrl },
    );
    expect(res.status).toBe(400);
    expect(res.body).toContain("<form");
  });
});

describe("the access log", () => {
  it("shows setup, invitation and referral links without their token", async () => {
    const token = "Zq7" + freshAddress().replaceAll(".", "x") + "SecretToken";
    const lines = await logDuring(async () => {
      for (const p of ["/medewerker/setup/", "/medewerker/uitnodiging/", "/verwijzing/"]) {
        await client().get(p + token);
      }
    });
    expect(lines.join("\n")).not.toContain(token);
    expect(lines.some((l) => l.startsWith("GET /medewerker/setup/… "))).toBe(true);
    expect(lines.some((l) => l.startsWith("GET /medewerker/uitnodiging/… "))).toBe(true);
    expect(lines.some((l) => l.startsWith("GET /verwijzing/… "))).toBe(true);
  });
});

describe("the 404 page", () => {
  it.each([["//evil.example/x"], ["/\\evil.example/x"], ["///evil.example"]])(
    "for %s links to the other language on this site",
    async (p) => {
      const res = await client().get(p);
      expect(res.status).toBe(404);
      const hrefs = [...res.body.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
      const switchLink = hrefs.find((h) => h.includes("lng=en"));
      expect(switchLink).toBeDefined();
      // Every link without a scheme of its own (not tel:, not the quick exit) stays on this site.
      for (const href of hrefs.filter((h) => !/^[a-z][a-z0-9+.-]*:/i.test(h))) {
        expect(new URL(href, server.baseUrl).origin, href).toBe(server.baseUrl);
      }
    },
  );
});
