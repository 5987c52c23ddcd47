/**
 * The JavaScript a public page makes a phone download, counted the way a browser loads it: Chromium at
 * 360×740 opens the page, waits until the network is quiet (hydration, lazy locale chunks and every other
 * dynamic import included) and every same-origin script response is weighed at gzip level 9. Reading
 * only the HTML (assets.ts) misses what the page imports after it starts.
 */
import { chromium, type Browser, type Page } from "@playwright/test";
import fs from "node:fs";
import zlib from "node:zlib";

/** Gzip size (level 9, as a static pre-compressor would; `compression` uses 6 and differs by a few %). */
export const gzipBytes = (body: Buffer) => zlib.gzipSync(body, { level: 9 }).length;

export type PageJs = { files: { path: string; gzip: number }[]; bytes: number };

/** The browser the browser tests use: CHROMIUM_PATH, Debian's /usr/bin/chromium, else Playwright's own. */
function executablePath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: executablePath(),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/**
 * Records every same-origin script `tab` loads. `take()` waits until the page has settled, returns what
 * it loaded since the last `take()` (largest first) and starts afresh.
 */
export function recordScripts(tab: Page, origin: string) {
  let bodies = new Map<string, Promise<number>>();
  tab.on("response", (res) => {
    const url = new URL(res.url());
    if (res.request().resourceType() !== "script" || url.origin !== origin) return;
    if (!bodies.has(url.pathname)) bodies.set(url.pathname, res.body().then(gzipBytes));
  });
  return {
    async take(): Promise<PageJs> {
      // On a busy machine hydration can start after half a second of quiet and then import more: wait
      // until a further second brings no new script.
      for (let seen = -1; seen !== bodies.size;) {
        seen = bodies.size;
        await tab.waitForTimeout(1000);
        await tab.waitForLoadState("networkidle");
      }
      const taken = bodies;
      bodies = new Map();
      const files = await Promise.all([...taken].map(async ([path, gzip]) => ({ path, gzip: await gzip })));
      files.sort((a, b) => b.gzip - a.gzip);
      return { files, bytes: files.reduce((sum, f) => sum + f.gzip, 0) };
    },
    /** Forgets what was loaded so far (the page before the one to weigh). */
    reset() {
      bodies = new Map();
    },
  };
}

/** Every same-origin script `page` loads in a fresh context (empty cache), largest first. */
export async function browserPageJs(browser: Browser, origin: string, page: string): Promise<PageJs> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: "nl-NL",
    serviceWorkers: "block",
  });
  try {
    const tab = await context.newPage();
    const scripts = recordScripts(tab, origin);
    const res = await tab.goto(origin + page, { waitUntil: "networkidle" });
    if (res?.status() !== 200) throw new Error(`${page} answered ${res?.status()}`);
    return await scripts.take();
  } finally {
    await context.close();
  }
}
