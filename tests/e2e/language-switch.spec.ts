/**
 * Switching language on a question page keeps what was typed (issue 14), with and without JavaScript:
 * the switch submits the page's form, the server keeps the text unchecked, the page comes back in the
 * other language. Enter in a field still means "Continue".
 */
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, viewportScreenshots } from "./helpers";
import { choose, continueOn, tr } from "./intake-helpers";

const t = (lng: "nl" | "en", key: string) => tr(lng, key, {}, "complaint");

for (const js of [true, false]) {
  test.describe(`JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });

    test("switching language on a question keeps the unsaved answer, without errors", async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto("/klacht/wie?lng=nl");
      if (js) await page.waitForFunction(() => "__remixRouter" in window);
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

test("pages without a form keep the language link", async ({ page }) => {
  await page.goto("/over?lng=nl");
  await expect(page.getByRole("link", { name: tr("nl", "common:language.switchToLong") })).toBeVisible();
});
