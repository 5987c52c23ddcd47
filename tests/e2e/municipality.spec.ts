/**
 * The municipality a person names arrives (issue 14): everyday names ("Den Haag", "The Hague", "Den Bosch")
 * and names from before a merger find today's municipality, "nothing found" is said, and a name typed but
 * not picked is kept, resolved by the server, or refused with the text kept and a way out.
 *
 * The question page does not hydrate (ADR 042): with JavaScript the searchable list is the plain-DOM module
 * app/enhance/combobox.ts, and these tests fail when its call is taken out of app/enhance/index.ts.
 */
import { gzipSync } from "node:zlib";
import { test, type Page } from "@playwright/test";
import { expect } from "./expect";
import { enhanced, expectNoAxeViolations, languages, viewportScreenshots } from "./helpers";
import { choose, continueOn, tr, type Lng } from "./intake-helpers";

const t = (lng: Lng, key: string, params: Record<string, string | number> = {}) =>
  tr(lng, key, params, "complaint");

async function toContactStep(page: Page, lng: Lng) {
  await page.goto(`/klacht/wie?lng=${lng}`);
  await choose(page, "radio", t(lng, "who.options.young_person.label"));
  await continueOn(page, lng, "/klacht/afdeling");
  await continueOn(page, lng, "/klacht/wanneer");
  await continueOn(page, lng, "/klacht/wat-is-er-gebeurd");
  await page.getByRole("textbox", { name: t(lng, "what.question") }).fill("Mijn verhaal");
  await continueOn(page, lng, "/klacht/onderwerpen");
  await continueOn(page, lng, "/klacht/organisatie");
  await continueOn(page, lng, "/klacht/veilig");
  await choose(page, "radio", t(lng, "safe.options.yes"));
  await continueOn(page, lng, "/klacht/wensen");
  await choose(page, "checkbox", t(lng, "wishes.options.conversation.label"));
  await continueOn(page, lng, "/klacht/contact");
  await choose(page, "radio", t(lng, "contact.options.none.label"));
  await continueOn(page, lng, "/klacht/gemeente");
}

const label = (lng: Lng) => `${t(lng, "contact.municipality.label")} ${tr(lng, "common:optional")}`;

/** The municipality row of the check page. */
const shownMunicipality = (page: Page, lng: Lng) =>
  page
    .getByRole("term")
    .filter({ hasText: new RegExp(`^${t(lng, "check.rows.municipality")}$`) })
    .locator("xpath=following-sibling::dd[1]");

