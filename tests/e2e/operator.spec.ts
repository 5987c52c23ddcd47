/**
 * Issue 15, point 4: a service with a face. The operator from the configuration (playwright.config.ts sets
 * OPERATOR_NAME, OPERATOR_PHONE, OPERATOR_EMAIL) on home, the about page, the accessibility statement and
 * the receipts of the three journeys, with and without JavaScript; staff messages signed with a first name
 * and the operator's signature.
 */
import { test, type Locator, type Page } from "@playwright/test";
import { expect } from "./expect";
import { answerContact } from "./contact-helpers";
import { seedCase, text } from "./follow-helpers";
import { expectNoAxeViolations, languages, localeText, pairs, screenshots } from "./helpers";
import { fileIntake } from "./intake-helpers";

const NAME = "Stichting Testvoorbeeld";
const PHONE = "030 000 0001";
const EMAIL = "toegankelijkheid@example.nl";

async function expectOperatorBlock(page: Page, lng: "nl" | "en") {
  await expectOperatorLines(
    page.getByRole("region", { name: localeText(lng, "pages", "operator.heading") }),
    lng,
  );
}

/** Under a receipt: a small block, "Questions? Call or email us", with the same lines. */
async function expectOperatorNote(page: Page, lng: "nl" | "en") {
  await expectOperatorLines(
    page.getByRole("complementary", { name: localeText(lng, "pages", "operator.noteHeading") }),
    lng,
  );
}

async function expectOperatorLines(block: Locator, lng: "nl" | "en") {
  await expect(block).toContainText(NAME);
  await expect(block).toContainText("Voorbeeldstraat 1, 1234 AB Utrecht");
  await expect(block.getByRole("link", { name: PHONE })).toHaveAttribute("href", "tel:0300000001");
  await expect(block).toContainText(
    localeText(lng, "pages", "operator.hours", { from: "09:00", to: "17:00" }),
  );
  await expect(block.getByRole("link", { name: EMAIL })).toHaveAttribute("href", `mailto:${EMAIL}`);
}

for (const lng of languages) {
  for (const js of [true, false]) {
    test.describe(`the operator in ${lng}, JavaScript ${js ? "on" : "off"}`, () => {
      test.use({ javaScriptEnabled: js });

      test("home and the about page say who runs the service and how to reach them", async ({ page }) => {
        for (const [path, name] of [
          ["/", "home"],
          ["/over", "about"],
        ] as const) {
          await page.goto(`${path}?lng=${lng}`);
          await expectOperatorBlock(page, lng);
          if (js) {
            await expectNoAxeViolations(page, `${path} ${lng}`);
            await screenshots(page, `operator-${name}-${lng}`);
          }
        }
      });

      test("the accessibility statement follows the government model with its own feedback route", async ({
        page,
      }) => {
        await page.goto(`/toegankelijkheid?lng=${lng}`);
        const main = page.getByRole("main");
        const t = (key: string, values?: Record<string, string>) => localeText(lng, "pages", key, values);
        for (const key of [
          "statusHeading",
          "dateHeading",
          "problemsHeading",
          "testedHeading",
          "feedbackHeading",
          "enforcementHeading",
        ]) {
          await expect(
            main.getByRole("heading", { level: 2, name: t(`accessibility.${key}`) }),
          ).toBeVisible();
        }
        await expect(main).toContainText(t("accessibility.statusLabel"));
        await expect(main).toContainText(NAME);
        // Known problems each with a plan and a date.
        await expect(main.getByRole("listitem").filter({ hasText: /2027/ })).toHaveCount(3);
        // Feedback goes to the operator's own mailbox and phone, never to the story form.
        await expect(main.getByRole("link", { name: EMAIL })).toHaveAttribute("href", `mailto:${EMAIL}`);
        await expect(main.getByRole("link", { name: PHONE })).toHaveAttribute("href", "tel:0300000001");
        await expect(main.locator('a[href^="/verhaal"]')).toHaveCount(0);
        await expect(main.getByRole("link", { name: t("accessibility.enforcementLink") })).toHaveAttribute(
          "href",
          "https://www.nationaleombudsman.nl/",
        );
        if (js) {
          await expectNoAxeViolations(page, `/toegankelijkheid ${lng}`);
          await screenshots(page, `accessibility-statement-${lng}`);
        }
      });
    });
  }

  test(`a staff message is signed with the writer's first name and the operator in ${lng}`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const c = seedCase(lng, "Hoi, ik heb je verhaal gelezen.");
    await page.goto(`/volgen?lng=${lng}`);
    await page.getByLabel(text(lng, "signIn.code.label"), { exact: true }).fill(c.code);
    await page.getByLabel(text(lng, "signIn.passphrase.label")).fill(c.passphrase);
    await page.getByRole("button", { name: text(lng, "signIn.submit") }).click();
    const thread = page.getByRole("region", { name: text(lng, "case.messages.heading") });
    const message = thread.getByRole("listitem").filter({ hasText: "Hoi, ik heb je verhaal gelezen." });
    await expect(message).toContainText("Sanne, Aanspreekpunt ZIKOS");
    // Only the first name: the surname stays with the staff.
    await expect(thread).not.toContainText("de Vries");
    await screenshots(page, `operator-message-${lng}`);
  });
}

for (const { lng, js } of pairs) {
  test.describe(`the receipts in ${lng}, JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });

    test("the receipts of the story, the complaint and the contact request say whom to call or mail", async ({
      page,
      context,
    }) => {
      test.setTimeout(240_000);
      for (const kind of ["testimony", "complaint"] as const) {
        await context.clearCookies();
        await fileIntake(
          page,
          lng,
          kind,
          { story: "Ik zat dagen alleen.", email: `bon-${kind}@example.nl`, safe: "yes" },
          { js },
        );
        await expectOperatorNote(page, lng);
        if (js) await screenshots(page, `operator-receipt-${kind}-${lng}`);
      }
      await context.clearCookies();
      await page.goto(`/bel-mij?lng=${lng}`);
      await answerContact(page, lng, "young_person", { email: "bon-contact@example.nl", urgent: "no" });
      await page.getByRole("button", { name: text(lng, "contact.check.submit") }).click();
      await expect(page).toHaveURL(/\/contact\/bevestiging$/);
      await expectOperatorNote(page, lng);
      if (js) {
        await expectNoAxeViolations(page, `contact receipt ${lng}`);
        await screenshots(page, `operator-receipt-contact-${lng}`);
      }
    });
  });
}
