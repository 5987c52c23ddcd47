/**
 * The accessibility sweep: every page of the table in a11y-pages.ts, public and staff, Dutch and English, in
 * its realistic state and in each error state, through both engines: axe (WCAG 2.0/2.1/2.2 A and AA) and
 * HTML_CodeSniffer (WCAG2AA, errors). Zero findings from either. The journey specs keep their functional
 * checks; the engines run here, once per page state.
 *
 * In Dutch, every state is also checked for reflow at 320 px and 200 % text (reflow.ts). Screenshots of every
 * state (phone, desktop, 200 % text) come with `npm run screenshots` (SCREENSHOTS=1), as the journeys' do:
 * they took half of the sweep's time, and a check that runs on every push should not pay for pictures
 * nobody opens there.
 *
 * With JavaScript: the DOM after hydration (react-aria's widgets) is the richer one. What a browser without
 * JavaScript gets is checked by the journeys that run without it (intake, contact, follow).
 *
 * The Nu HTML Checker (vnu, issue 15) reads every state too, with no errors: with JavaScript the DOM after
 * the scripts ran, and the HTML the server sent for each page opened by its address; without JavaScript
 * (the walk at the end) the HTML the server sent for every public state, receipts and signed-in /volgen
 * pages included. Each test checks its pages in one java run.
 */
import { test, type Page } from "@playwright/test";
import { expect } from "./expect";
import { notPages, uncoveredRoutes, walk, type Group } from "./a11y-pages";
import { expectNoAxeViolations, expectNoHtmlcsErrors, languages, photograph } from "./helpers";
import { NuBatch, recordDocuments } from "./nu-checker";
import { checkReflow } from "./reflow";

test("the sweep's table covers every route file, or says why one is not a page", () => {
  const { missing, unknown } = uncoveredRoutes();
  expect(missing, "route files missing from the page table (add them, or to notPages with a reason)").toEqual(
    [],
  );
  expect(unknown, "table entries or notPages for routes that no longer exist").toEqual([]);
  for (const [route, why] of Object.entries(notPages)) expect(why, route).not.toBe("");
});

// A step that cannot happen fails in seconds, not at the end of the walk's ten minutes.
test.use({ actionTimeout: 20_000 });

for (const group of ["public", "staff"] as Group[]) {
  for (const lng of languages) {
    test(`every ${group} page and error state passes axe and HTML_CodeSniffer${lng === "nl" ? ", reflows and takes 200 % text" : ""} (${lng})`, async ({
      page,
    }) => {
      test.setTimeout(900_000);
      const checked: string[] = [];
      const nu = new NuBatch();
      const lastDocument = recordDocuments(page);
      await walk(page, group, lng, async (entry, state) => {
        if (entry.engines !== false) {
          const context = `${state.name} ${lng}`;
          await expectNoAxeViolations(page, context);
          await expectNoHtmlcsErrors(page, context);
          // The DOM holds what the walk typed as typed, a refused control character too (React mirrors a
          // field's value into its attribute); the server's HTML of that state marks it (without JavaScript,
          // below). Marked here as well, so the check reads the page and not the walk's typing.
          nu.add(`${context} (DOM)`, (await page.content()).replace(NOT_IN_HTML, "\uFFFD"));
          // Opened by its address: the HTML the server sent. Later states of it come by script.
          if (entry.path && !state.error) nu.add(`${context} (server)`, await serverHtml(lastDocument, page));
          checked.push(state.name);
        }
        // Screenshots of each page as it first shows (error states are checked, not photographed).
        if (lng === "nl")
          await checkReflow(page, `${state.name}-${lng}`, { shots: photograph && !state.error });
      });
      expect(checked.length).toBeGreaterThan(group === "public" ? 40 : 20);
      expect(await nu.errors(), "the Nu HTML Checker").toEqual([]);
    });
  }
}

// Code points HTML cannot carry: C0 controls but tab, newline, form feed and carriage return; DEL; C1.
// eslint-disable-next-line no-control-regex
const NOT_IN_HTML = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;

/** The body of the document the page shows, as the server sent it. */
async function serverHtml(lastDocument: ReturnType<typeof recordDocuments>, page: Page): Promise<string> {
  const document = lastDocument();
  expect(document, page.url()).toBeDefined();
  expect(document!.url(), "the HTML is the page's own").toBe(page.url());
  return document!.text();
}

test.describe("server HTML, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const lng of languages) {
    test(`every public page state: the Nu HTML Checker finds no errors; each for, aria-labelledby and aria-describedby names an element that exists (${lng})`, async ({
      page,
    }) => {
      test.setTimeout(300_000);
      const dangling: string[] = [];
      const nu = new NuBatch();
      const lastDocument = recordDocuments(page);
      await walk(
        page,
        "public",
        lng,
        async (_entry, state) => {
          nu.add(`${state.name} ${lng}`, await serverHtml(lastDocument, page));
          const found = await page.evaluate(() => {
            const out: string[] = [];
            for (const el of document.querySelectorAll("[for], [aria-labelledby], [aria-describedby]")) {
              for (const attr of ["for", "aria-labelledby", "aria-describedby"]) {
                const ids = (el.getAttribute(attr) ?? "").split(/\s+/).filter(Boolean);
                // react-aria's Radio and Checkbox name description and error slots of their own that they offer
                // no element for; the browser drops them once the script runs. Every other reference resolves.
                if (el.matches("input[type=radio], input[type=checkbox]") && attr === "aria-describedby")
                  continue;
                for (const id of ids) {
                  if (document.getElementById(id)) continue;
                  out.push(`<${el.tagName.toLowerCase()} ${attr}="${id}">`);
                }
              }
            }
            for (const el of document.querySelectorAll("textarea[type], h1[for], meta[name]:not([content])"))
              out.push(el.outerHTML.slice(0, 80));
            return out;
          });
          dangling.push(...found.map((f) => `${state.name}: ${f}`));
        },
        { js: false },
      );
      expect(dangling).toEqual([]);
      expect(nu.size).toBeGreaterThan(50);
      expect(await nu.errors(), "the Nu HTML Checker").toEqual([]);
    });
  }
});
