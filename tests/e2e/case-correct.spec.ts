/**
 * Correcting and reopening a case (issue 16, point 5): a worker corrects the municipality and period, is
 * asked to confirm before closing a case whose referral is still open, and reopens it with a reason. In
 * Dutch with JavaScript; the English check runs without it (ADR 033's pairs).
 */
import { test, type Page } from "@playwright/test";
import { expect } from "./expect";
import { createStaff, e2eDatabase, seedCase } from "../helpers/seed-cases";
import { addReferral, organisationId } from "../helpers/follow-fixtures";
import { viewportScreenshots } from "./helpers";
import { expectErrorTitle, open, signIn, type Lng } from "./staff-helpers";

const db = () => e2eDatabase();

async function caseWithOpenReferral(page: Page, lng: Lng) {
  const worker = await createStaff(db(), { role: "ombudsworker" });
  const c = seedCase(db(), { kind: "complaint", periodFromYear: null, periodToYear: null });
  addReferral(c.id, organisationId("igj", db()), { status: "sent", db: db() });
  await signIn(page, worker, lng);
  return { ...c, worker };
}

test.describe("with JavaScript, in Dutch", () => {
  test("a worker corrects the facts, is warned before closing with an open referral, and reopens the case", async ({
    page,
  }) => {
    const c = await caseWithOpenReferral(page, "nl");
    await open(page, `/medewerker/zaken/${c.id}`, "nl");

    await page.getByRole("link", { name: /Gegevens corrigeren/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("corrigeren");
    await page.getByLabel("Gemeente").selectOption({ label: "Utrecht" });
    await page.getByLabel("Periode vanaf (jaar)").fill("2020");
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await expect(page.getByRole("status").filter({ hasText: "De gegevens zijn gecorrigeerd" })).toBeVisible();
    const internal = page.getByRole("list", { name: "Interne tijdlijn" });
    await expect(internal).toContainText("Gemeente gewijzigd van Onbekend naar Utrecht");
    await expect(internal).toContainText("Periode gewijzigd van Onbekend naar Vanaf 2020");
    await expect(internal).toContainText(c.worker.name);

    await page.getByLabel("Uitkomst").fill("We hebben je klacht besproken met de instelling.");
    await page.getByText(/Ja, sluit deze zaak af/).click();
    await page.getByRole("button", { name: "Zaak afsluiten" }).click();
    const warning = page.getByRole("group", { name: /nog een lopende verwijzing/ });
    await expect(warning).toBeFocused();
    await expect(warning).toContainText("Inspectie");
    await expect(page.getByLabel("Uitkomst")).toHaveValue("We hebben je klacht besproken met de instelling.");
    await viewportScreenshots(page, "case-close-warning");
    await page.getByRole("button", { name: "Toch afsluiten" }).click();
    await expect(page.getByRole("status").filter({ hasText: "De zaak is afgesloten" })).toBeVisible();

    await page.getByRole("button", { name: "Zaak weer openen" }).click();
    await expectErrorTitle(page, "nl");
    await expect(page.getByRole("alert")).toContainText("Schrijf op waarom je de zaak weer opent");
    await page.getByLabel("Waarom open je de zaak weer?").fill("De melder belde met nieuwe informatie.");
    await page.getByRole("button", { name: "Zaak weer openen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "De zaak is weer geopend" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("In behandeling");
    const reporter = page.getByRole("list", { name: "Tijdlijn die de melder ziet" });
    await expect(reporter).toContainText("Weer geopend");
    await expect(reporter).toContainText("De melder belde met nieuwe informatie.");
    await viewportScreenshots(page, "case-reopened");
  });
});

test.describe("without JavaScript, in English", () => {
  test.use({ javaScriptEnabled: false });

  test("the facts form answers in English and keeps what was typed", async ({ page }) => {
    const c = await caseWithOpenReferral(page, "en");
    await open(page, `/medewerker/zaken/${c.id}/gegevens`, "en");
    await page.getByLabel("Period from (year)").fill("2023");
    await page.getByLabel("Period up to and including (year)").fill("2021");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expectErrorTitle(page, "en");
    await expect(page.getByRole("alert")).toContainText("cannot be before");
    await expect(page.getByLabel("Period from (year)")).toHaveValue("2023");
    await viewportScreenshots(page, "case-facts-error");
  });
});