for (const lng of languages) {
  test.describe(`the municipality in ${lng}, JavaScript on`, () => {
    test("everyday and former names find it, nothing found is said, typed text is kept", async ({ page }) => {
      test.setTimeout(120_000);
      await toContactStep(page, lng);
      await enhanced(page);
      const box = page.getByRole("combobox", { name: label(lng) });
      await expect(box).toHaveJSProperty("tagName", "INPUT");

      await box.click();
      await box.fill("Den Haag");
      await expect(page.getByRole("option", { name: "'s-Gravenhage (Den Haag)" })).toBeVisible();
      await box.fill("the hague");
      await expect(page.getByRole("option", { name: "'s-Gravenhage (The Hague)" })).toBeVisible();
      await box.fill("vlagtwedde");
      const former = t(lng, "common:comboBox.formerName", { name: "Westerwolde", former: "Vlagtwedde" });
      await expect(page.getByRole("option", { name: former })).toBeVisible();

      // Nothing found: said on the page and to screen readers; leaving the field keeps the text.
      await box.fill("Atlantis");
      const nothing = page.getByRole("status").filter({ hasText: tr(lng, "common:comboBox.noResults") });
      await expect(nothing).toBeVisible();
      await expectNoAxeViolations(page, "municipality nothing found");
      await viewportScreenshots(page, `municipality-nothing-found-${lng}`);
      await page.keyboard.press("Tab");
      await expect(box).toHaveValue("Atlantis");
      await continueOn(page, lng);
      await enhanced(page);
      const error = t(lng, "fieldErrors.municipality.invalidChoice");
      await expect(page.getByRole("alert").getByRole("link", { name: error })).toBeVisible();
      await expect(box).toHaveValue("Atlantis");
      await expectNoAxeViolations(page, "municipality unknown");
      await viewportScreenshots(page, `municipality-unknown-${lng}`);
      // The summary's link reaches the box (it has the select's id), not the hidden list.
      await page.getByRole("alert").getByRole("link", { name: error }).click();
      await expect(box).toBeFocused();
      await expect(box).toHaveAttribute("aria-invalid", "true");

      // A name typed but not picked is resolved by the server.
      await box.fill("den bosch");
      await page.keyboard.press("Tab");
      await continueOn(page, lng, "/klacht/controleren");
      await expect(shownMunicipality(page, lng)).toHaveText("'s-Hertogenbosch");

      // A former name, picked from the list.
      await page.goto("/klacht/gemeente?wijzigen=1");
      await enhanced(page);
      await expect(box).toHaveValue("'s-Hertogenbosch");
      await box.fill("Vlagtw");
      await page.getByRole("option", { name: former }).click();
      await expect(box).toHaveValue("Westerwolde");
      await continueOn(page, lng, "/klacht/controleren");
      await expect(shownMunicipality(page, lng)).toHaveText("Westerwolde");
    });
  });

  test.describe(`the municipality in ${lng}, the keyboard and the list`, () => {
    test("Down and Up move through the list, Enter picks without sending, Escape closes", async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await toContactStep(page, lng);
      await enhanced(page);
      const box = page.getByRole("combobox", { name: label(lng) });
      const list = page.getByRole("listbox");
      await expect(box).toHaveAttribute("aria-expanded", "false");
      await expect(list).toBeHidden();
      await viewportScreenshots(page, `municipality-closed-${lng}`);

      await box.pressSequentially("den");
      await expect(box).toHaveAttribute("aria-expanded", "true");
      await expect(list).toBeVisible();
      await expect(box).toHaveAttribute("aria-controls", (await list.getAttribute("id"))!);
      // The official names with "den" first, then those found by another name ("Den Haag").
      const options = list.getByRole("option");
      await expect(options.first()).toHaveText(/den/i);
      await expect(options.first()).not.toHaveText(/\(/);
      await expect(list.getByRole("option", { name: "'s-Gravenhage (Den Haag)" })).toBeVisible();
      // The count is said in the polite live region when typing pauses.
      const count = await options.count();
      const said = tr(lng, "common:comboBox.results", { count });
      await expect(page.getByRole("status").filter({ hasText: said })).toHaveText(said);
      await expectNoAxeViolations(page, "municipality list open");
      await viewportScreenshots(page, `municipality-den-${lng}`);

      await page.keyboard.press("ArrowDown");
      await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
      await expect(box).toHaveAttribute("aria-activedescendant", (await options.nth(0).getAttribute("id"))!);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("ArrowDown");
      const second = options.nth(1);
      await expect(second).toHaveAttribute("aria-selected", "true");
      const name = (await second.textContent())!;
      await page.keyboard.press("Enter");
      // Picked, the list closed, and the form not sent.
      await expect(box).toHaveValue(name);
      await expect(box).toHaveAttribute("aria-expanded", "false");
      await expect(box).not.toHaveAttribute("aria-activedescendant");
      await expect(page).toHaveURL("/klacht/gemeente");

      // Down opens the list again; Escape closes it and keeps the text.
      await page.keyboard.press("ArrowDown");
      await expect(list).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(list).toBeHidden();
      await expect(box).toHaveValue(name);

      // What is sent is what the select sends for that option: the check page shows it.
      await continueOn(page, lng, "/klacht/controleren");
      await expect(shownMunicipality(page, lng)).toHaveText(name);
    });

    test("a tap on the button shows every option, a tap on one picks it (phone)", async ({ browser }) => {
      test.setTimeout(120_000);
      const context = await browser.newContext({
        viewport: { width: 360, height: 740 },
        hasTouch: true,
        isMobile: true,
      });
      const page = await context.newPage();
      await toContactStep(page, lng);
      await enhanced(page);
      const box = page.getByRole("combobox", { name: label(lng) });
      await page.getByRole("button", { name: tr(lng, "common:comboBox.showOptions") }).tap();
      await expect(box).toBeFocused();
      const list = page.getByRole("listbox");
      await expect(list).toBeVisible();
      // Every municipality of today (342), none left out.
      expect(await list.getByRole("option").count()).toBeGreaterThan(300);
      await box.fill("wester");
      await list.getByRole("option", { name: "Westerwolde", exact: true }).tap();
      await expect(box).toHaveValue("Westerwolde");
      await expect(list).toBeHidden();
      await continueOn(page, lng, "/klacht/controleren");
      await expect(shownMunicipality(page, lng)).toHaveText("Westerwolde");
      await context.close();
    });
  });

  test.describe(`the municipality in ${lng}, JavaScript off`, () => {
    test.use({ javaScriptEnabled: false });
    test("the list of official names works and the check page shows the choice", async ({ page }) => {
      await toContactStep(page, lng);
      await page.getByRole("combobox", { name: label(lng) }).selectOption({ label: "'s-Gravenhage" });
      await continueOn(page, lng, "/klacht/controleren");
      await expect(shownMunicipality(page, lng)).toHaveText("'s-Gravenhage");
    });
  });
}

