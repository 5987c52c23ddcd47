/**
 * The JavaScript of the public pages a person only reaches by answering the ones before: every question
 * of the story, the check page and the receipt, and the same for the contact request. Chromium at 360×740,
 * with its cache off, answers each page as a person would with the first choice offered and a short text,
 * presses the page's button, and weighs every same-origin script each page loads, as `browserPageJs`
 * does for a page opened directly (issue 17).
 */
import type { Browser, Page } from "@playwright/test";
import { recordScripts, type PageJs } from "./browser-js";

/** What a person types into a text field, by the kind of field. */
function answerFor(type: string | null, name: string | null, inputMode: string | null, role: string | null) {
  if (role === "combobox") return "Amsterdam";
  if (inputMode === "numeric") return "2020";
  if (type === "email" || name?.includes("email")) return "bench@example.org";
  if (type === "tel" || name?.includes("phone")) return "0612345678";
  return "Ik wil dat iemand naar mijn verhaal luistert.";
}

/** Answers what the page asks and is still unanswered: a choice in each group, a text in each empty field. */
async function answer(page: Page) {
  const form = page.locator("main form:has(button[type=submit], button:not([type]))").first();
  const groups = new Set<string>();
  for (const input of await form.locator("input[type=radio], input[type=checkbox]").all()) {
    const name = await input.getAttribute("name");
    if (!name || groups.has(name) || !(await input.isVisible())) continue;
    groups.add(name);
    const group = form.locator(`input[name="${name}"]`);
    if ((await group.evaluateAll((all) => all.some((el) => (el as HTMLInputElement).checked))) === false) {
      await input.check({ force: true });
    }
  }
  for (const field of await form
    .locator("textarea, input[type=text], input[type=email], input[type=tel]")
    .all()) {
    if (!(await field.isVisible()) || (await field.inputValue()) !== "") continue;
    const [type, name, mode, role] = ["type", "name", "inputmode", "role"].map((a) => field.getAttribute(a));
    await field.fill(answerFor(await type!, await name!, await mode!, await role!));
  }
  for (const select of await form.locator("select").all()) {
    if ((await select.inputValue()) === "") {
      const second = await select.locator("option").nth(1).getAttribute("value");
      if (second) await select.selectOption(second);
    }
  }
  return form;
}

/**
 * Walks from `start` until the address matches `end` (that page weighed too), weighing every page on the
 * way. Throws when a page answers its own form with an error, so a changed question shows up here.
 */
export async function browserJourneyJs(
  browser: Browser,
  origin: string,
  start: string,
  end: RegExp,
  /** Pages weighed after the receipt, signed in with its code and passphrase on /volgen. */
  followPages: string[] = [],
  maxPages = 20,
): Promise<Map<string, PageJs>> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: "nl-NL",
    serviceWorkers: "block",
  });
  const weights = new Map<string, PageJs>();
  try {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const scripts = recordScripts(tab, origin);
    const weigh = async () => {
      const js = await scripts.take();
      const path = new URL(tab.url()).pathname;
      if (!weights.has(path)) weights.set(path, js);
      return path;
    };
    let url = origin + start;
    for (let n = 0; n < maxPages; n++) {
      // Each page as a fresh load of its address (the draft is in the cookie), as after a full page load.
      await tab.goto(url, { waitUntil: "networkidle" });
      const path = await weigh();
      if (end.test(path)) {
        if (followPages.length > 0) {
          const code = (await tab.getByTestId("case-code").textContent())!.trim();
          const passphrase = (await tab.getByTestId("passphrase").textContent())!.trim();
          await tab.goto(`${origin}/volgen`, { waitUntil: "networkidle" });
          await tab.locator("[name=code]").fill(code);
          await tab.locator("[name=passphrase]").fill(passphrase);
          await tab.locator("#sign-in button[type=submit], #sign-in button:not([type])").last().click();
          await tab.waitForURL((u) => u.pathname === "/volgen/zaak", { timeout: 15_000 });
          for (const page of followPages) {
            await tab.goto(origin + page, { waitUntil: "networkidle" });
            scripts.reset();
            await tab.reload({ waitUntil: "networkidle" });
            await weigh();
          }
        }
        return weights;
      }
      const form = await answer(tab);
      await form.locator("button[type=submit], button:not([type])").last().click();
      try {
        await tab.waitForURL((u) => u.pathname !== path, { timeout: 15_000 });
      } catch {
        const summary = await tab
          .locator(".error-summary")
          .first()
          .textContent()
          .catch(() => null);
        throw new Error(`${path} did not accept the bench's answers${summary ? `: ${summary.trim()}` : ""}`);
      }
      await tab.waitForLoadState("networkidle");
      url = tab.url();
      scripts.reset();
    }
    throw new Error(`${start}: no page matching ${end} after ${maxPages} pages`);
  } finally {
    await context.close();
  }
}
