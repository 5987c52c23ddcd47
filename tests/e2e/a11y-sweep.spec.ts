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
 */
import { expect, test } from "@playwright/test";
import { notPages, uncoveredRoutes, walk, type Group } from "./a11y-pages";
import { expectNoAxeViolations, expectNoHtmlcsErrors, languages, photograph } from "./helpers";
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
      await walk(page, group, lng, async (entry, state) => {
        if (entry.engines !== false) {
          const context = `${state.name} ${lng}`;
          await expectNoAxeViolations(page, context);
          await expectNoHtmlcsErrors(page, context);
          checked.push(state.name);
        }
        // Screenshots of each page as it first shows (error states are checked, not photographed).
        if (lng === "nl")
          await checkReflow(page, `${state.name}-${lng}`, { shots: photograph && !state.error });
      });
      expect(checked.length).toBeGreaterThan(group === "public" ? 40 : 20);
    });
  }
}

test.describe("server HTML, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("every public page state: each for, aria-labelledby and aria-describedby names an element that exists", async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const dangling: string[] = [];
    await walk(
      page,
      "public",
      "nl",
      async (_entry, state) => {
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
  });
});
