/**
 * Tags and linked cases (issue 16, point 5; ADR 041): a worker tags a case, finds it through the queue's
 * tag filter, removes the tag; links two cases by a code typed any way, sees the link on both, closes the
 * duplicate as one and unlinks. In Dutch with JavaScript; the English errors run without it (ADR 033).
 */
import { test } from "@playwright/test";
import { expect } from "./expect";
import { formatCaseCode } from "~/domain/codes";
import { createStaff, e2eDatabase, seedCase } from "../helpers/seed-cases";
import { expectNoAxeViolations, viewportScreenshots } from "./helpers";
import { expectErrorTitle, open, signIn } from "./staff-helpers";

const db = () => e2eDatabase();

/** A tag no other test (or retry) uses, so the queue filtered by it shows this test's case only. */
const uniqueTag = () => `pers ${Math.random().toString(36).slice(2, 8)}`;

test.describe("with JavaScript, in Dutch", () => {
  test("a worker tags a case, filters the queue by the tag and removes it", async ({ page }) => {
    const worker = await createStaff(db(), { role: "ombudsworker" });
    const c = seedCase(db(), { kind: "complaint" });
    const code = formatCaseCode(c.code);
    const tag = uniqueTag();
    await signIn(page, worker, "nl");
    await open(page, `/medewerker/zaken/${c.id}`, "nl");

    const tags = page.getByRole("region", { name: "Labels" });
    await expect(tags).toContainText("Deze zaak heeft nog geen labels.");
    await tags.getByRole("button", { name: "Label toevoegen" }).click();
    await expectErrorTitle(page, "nl");
    await expect(page.getByRole("alert")).toContainText("Typ een label");
    await expectNoAxeViolations(page, "case page, tag error");

    await page.getByLabel("Label toevoegen").fill(`  ${tag.toUpperCase()} `);
    await tags.getByRole("button", { name: "Label toevoegen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Het label is toegevoegd." })).toBeVisible();
    await expect(tags.getByRole("list", { name: "Labels" })).toHaveText(new RegExp(tag));
    await expect(page.getByRole("list", { name: "Interne tijdlijn" })).toContainText("Label toegevoegd");
    await expect(page.getByRole("list", { name: "Tijdlijn die de melder ziet" })).not.toContainText(tag);
    await expectNoAxeViolations(page, "case page with a tag");
    await viewportScreenshots(page, "case-tags");

    await open(page, "/medewerker?status=all", "nl");
    await page.getByLabel("Label", { exact: true }).selectOption({ label: tag });
    await expect(page).toHaveURL(/tag=\d+/);
    await expect(page.getByRole("status").filter({ hasText: /^1 zaak/ })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: code });
    await expect(row.getByRole("list", { name: `Labels van zaak ${code}` })).toHaveText(tag);
    await expectNoAxeViolations(page, "queue filtered by tag");
    await viewportScreenshots(page, "queue-by-tag");

    await row.getByRole("link", { name: code }).click();
    await page.getByRole("button", { name: `Weghalen label ${tag}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Het label is weggehaald." })).toBeVisible();
    await expect(tags).toContainText("Deze zaak heeft nog geen labels.");
    await expect(page.getByRole("list", { name: "Interne tijdlijn" })).toContainText("Label weggehaald");
  });

  test("a worker links a duplicate by its code, sees the link on both cases, closes the duplicate and unlinks", async ({
    page,
  }) => {
    const worker = await createStaff(db(), { role: "ombudsworker" });
    const dup = seedCase(db(), { kind: "testimony" });
    const original = seedCase(db(), { kind: "testimony" });
    const dupCode = formatCaseCode(dup.code);
    const originalCode = formatCaseCode(original.code);
    await signIn(page, worker, "nl");
    await open(page, `/medewerker/zaken/${dup.id}`, "nl");
    const links = page.getByRole("region", { name: "Gekoppelde zaken" });
    const codeField = page.getByLabel("Code van de andere zaak");

    // Its own code, and a code nobody has: clear errors, what was typed kept.
    await codeField.fill(dupCode);
    await page.getByText("Deze zaak is een dubbel van die zaak").click();
    await links.getByRole("button", { name: "Zaken koppelen" }).click();
    await expectErrorTitle(page, "nl");
    await expect(page.getByRole("alert")).toContainText("Dit is de code van deze zaak zelf");
    await expect(codeField).toHaveValue(dupCode);
    await codeField.fill("zzzz zzzz");
    await links.getByRole("button", { name: "Zaken koppelen" }).click();
    await expect(page.getByRole("alert")).toContainText("Er is geen zaak met deze code");
    await expect(codeField).toHaveValue("zzzz zzzz");
    await expect(page.getByRole("radio", { name: "Deze zaak is een dubbel van die zaak" })).toBeChecked();
    await expectNoAxeViolations(page, "case page, link error");
    await viewportScreenshots(page, "case-link-error");

    // The code as someone reads it out: small letters, no hyphen.
    await codeField.fill(original.code.toLowerCase());
    await links.getByRole("button", { name: "Zaken koppelen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "De zaken zijn gekoppeld." })).toBeVisible();
    await expect(links.getByRole("list", { name: "Gekoppelde zaken" })).toContainText(
      `Dubbel van ${originalCode}`,
    );
    await expect(page.getByRole("list", { name: "Interne tijdlijn" })).toContainText(
      `Gekoppeld als dubbel van zaak ${originalCode}`,
    );
    await expectNoAxeViolations(page, "case page with a link");

    // Closed as the duplicate it is.
    await page.getByLabel("Uitkomst").fill("We behandelen je verhaal samen met je eerdere melding.");
    await page.getByText(/Ja, sluit deze zaak af/).click();
    await expect(
      page.getByRole("checkbox", { name: `Afsluiten als dubbel van ${originalCode}` }),
    ).toBeChecked();
    await page.getByRole("button", { name: "Zaak afsluiten" }).click();
    await expect(page.getByRole("status").filter({ hasText: "De zaak is afgesloten" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Afgesloten: dubbel");
    // The reporter reads the outcome, not that it is a duplicate of someone else's case.
    const reporter = page.getByRole("list", { name: "Tijdlijn die de melder ziet" });
    await expect(reporter).toContainText("We behandelen je verhaal samen met je eerdere melding.");
    await expect(reporter).not.toContainText(originalCode);

    // The other side.
    await links.getByRole("link", { name: originalCode }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(originalCode);
    const otherLinks = page.getByRole("region", { name: "Gekoppelde zaken" });
    await expect(otherLinks).toContainText(`Heeft als dubbel ${dupCode} (Afgesloten: dubbel)`);
    await expect(page.getByRole("list", { name: "Interne tijdlijn" })).toContainText(
      `Zaak ${dupCode} gekoppeld als dubbel van deze zaak`,
    );
    await viewportScreenshots(page, "case-linked-original");

    await otherLinks.getByRole("button", { name: `Ontkoppelen van zaak ${dupCode}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "De koppeling is weggehaald." })).toBeVisible();
    await expect(otherLinks).toContainText("Deze zaak is niet aan een andere zaak gekoppeld.");
    await open(page, `/medewerker/zaken/${dup.id}`, "nl");
    await expect(page.getByRole("region", { name: "Gekoppelde zaken" })).toContainText(
      "Deze zaak is niet aan een andere zaak gekoppeld.",
    );
    await expect(page.getByRole("list", { name: "Interne tijdlijn" })).toContainText(
      `Niet meer gekoppeld als dubbel van zaak ${originalCode}`,
    );
  });
});

