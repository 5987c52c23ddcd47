/**
 * Issue 15, point 6: a relative (or someone else) who tells about a young person gets questions about that
 * young person, not the young person's own ("are you safe now?", "help for me now"), with and without
 * JavaScript; the check page says it the same way.
 */
import { test } from "@playwright/test";
import { expect } from "./expect";
import { choose, continueOn, expectQuestion, tr } from "./intake-helpers";
import { expectNoAxeViolations, otherPairs, screenshots } from "./helpers";

for (const { lng, js } of otherPairs) {
  test.describe(`JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });
    test(`a relative is asked about the young person in ${lng}, JavaScript ${js ? "on" : "off"}`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const t = (key: string) => tr(lng, key);
      await page.goto(`/verhaal/wie?lng=${lng}`);
      await choose(page, "radio", t("who.options.close.label"));
      for (const next of ["afdeling", "wanneer", "wat-is-er-gebeurd"])
        await continueOn(page, lng, `/verhaal/${next}`);
      await page.getByRole("textbox", { name: t("what.question") }).fill("Mijn dochter zat daar.");
      await continueOn(page, lng, "/verhaal/onderwerpen");
      await continueOn(page, lng, "/verhaal/veilig");

      await expectQuestion(page, t("safe.question_close"), { number: 6 }, lng);
      await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(t("safe.question"));
      await expect(page.getByRole("radio", { name: t("safe.options.rather_not_say_close") })).toHaveCount(1);
      await choose(page, "radio", t("safe.options.no"));
      await expect(page.getByRole("heading", { name: t("safe.notSafe.heading_close") })).toBeVisible();
      if (js) {
        await expectNoAxeViolations(page, `relative safe ${lng}`);
        if (lng === "nl") await screenshots(page, "relative-safe-nl");
      }
      await continueOn(page, lng, "/verhaal/wensen");

      await expect(page.getByText(t("urgentNotice.text_close"))).toBeVisible();
      await expect(
        page.getByRole("checkbox", { name: new RegExp(`^${t("wishes.options.help_now.label_close")}`) }),
      ).toHaveCount(1);
      await expect(
        page.getByRole("checkbox", { name: new RegExp(`^${t("wishes.options.help_now.label")}`) }),
      ).toHaveCount(0);
      await choose(page, "checkbox", t("wishes.options.help_now.label_close"));
      if (js) {
        await expectNoAxeViolations(page, `relative wishes ${lng}`);
        if (lng === "nl") await screenshots(page, "relative-wishes-nl");
      }
      await continueOn(page, lng, "/verhaal/toestemming");
      await page
        .getByRole("radiogroup", { name: t("consent.recipients.ozj.label") })
        .getByRole("radio", { name: t("consent.options.no.label") })
        .check({ force: true });
      await continueOn(page, lng, "/verhaal/contact");
      await choose(page, "radio", t("contact.options.none.label"));
      await continueOn(page, lng, "/verhaal/gemeente");
      await continueOn(page, lng, "/verhaal/controleren");

      const main = page.getByRole("main");
      await expect(main.getByRole("term").filter({ hasText: t("check.rows.safeNow_close") })).toBeVisible();
      await expect(main.getByText(t("wishes.options.help_now.label_close"), { exact: true })).toBeVisible();
    });
  });
}
