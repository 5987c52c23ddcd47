/**
 * Reflow (WCAG 1.4.10) and text resize (WCAG 1.4.4), checked by the sweep (a11y-sweep.spec.ts) on every
 * page state of its table, public and staff, in Dutch (its long compound words are the hard case; one walk
 * through all states serves both the engines and these checks):
 *
 * - 320 CSS pixels wide: the page never scrolls sideways.
 * - Text at 200 % on a 1280 px desktop: no sideways scrolling, no text cut off by a box that hides its
 *   overflow, no two controls on top of each other.
 *
 * How the 200 % is made: Chromium's own default font size goes from 16 to 32 px (the DevTools protocol's
 * Page.setFontSizes), which is exactly what a person's browser setting does (Chrome's "Font size", Firefox's
 * "Zoom text only"): every rem and em doubles, and so do media queries written in rem, while the viewport
 * stays 1280 px. That is WCAG 1.4.4, text resize. Setting `html { font-size: 200% }` from a script would
 * leave the media queries at 16 px and test a page no browser shows; CSS `zoom: 2` or page zoom would scale
 * the layout too (1280 px becomes 640 px), a harder case the 320 px check (1280 px at 400 %) covers.
 * The test checks that the text did double, so a font size in px would not slip through as a pass.
 *
 * Screenshots (Dutch): phone 360×740 and desktop 1280 wide, and the 200 % text one, all full page, in
 * tests/artifacts/screenshots/ (gitignored, kept by CI as artefacts).
 */
import fs from "node:fs";
import path from "node:path";
import { type CDPSession, type Page } from "@playwright/test";
import { expect } from "./expect";
import { screenshots } from "./helpers";

const shotDir = path.resolve("tests/artifacts/screenshots");

/** Text cut off by an ancestor that hides its overflow, and controls that overlap. Runs in the page. */
export function layoutProblems(): string[] {
  const problems: string[] = [];
  const docWidth = document.documentElement.scrollWidth;
  const describe = (el: Element) => {
    const cls =
      typeof el.className === "string" && el.className.trim()
        ? `.${el.className.trim().split(/\s+/).join(".")}`
        : "";
    return `<${el.tagName.toLowerCase()}${cls}> "${(el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40)}"`;
  };
  /** Hidden on purpose: not rendered, visually hidden (clip), or parked off screen (skip link, honeypot). */
  const hiddenOnPurpose = (el: Element): boolean => {
    for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === "none" || cs.visibility === "hidden" || cs.opacity === "0") return true;
      if (cs.clipPath !== "none" || (cs.clip !== "auto" && cs.clip !== "")) return true;
    }
    const r = el.getBoundingClientRect();
    const top = r.top + window.scrollY;
    const left = r.left + window.scrollX;
    return r.width === 0 || r.height === 0 || top + r.height <= 0 || left + r.width <= 0 || left >= docWidth;
  };

  // 1. Text cut off: every text's line boxes lie inside each ancestor that clips its overflow.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.textContent?.trim() || ["SCRIPT", "STYLE", "NOSCRIPT"].includes(parent.tagName))
      continue;
    if (hiddenOnPurpose(parent)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const lines = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    for (let a = parent; a && a !== document.documentElement; a = a.parentElement!) {
      const cs = getComputedStyle(a);
      const clipsX = ["hidden", "clip"].includes(cs.overflowX);
      const clipsY = ["hidden", "clip"].includes(cs.overflowY);
      if (!clipsX && !clipsY) continue;
      const box = a.getBoundingClientRect();
      const cut = lines.some(
        (r) =>
          (clipsX && (r.left < box.left - 1 || r.right > box.right + 1)) ||
          (clipsY && (r.top < box.top - 1 || r.bottom > box.bottom + 1)),
      );
      if (cut) {
        problems.push(`text cut off: ${describe(parent)} inside ${describe(a)}`);
        break;
      }
    }
  }

  // 2. Controls on top of each other (line boxes, so a link that wraps is not one big rectangle).
  const controls = [
    ...document.querySelectorAll(
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])',
    ),
  ].filter((el) => !hiddenOnPurpose(el));
  const boxes = controls.map((el) => [...el.getClientRects()].filter((r) => r.width > 1 && r.height > 1));
  for (let i = 0; i < controls.length; i++) {
    for (let j = i + 1; j < controls.length; j++) {
      const [a, b] = [controls[i]!, controls[j]!];
      if (a.contains(b) || b.contains(a)) continue;
      const overlap = boxes[i]!.some((r) =>
        boxes[j]!.some(
          (q) =>
            Math.min(r.right, q.right) - Math.max(r.left, q.left) > 1 &&
            Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top) > 1,
        ),
      );
      if (overlap) problems.push(`controls overlap: ${describe(a)} and ${describe(b)}`);
    }
  }
  return problems;
}

const sessions = new WeakMap<Page, CDPSession>();

/** The browser's text-size setting: its default font sizes (16 px, 13 px for monospace) times `factor`. */
async function textSize(page: Page, factor: number) {
  // One session per page, kept open: the setting ends with the session that made it.
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 16 * factor, fixed: 13 * factor } });
  // Let the layout catch up before measuring.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/**
 * The reflow and text-resize checks on the page as it is, and (with `shots`) its screenshots: phone,
 * desktop and 200 % text. Leaves the page at 1280 × 900.
 */
export async function checkReflow(page: Page, name: string, { shots }: { shots: boolean }) {
  fs.mkdirSync(shotDir, { recursive: true });
  await page.setViewportSize({ width: 320, height: 740 });
  expect(await scrollWidth(page), `${name}: sideways scrolling at 320 px`).toBeLessThanOrEqual(320);
  expect(await page.evaluate(layoutProblems), `${name} at 320 px`).toEqual([]);

  await page.setViewportSize({ width: 1280, height: 900 });
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  await textSize(page, 2);
  const after = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(after, `${name}: the text grew`).toBeGreaterThanOrEqual(before * 1.99);
  expect(await scrollWidth(page), `${name}: sideways scrolling at 200 % text`).toBeLessThanOrEqual(1280);
  expect(await page.evaluate(layoutProblems), `${name} at 200 % text`).toEqual([]);
  if (shots) {
    // A full-page screenshot resizes the page behind the scenes, which drops the font-size setting: make
    // the window as tall as the page instead, set the text size again, and photograph the window.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1280, height: Math.min(height, 16_000) });
    await textSize(page, 2);
    await page.screenshot({ path: path.join(shotDir, `reflow-${name}-text200.png`) });
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  await textSize(page, 1);
  if (shots) await screenshots(page, `reflow-${name}`);
}
