/**
 * "Check your answers": each change link opens its question with the answer filled in and comes back;
 * a change that opens a new question (a wish that needs consent) asks it first. The browser's back
 * button walks back through the questions with the answers kept.
 */
import { test, type Page } from "@playwright/test";
import { expect } from "./expect";
import { enhanced } from "./helpers";
import { choose, continueOn, tr } from "./intake-helpers";

const nl = (key: string, params: Record<string, string | number> = {}) => tr("nl", key, params);

async function toCheckPage(page: Page, js: boolean) {
  await page.goto("/verhaal/wie?lng=nl");
  if (js) await enhanced(page);
  await choose(page, "radio", nl("who.options.close.label"));
  await continueOn(page, "nl", "/verhaal/afdeling");
  await choose(page, "radio", nl("unit.options.unknown"));
  await continueOn(page, "nl", "/verhaal/wanneer");
  await continueOn(page, "nl", "/verhaal/wat-is-er-gebeurd");
  await page.getByRole("textbox", { name: nl("what.question") }).fill("Eerste versie.");
  await continueOn(page, "nl", "/verhaal/onderwerpen");
  await continueOn(page, "nl", "/verhaal/veilig");
  await choose(page, "radio", nl("safe.options.yes"));
  await continueOn(page, "nl", "/verhaal/wensen");
  await choose(page, "checkbox", nl("wishes.options.heard.label"));
  await continueOn(page, "nl", "/verhaal/contact");
  await choose(page, "radio", nl("contact.options.none.label"));
  await continueOn(page, "nl", "/verhaal/gemeente");
  await continueOn(page, "nl", "/verhaal/controleren");
}

const changeLink = (page: Page, row: string) =>
  page.getByRole("link", { name: `${tr("nl", "common:change")} ${row}`, exact: true });

for (const js of [true, false]) {
  test.describe(js ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: js });

    test("change links open the question and return to the check page", async ({ page }) => {
      test.setTimeout(120_000);
      await toCheckPage(page, js);

      await changeLink(page, nl("check.rows.story")).click();
      await expect(page).toHaveURL("/verhaal/wat-is-er-gebeurd?wijzigen=1");
      await expect(page.getByRole("link", { name: tr("nl", "common:back") })).toHaveAttribute(
        "href",
        "/verhaal/controleren",
      );
      const story = page.getByRole("textbox", { name: nl("what.question") });
      await expect(story).toHaveValue("Eerste versie.");
      await story.fill("Tweede versie.");
      await continueOn(page, "nl");
      await expect(page).toHaveURL("/verhaal/controleren");
      await expect(page.getByText("Tweede versie.")).toBeVisible();
      await expect(page.getByText("Eerste versie.")).toHaveCount(0);

      // A new wish for help now brings in the consent question for the OZJ, then back to the check.
      await changeLink(page, nl("check.rows.wishes")).click();
      await expect(
        page.getByRole("checkbox", { name: new RegExp(`^${nl("wishes.options.heard.label")}`) }),
      ).toBeChecked();
      await choose(page, "checkbox", nl("wishes.options.help_now.label_close"));
      await continueOn(page, "nl");
      await expect(page).toHaveURL("/verhaal/toestemming?wijzigen=1");
      await page
        .getByRole("radiogroup", { name: nl("consent.recipients.ozj.label") })
        .getByRole("radio", { name: nl("consent.options.with_identity.label") })
        .check({ force: true });
      // Nobody may contact them yet: sharing contact details needs a way to reach them, asked next.
      await continueOn(page, "nl");
      await expect(page).toHaveURL("/verhaal/contact?wijzigen=1");
      await expect(page.getByText(nl("contact.consentNeeds.identity_without_contact"))).toBeVisible();

      // Choosing a way to be reached adds its answers to the check page.
      await choose(page, "radio", nl("contact.options.email.label"));
      await page.getByRole("textbox", { name: nl("contact.email.label") }).fill("naaste@example.nl");
      await continueOn(page, "nl");
      await expect(page).toHaveURL("/verhaal/controleren");
      await expect(page.getByText("naaste@example.nl")).toBeVisible();
      const ozjRow = nl("check.rows.consent", { recipient: nl("consent.recipients.ozj.label") });
      await expect(page.getByRole("term").filter({ hasText: ozjRow })).toBeVisible();
      await expect(
        page.getByRole("definition").filter({ hasText: nl("consent.options.with_identity.label") }),
      ).toBeVisible();
    });

    test("each answer's change link opens the page that asks it, and comes back", async ({ page }) => {
      test.setTimeout(120_000);
      await toCheckPage(page, js);
      const pages: [string, string][] = [
        ["who", "wie"],
        ["unit", "afdeling"],
        ["period", "wanneer"],
        ["story", "wat-is-er-gebeurd"],
        ["themes", "onderwerpen"],
        ["safeNow_close", "veilig"],
        ["wishes", "wensen"],
        ["contactMethod", "contact"],
        ["municipality", "gemeente"],
      ];
      for (const [row, slug] of pages) {
        await expect(changeLink(page, nl(`check.rows.${row}`))).toHaveAttribute(
          "href",
          `/verhaal/${slug}?wijzigen=1`,
        );
      }
      // The new "when" page: a year given there shows on the check page.
      await changeLink(page, nl("check.rows.period")).click();
      await page.getByLabel(nl("unit.period.from")).fill("2020");
      await continueOn(page, "nl", "/verhaal/controleren");
      await expect(page.getByRole("main")).toContainText("2020");
      await changeLink(page, nl("check.rows.themes")).click();
      await choose(page, "checkbox", nl("what.themes.options.medication"));
      await continueOn(page, "nl", "/verhaal/controleren");
      await expect(page.getByRole("main")).toContainText(nl("what.themes.options.medication"));
    });

    test("the back button walks back through the questions with the answers kept", async ({ page }) => {
      test.setTimeout(120_000);
      await toCheckPage(page, js);
      await page.goBack();
      await expect(page).toHaveURL("/verhaal/gemeente");
      await page.goBack();
      await expect(page).toHaveURL("/verhaal/contact");
      await expect(
        page.getByRole("radio", { name: new RegExp(`^${nl("contact.options.none.label")}`) }),
      ).toBeChecked();
      await page.goBack();
      await expect(page).toHaveURL("/verhaal/wensen");
      await page.goBack();
      await page.goBack();
      await page.goBack();
      await expect(page).toHaveURL("/verhaal/wat-is-er-gebeurd");
      await expect(page.getByRole("textbox", { name: nl("what.question") })).toHaveValue("Eerste versie.");
      // Continuing from here goes forward one question at a time, the answers still there.
      await continueOn(page, "nl");
      await expect(page).toHaveURL("/verhaal/onderwerpen");
      await continueOn(page, "nl");
      await expect(page).toHaveURL("/verhaal/veilig");
      await expect(page.getByRole("radio", { name: nl("safe.options.yes"), exact: true })).toBeChecked();
    });
  });
}
