/**
 * Switching language on a question page keeps what was typed (issue 14), with and without JavaScript:
 * the switch submits the page's form, the server keeps the text unchecked, the page comes back in the
 * other language. Enter in a field still means "Continue".
 */
import { test } from "@playwright/test";
import { expect } from "./expect";
import { inspect, seedCase, text } from "./follow-helpers";
import { enhanced, expectNoAxeViolations, viewportScreenshots } from "./helpers";
import { continueContact, pick } from "./contact-helpers";
import { choose, continueOn, tr } from "./intake-helpers";

const t = (lng: "nl" | "en", key: string) => tr(lng, key, {}, "complaint");

for (const js of [true, false]) {
  test.describe(`JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });

    test("switching language on a question keeps the unsaved answer, without errors", async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto("/klacht/wie?lng=nl");
      // The question pages do not hydrate (ADR 042): ready when the enhancement script has run.
      if (js) await enhanced(page);
      await choose(page, "radio", t("nl", "who.options.young_person.label"));
      await continueOn(page, "nl", "/klacht/afdeling");
      await continueOn(page, "nl", "/klacht/wanneer");
      // Enter in a field is still "Continue", not the language switch.
      await page.getByLabel(t("nl", "unit.period.from")).fill("2021");
      await page.getByLabel(t("nl", "unit.period.from")).press("Enter");
      await expect(page).toHaveURL("/klacht/wat-is-er-gebeurd");
      await expect(page.locator("html")).toHaveAttribute("lang", "nl");

      const story = "Ik mocht niet bellen.\nTwee weken lang. 🙁";
      await page.getByRole("textbox", { name: t("nl", "what.question") }).fill(story);
      await page.getByRole("button", { name: tr("nl", "common:language.switchToLong") }).click();

      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page).toHaveURL(/\/klacht\/wat-is-er-gebeurd\?lng=en$/);
      const box = page.getByRole("textbox", { name: t("en", "what.question") });
      await expect(box).toHaveValue(story);
      await expect(page.getByRole("alert")).toHaveCount(0);
      await expect(page).not.toHaveTitle(/^(Error|Fout)/);
      // axe needs scripts; the page without them is the same markup.
      if (js) await expectNoAxeViolations(page, "after switching language");
      await viewportScreenshots(page, `language-switch-kept-${js ? "js" : "nojs"}`);

      // And back, then on: the answer is saved as usual.
      await page.getByRole("button", { name: tr("en", "common:language.switchToLong") }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "nl");
      await expect(page.getByRole("textbox", { name: t("nl", "what.question") })).toHaveValue(story);
      await continueOn(page, "nl", "/klacht/onderwerpen");
    });
  });
}

for (const js of [true, false]) {
  test.describe(`Contact request, JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });

    test("switching language on the contact pages keeps what was typed", async ({ page }) => {
      test.setTimeout(120_000);
      const f = (lng: "nl" | "en", key: string) => tr(lng, `follow:contact.${key}`);
      const switchTo = (lng: "nl" | "en") =>
        page.getByRole("button", { name: tr(lng, "common:language.switchToLong") }).click();
      await page.goto("/contact?lng=nl");
      // The first page does not hydrate (ADR 042); its enhancement script is the readiness signal.
      if (js) await enhanced(page);
      const name = "Ahmed  El Amrani";
      await page.getByLabel(f("nl", "details.name.label")).fill(name);
      await switchTo("nl");

      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page).toHaveURL(/\/contact\?lng=en$/);
      await expect(page.getByLabel(f("en", "details.name.label"))).toHaveValue(name);
      await expect(page.getByRole("alert")).toHaveCount(0);
      await expect(page).not.toHaveTitle(/^(Error|Fout)/);
      await continueContact(page, "en");
      // The next page does not hydrate either (ADR 042): a fresh load, ready when its script has run.
      await expect(page).toHaveURL(/\/contact\/relatie$/);
      if (js) await enhanced(page);
      await pick(page, f("en", "details.relation.label"), f("en", "relations.parent"));
      await continueContact(page, "en");

      // The way chosen and the number typed, on the page with the conditional reveal.
      await pick(page, f("en", "details.title"), f("en", "reach.options.phone"));
      await page.getByLabel(f("en", "details.phone.label")).fill("06 12345678");
      await switchTo("en");
      await expect(page.locator("html")).toHaveAttribute("lang", "nl");
      await expect(
        page.getByRole("radio", { name: f("nl", "reach.options.phone"), exact: true }),
      ).toBeChecked();
      await expect(page.getByLabel(f("nl", "details.phone.label"))).toHaveValue("06 12345678");
      await continueContact(page, "nl");
      await pick(page, f("nl", "details.mayLeaveMessage.label"), f("nl", "answers.no"));
      await continueContact(page, "nl");
      await expect(page).toHaveURL(/\/contact\/vraag/);
      await switchTo("nl");

      const question = "Mijn zoon belt niet meer.\nWat kan ik doen? 🙏";
      await page.getByRole("textbox", { name: f("en", "question.title") }).fill(question);
      await switchTo("en");
      await expect(page.locator("html")).toHaveAttribute("lang", "nl");
      await expect(page.getByRole("textbox", { name: f("nl", "question.title") })).toHaveValue(question);
      await expect(page.getByRole("alert")).toHaveCount(0);
      if (js) await expectNoAxeViolations(page, "contact question after switching language");
    });
  });
}

