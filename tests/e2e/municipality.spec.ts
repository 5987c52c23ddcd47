/**
 * The municipality a person names arrives (issue 14): everyday names ("Den Haag", "The Hague", "Den Bosch")
 * and names from before a merger find today's municipality, "nothing found" is said, and a name typed but
 * not picked is kept, resolved by the server, or refused with the text kept and a way out.
 */
import { test, type Page } from "@playwright/test";
import { expect } from "./expect";
import { expectNoAxeViolations, languages, viewportScreenshots } from "./helpers";
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
      const error = t(lng, "fieldErrors.municipality.invalidChoice");
      await expect(page.getByRole("alert").getByRole("link", { name: error })).toBeVisible();
      await expect(box).toHaveValue("Atlantis");
      await expectNoAxeViolations(page, "municipality unknown");
      await viewportScreenshots(page, `municipality-unknown-${lng}`);

      // A name typed but not picked is resolved by the server.
      await box.fill("den bosch");
      await page.keyboard.press("Tab");
      await continueOn(page, lng, "/klacht/controleren");
      await expect(shownMunicipality(page, lng)).toHaveText("'s-Hertogenbosch");

      // A former name, picked from the list.
      await page.goto("/klacht/gemeente?wijzigen=1");
      await expect(box).toHaveValue("'s-Hertogenbosch");
      await box.fill("Vlagtw");
      await page.getByRole("option", { name: former }).click();
      await expect(box).toHaveValue("Westerwolde");
      await continueOn(page, lng, "/klacht/controleren");
      await expect(shownMunicipality(page, lng)).toHaveText("Westerwolde");
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