test("the server resolves a typed everyday name and refuses an unknown one, keeping it", async ({
  request,
}) => {
  // What the searchable list sends: the text in its box.
  const page = await request.get("/klacht/wie");
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  const post = (path: string, form: Record<string, string>) =>
    request.post(path, { form: { csrf, website: "", ...form }, maxRedirects: 0 });
  await post("/klacht/wie", { reporterRole: "young_person" });
  await post("/klacht/afdeling", {});
  await post("/klacht/wanneer", {});
  await post("/klacht/wat-is-er-gebeurd", { story: "Verhaal" });
  await post("/klacht/onderwerpen", {});
  await post("/klacht/organisatie", {});
  await post("/klacht/veilig", { safeNow: "yes" });
  await post("/klacht/wensen", { wishes: "conversation" });
  await post("/klacht/contact", { contactMethod: "none" });
  const unknown = await post("/klacht/gemeente", { municipality: "Gotham" });
  expect(unknown.status()).toBe(400);
  expect(await unknown.text()).toContain("Gotham");
  const known = await post("/klacht/gemeente", { municipality: "Hague" });
  expect(known.status()).toBe(302);
  const check = await request.get("/klacht/controleren");
  expect(await check.text()).toContain("&#x27;s-Gravenhage");
});

test("the question loads only the enhancement script, with no React (ADR 042)", async ({ page }) => {
  const scripts: { url: string; body: Promise<Buffer> }[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") scripts.push({ url: r.url(), body: r.body() });
  });
  await toContactStep(page, "nl");
  scripts.length = 0;
  await page.reload();
  await enhanced(page);
  await page.waitForLoadState("networkidle");
  expect(scripts.map((s) => new URL(s.url).pathname)).toEqual([
    expect.stringMatching(/^\/assets\/enhance-[\w-]+\.js$/),
  ]);
  // The whole enhancement module, the searchable list in it (issue 17: well under 30 kB; frame.spec's bound).
  expect(gzipSync(await scripts[0]!.body, { level: 9 }).length).toBeLessThan(5 * 1024);
  await expect(page.locator("script:not([src])")).toHaveCount(0);
  expect(await page.evaluate(() => "__remixRouter" in window || "__remixContext" in window)).toBe(false);
});