for (const js of [true, false]) {
  test.describe(`/volgen/zaak, JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });

    test("switching language keeps a message being typed; sending it clears it", async ({ page }) => {
      test.setTimeout(120_000);
      const c = seedCase("nl", "Hoe gaat het?");
      await page.goto("/volgen?lng=nl");
      if (js) await enhanced(page);
      await page.getByLabel(text("nl", "signIn.code.label"), { exact: true }).fill(c.code);
      await page.getByLabel(text("nl", "signIn.passphrase.label")).fill(c.passphrase);
      await page.getByRole("button", { name: text("nl", "signIn.submit") }).click();
      // Neither the sign-in nor the case page hydrates (ADR 042): go on once the case page's script has run.
      await expect(page).toHaveURL(/\/volgen\/zaak$/);
      if (js) await enhanced(page);
      const box = (lng: "nl" | "en") => page.getByRole("textbox", { name: text(lng, "case.reply.label") });
      const message = "Het gaat beter.\nMaar ik wil nog iets vragen. 🙂";
      await box("nl").fill(message);
      await page.getByRole("button", { name: tr("nl", "common:language.switchToLong") }).click();

      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(box("en")).toHaveValue(message);
      await expect(page.getByRole("alert")).toHaveCount(0);
      expect(inspect(c.caseId).messages).toHaveLength(1);
      if (js) await expectNoAxeViolations(page, "/volgen/zaak after switching language");

      await page.getByRole("button", { name: text("en", "case.reply.submit") }).click();
      await expect(
        page.getByRole("status").filter({ hasText: text("en", "case.done.bericht") }),
      ).toBeVisible();
      await expect(box("en")).toHaveValue("");
      expect(inspect(c.caseId).messages).toHaveLength(2);
      // What was kept went with the sent message: switching back shows an empty box.
      await page.getByRole("button", { name: tr("en", "common:language.switchToLong") }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "nl");
      await expect(box("nl")).toHaveValue("");
    });
  });
}

for (const js of [true, false]) {
  test.describe(`/volgen/toevoegen, JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });

    test("switching language keeps an addition being typed; adding it clears it", async ({ page }) => {
      test.setTimeout(120_000);
      const c = seedCase("nl", "Hoe gaat het?");
      await page.goto("/volgen?lng=nl");
      if (js) await enhanced(page);
      await page.getByLabel(text("nl", "signIn.code.label"), { exact: true }).fill(c.code);
      await page.getByLabel(text("nl", "signIn.passphrase.label")).fill(c.passphrase);
      await page.getByRole("button", { name: text("nl", "signIn.submit") }).click();
      await expect(page.getByRole("textbox", { name: text("nl", "case.reply.label") })).toBeVisible();
      await page.goto("/volgen/toevoegen");
      const box = (lng: "nl" | "en") => page.getByRole("textbox", { name: text(lng, "addition.label") });
      const addition = "Wat ik nog weet:\nhet was in de winter. ❄️";
      await box("nl").fill(addition);
      await page.getByRole("button", { name: tr("nl", "common:language.switchToLong") }).click();

      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(box("en")).toHaveValue(addition);
      await expect(page.getByRole("alert")).toHaveCount(0);
      if (js) await expectNoAxeViolations(page, "/volgen/toevoegen after switching language");

      await page.getByRole("button", { name: text("en", "addition.submit") }).click();
      await expect(page.getByText(text("en", "case.done.toegevoegd"))).toBeVisible();
      // What was kept went with the addition: the page is empty again.
      await page.goto("/volgen/toevoegen");
      await expect(box("en")).toHaveValue("");
    });
  });
}

test("pages without a form keep the language link", async ({ page }) => {
  await page.goto("/over?lng=nl");
  await expect(page.getByRole("link", { name: tr("nl", "common:language.switchToLong") })).toBeVisible();
});