test.describe("without JavaScript, in English", () => {
  test.use({ javaScriptEnabled: false });

  test("the tag and link forms answer in English and keep what was typed", async ({ page }) => {
    const worker = await createStaff(db(), { role: "ombudsworker" });
    const c = seedCase(db(), { kind: "complaint" });
    await signIn(page, worker, "en");
    await open(page, `/medewerker/zaken/${c.id}`, "en");

    const long = "a tag that is far too long to be one";
    await page.getByLabel("Add a tag").fill(long);
    await page.getByRole("region", { name: "Tags" }).getByRole("button", { name: "Add tag" }).click();
    await expectErrorTitle(page, "en");
    await expect(page.getByRole("alert")).toContainText("at most 30 characters");
    await expect(page.getByLabel("Add a tag")).toHaveValue(long);

    await page.getByLabel("Code of the other case").fill("ZZZZ-ZZZZ");
    await page.getByRole("button", { name: "Link cases" }).click();
    await expectErrorTitle(page, "en");
    await expect(page.getByRole("alert")).toContainText("Choose how the cases are connected");
    await expect(page.getByLabel("Code of the other case")).toHaveValue("ZZZZ-ZZZZ");
    await page.getByText("The cases belong together").click();
    await page.getByRole("button", { name: "Link cases" }).click();
    await expect(page.getByRole("alert")).toContainText("There is no case with this code");
    await expect(page.getByLabel("Code of the other case")).toHaveValue("ZZZZ-ZZZZ");
    await expect(page.getByRole("radio", { name: /The cases belong together/ })).toBeChecked();
  });
});
