import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserPageJs, gzipBytes, launchBrowser } from "./browser-js";

// A page that loads one script from its HTML; that script imports a second one only when it runs, as
// Remix's lazy route and locale chunks do. A script from another origin is not ours to weigh.
const files: Record<string, [string, string]> = {
  "/": [
    "text/html",
    `<!doctype html><title>t</title><script type="module" src="/start.js"></script>
     <script src="http://other.invalid/x.js"></script>`,
  ],
  "/start.js": ["text/javascript", `import("/later.js");\n`],
  "/later.js": ["text/javascript", `export const words = "${"hallo wereld ".repeat(200)}";\n`],
};

let server: http.Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const file = files[req.url ?? ""];
    res.writeHead(file ? 200 : 404, { "Content-Type": file?.[0] ?? "text/plain" });
    res.end(file?.[1] ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe("browserPageJs", () => {
  it("weighs every same-origin script the page loads, dynamic imports included, at gzip 9", async () => {
    const js = await browserPageJs(browser, origin, "/");
    const gz = (path: string) => gzipBytes(Buffer.from(files[path]![1]));
    expect(js.files).toEqual([
      { path: "/later.js", gzip: gz("/later.js") },
      { path: "/start.js", gzip: gz("/start.js") },
    ]);
    expect(js.bytes).toBe(gz("/later.js") + gz("/start.js"));
  });
});

describe("gzipBytes", () => {
  it("is far smaller than repetitive input", () => {
    expect(gzipBytes(Buffer.from("a".repeat(10_000)))).toBeLessThan(100);
  });
});
