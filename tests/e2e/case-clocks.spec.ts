/**
 * The clocks of a case (issue 16, point 3; ADR 039): a worker says a message is the acknowledgement, sets
 * a follow-up date with a reason, and finds the case due today at the top of the queue with that reason on
 * the case page. In Dutch with JavaScript; the follow-up form's errors and "done" in English without it
 * (ADR 033's pairs).
 */
import { test, type Page } from "@playwright/test";
import { expect } from "./expect";
import { formatCaseCode } from "~/domain/codes";
import { addDays, amsterdamDate } from "~/domain/working-days";
import { createStaff, e2eDatabase, seedCase } from "../helpers/seed-cases";
import { viewportScreenshots } from "./helpers";
import { expectErrorTitle, open, signIn, type Lng } from "./staff-helpers";

const db = () => e2eDatabase();

async function newCase(page: Page, lng: Lng) {
  const worker = await createStaff(db(), { role: "ombudsworker" });
  // A unit of its own, so the queue filtered on it shows only this case's row.
  const c = seedCase(db(), { kind: "testimony", unitId: null, themes: ["isolation"] });
  await signIn(page, worker, lng);
  return { ...c, worker };
}

test.describe("with JavaScript, in Dutch", () => {
  test("a message marked as acknowledgement, a follow-up date for today, and the case due today in the queue", async ({
    page,
  }) => {
    const c = await newCase(page, "nl");
    await open(page, `/medewerker/zaken/${c.id}`, "nl");
    const next = page.locator(".case__next");
    await expect(next).toContainText("Ontvangst bevestigen:");

    await page
      .getByLabel("Bericht", { exact: true })
      .fill("We hebben je verhaal ontvangen en lezen het goed.");
    await page
      .getByRole("radiogroup", { name: "Dit bericht is" })
      .getByText("De ontvangstbevestiging")
      .click();
    await page.getByRole("button", { name: "Bericht versturen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Het bericht is verstuurd" })).toBeVisible();
    await expect(next).toContainText("Eerste antwoord:");
    await expect(page.getByRole("list", { name: "Tijdlijn die de melder ziet" })).toContainText(
      "Ontvangst bevestigd",
    );
    // Acknowledging twice is not offered any more.
    await expect(page.getByRole("radio", { name: "De ontvangstbevestiging" })).toHaveCount(0);

    const today = amsterdamDate(Date.now());
    await page.getByLabel("Datum", { exact: true }).fill(today);
    await page.getByLabel("Waarom?").fill("Gemeente terugbellen");
    await page.getByRole("button", { name: "Terugkomdatum zetten" }).click();
    await expect(page.getByRole("status").filter({ hasText: "De terugkomdatum is gezet" })).toBeVisible();
    await expect(next).toContainText("Terugkomdatum:");
    await expect(next).toContainText("Vandaag");
    await expect(page.getByRole("list", { name: "Interne tijdlijn" })).toContainText("Gemeente terugbellen");
    await viewportScreenshots(page, "case-clocks-follow-up");

    // The worker's own cases: this one, at the top as it is due today.
    await page.getByRole("button", { name: "Aan mij toewijzen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "De behandelaar is aangepast" })).toBeVisible();
    await open(page, "/medewerker?assignee=mine", "nl");
    const code = formatCaseCode(c.code);
    const row = page.getByRole("row").nth(1);
    await expect(row.getByRole("link", { name: code })).toBeVisible();
    await expect(row).toContainText("Terugkomen:");
    await expect(row).toContainText("Vandaag");
    await open(page, "/medewerker", "nl");
    await viewportScreenshots(page, "case-clocks-queue");
  });
});

test.describe("without JavaScript, in English", () => {
  test.use({ javaScriptEnabled: false });

  test("a follow-up date in the past is refused with what was typed kept, and done removes it", async ({
    page,
  }) => {
    const c = await newCase(page, "en");
    await open(page, `/medewerker/zaken/${c.id}`, "en");
    const yesterday = addDays(amsterdamDate(Date.now()), -1);
    await page.getByLabel("Date", { exact: true }).fill(yesterday);
    await page.getByLabel("Why?").fill("Call the unit back");
    await page.getByRole("button", { name: "Set follow-up date" }).click();
    await expectErrorTitle(page, "en");
    await expect(page.getByRole("alert")).toContainText("Choose today or a later day");
    await expect(page.getByLabel("Why?")).toHaveValue("Call the unit back");
    await viewportScreenshots(page, "case-clocks-follow-up-error");

    await page.getByLabel("Date", { exact: true }).fill(addDays(yesterday, 2));
    await page.getByRole("button", { name: "Set follow-up date" }).click();
    await expect(page.getByRole("status")).toContainText("The follow-up date is set");
    await expect(page.locator(".case__next")).toContainText("Follow-up date:");
    await page.getByRole("button", { name: "Done: remove follow-up date" }).click();
    await expect(page.getByRole("status")).toContainText("The follow-up date is removed");
    await expect(page.locator(".case__next")).toContainText("Acknowledge:");
  });
});
