import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { type Page } from "@playwright/test";
import { expect } from "./expect";

export const languages = ["nl", "en"] as const;

/**
 * The variants a journey runs in (ADR 033): both languages and both JavaScript modes, paired rather than
 * crossed. Language changes the words, JavaScript the mechanics; every language meets every mode across
 * the suite, because journeys of a second kind take `otherPairs`, the combinations `pairs` leaves out.
 * Every page is still checked in both languages with JavaScript by the sweep (a11y-sweep.spec.ts).
 */
export type Variant = { lng: (typeof languages)[number]; js: boolean };
export const pairs: readonly Variant[] = [
  { lng: "nl", js: true },
  { lng: "en", js: false },
];
export const otherPairs: readonly Variant[] = [
  { lng: "nl", js: false },
  { lng: "en", js: true },
];

const locales = new Map<string, unknown>();

/** The string at a dotted key in locales/<lng>/<ns>.json, or undefined. */
export function localeString(lng: (typeof languages)[number], ns: string, key: string): string | undefined {
  const file = `${lng}/${ns}`;
  if (!locales.has(file))
    locales.set(file, JSON.parse(fs.readFileSync(path.resolve("locales", `${file}.json`), "utf8")));
  let node = locales.get(file);
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/**
 * A string from locales/<lng>/<ns>.json with {{values}} filled in (a missing value left empty, as
 * i18next does): tests find things by what people read.
 */
export function localeText(
  lng: (typeof languages)[number],
  ns: string,
  key: string,
  values: Record<string, string | number> = {},
): string {
  const text = localeString(lng, ns, key);
  if (text === undefined) throw new Error(`No string ${lng}/${ns}:${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ""));
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe with the WCAG 2.0/2.1/2.2 A and AA rules; fails with the list of violations.
 *
 * axe-core is injected and run in the page itself (our pages have no frames). `@axe-core/playwright`'s
 * `analyze()` opens a second, blank page for every run to assemble its results, which made one check take
 * 5–8 s instead of about 1 s on a busy two-core machine: most of the browser suite's time went there.
 * Injected with evaluate, as HTML_CodeSniffer below, so the page's Content-Security-Policy stays strict.
 */
export async function expectNoAxeViolations(page: Page, context = "") {
  const violations = await page.evaluate(
    async ({ source, tags }) => {
      const w = window as unknown as {
        axe?: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      };
      if (!w.axe) (0, eval)(source);
      const results = await w.axe!.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      });
      return results.violations.map((v) => ({
        id: v.id,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")),
      }));
    },
    { source: axeSource, tags: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
  );
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.targets.join(", ")})`);
  expect(summary, `axe violations ${context}`).toEqual([]);
}

const htmlcsSource = fs.readFileSync(path.resolve("node_modules/html_codesniffer/build/HTMLCS.js"), "utf8");

/**
 * The second engine: HTML_CodeSniffer (behind pa11y), WCAG2AA standard, errors only. Injected with
 * evaluate (not a <script> tag), so the page's Content-Security-Policy stays as strict as in production.
 */
export async function expectNoHtmlcsErrors(page: Page, context = "") {
  const errors = await page.evaluate(async (source) => {
    (0, eval)(source);
    const w = window as unknown as {
      HTMLCS: {
        process: (standard: string, el: Document, done: () => void) => void;
        getMessages: () => { type: number; code: string; msg: string; element: Element }[];
        getTranslation: (key: string) => string | undefined;
      };
    };
    // The build lacks some message texts (e.g. 1_3_5_H98.InvalidAutoComplete_Text) and then throws while
    // reporting, which would hide the finding: report the message code instead.
    const translate = w.HTMLCS.getTranslation.bind(w.HTMLCS);
    w.HTMLCS.getTranslation = (key) => translate(key) ?? key;
    await new Promise<void>((resolve) => w.HTMLCS.process("WCAG2AA", document, resolve));
    return w.HTMLCS.getMessages()
      .filter((m) => m.type === 1)
      .map((m) => `${m.code}: ${m.msg} (${m.element.outerHTML.slice(0, 120)})`);
  }, htmlcsSource);
  expect(errors, `HTML_CodeSniffer errors ${context}`).toEqual([]);
}

const shotDir = path.resolve("tests/artifacts/screenshots");

/**
 * Pictures are for people to look at, so they are taken with `npm run screenshots` (SCREENSHOTS=1), not on
 * every test run: they were a fifth of the browser suite's time in CI, where nobody opens them.
 */
export const photograph = process.env.SCREENSHOTS === "1";

/** Full-page screenshots at phone (360×740) and desktop (1280×900) width, kept as artefacts. */
export async function screenshots(page: Page, name: string) {
  if (!photograph) return;
  fs.mkdirSync(shotDir, { recursive: true });
  const original = page.viewportSize();
  for (const [label, size] of [
    ["phone", { width: 360, height: 740 }],
    ["desktop", { width: 1280, height: 900 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(shotDir, `${name}-${label}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}

/** Records every request the page makes, so a test can check they all stay on our origin. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  return urls;
}

/** Waits until the enhancement script of a page that does not hydrate has run (ADR 042, app/enhance). */
export async function enhanced(page: Page) {
  await page.waitForFunction(() => document.documentElement.dataset.enhanced !== undefined);
}

/** Waits until React has hydrated the page (its quick exit link carries React's props). */
export async function reactTookOver(page: Page) {
  await page.waitForFunction(() =>
    Object.keys(document.querySelector('a[href="/weg"]') ?? {}).some((k) => k.startsWith("__reactProps")),
  );
}

/** The neutral site of the quick exit is not reachable from here: answer it locally. */
export async function fakeNeutralSite(page: Page) {
  await page
    .context()
    .route(`${process.env.E2E_NEUTRAL_URL}**`, (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weer</title><h1>Het weer</h1>" }),
    );
}

/**
 * What a person sees without scrolling, at phone (360×740) and desktop (1280×800) size: for states where
 * the point is what is in view (a confirmation beside the form, a message under the field).
 */
export async function viewportScreenshots(page: Page, name: string) {
  if (!photograph) return;
  fs.mkdirSync(shotDir, { recursive: true });
  const original = page.viewportSize();
  for (const [label, size] of [
    ["phone", { width: 360, height: 740 }],
    ["desktop", { width: 1280, height: 800 }],
  ] as const) {
    await page.setViewportSize(size);
    // The focused element scrolled into view again, as the browser does when the window changes size.
    await page.evaluate(() => document.activeElement?.scrollIntoView({ block: "nearest" }));
    await page.screenshot({ path: path.join(shotDir, `${name}-${label}.png`) });
  }
  if (original) await page.setViewportSize(original);
}
