/**
 * Playwright's `expect`, with one change: `toHaveURL` also waits until the page shows what is at that
 * address.
 *
 * With JavaScript, Remix changes the address bar first and then lets React draw the new page in a
 * transition (`React.startTransition`). In between, the old page is still on screen and still works. On a
 * busy machine a test that saw the new address and pressed "Continue" pressed the old page's button: the
 * old answer was sent again, the browser went back to the page it was already on, and the test waited for
 * a page that never came (CI, stop 22: `intake-change.spec.ts`, stuck on /verhaal/gemeente).
 *
 * The root layout writes the address it drew into `<html data-path>` (app/root.tsx). So after the address
 * matches, this waits until the drawn page is the one at that address. Pages without the attribute (the
 * neutral page the quick exit opens) are not waited for.
 */
import { expect as baseExpect, type Page } from "@playwright/test";

export const expect = baseExpect.extend({
  async toHaveURL(
    page: Page,
    expected: string | RegExp | ((url: URL) => boolean),
    options?: { ignoreCase?: boolean; timeout?: number },
  ) {
    const name = "toHaveURL";
    const base = this.isNot ? baseExpect(page).not : baseExpect(page);
    try {
      await base.toHaveURL(expected, options);
    } catch (error) {
      return { name, pass: this.isNot, message: () => (error as Error).message };
    }
    if (this.isNot) return { name, pass: false, message: () => "" };
    try {
      await page.waitForFunction(
        () => {
          const drawn = document.documentElement.dataset.path;
          return drawn === undefined || drawn === location.pathname + location.search;
        },
        undefined,
        { timeout: options?.timeout ?? this.timeout },
      );
    } catch {
      const drawn = await page.evaluate(() => document.documentElement.dataset.path).catch(() => "(unknown)");
      return {
        name,
        pass: false,
        message: () => `The address is ${page.url()}, but the page still shows ${drawn}.`,
      };
    }
    return { name, pass: true, message: () => `The page at ${page.url()} is shown.` };
  },
});
