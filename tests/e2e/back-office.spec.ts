/**
 * The back office as a daily tool (issue 16): finding a case from what a caller says, a compact queue
 * whose filters apply as they change and survive a visit to a case, and a case page with the story first.
 */
import { test, type Page } from "@playwright/test";
import { expect } from "./expect";
import { and, eq } from "drizzle-orm";
import { schema } from "~/server/db.server";
import { createStaff, e2eDatabase, seedCase } from "../helpers/seed-cases";
import { expectNoAxeViolations, viewportScreenshots } from "./helpers";
import { open, signIn } from "./staff-helpers";

const db = () => e2eDatabase();

async function signedInWorker(page: Page) {
  const worker = await createStaff(db(), { role: "ombudsworker" });
  await signIn(page, worker, "nl");
  return worker;
}

test("a worker finds a case by the phone number, the name or the code a caller gives", async ({ page }) => {
  const c = seedCase(db(), {
    kind: "contact",
    contact: { name: "Yara El-Amrani", phone: "06 4321 9876", email: "Yara.E@example.org" },
  });
  const code = `${c.code.slice(0, 4)}-${c.code.slice(4)}`;
  await signedInWorker(page);
  await open(page, "/medewerker", "nl");

  const search = page.getByRole("searchbox", { name: "Zoek op code, naam, telefoon of e-mail" });
  await search.fill("+31 6 43219876");
  await search.press("Enter");
  await expect(page.getByRole("status")).toHaveText(/1 zaak gevonden/);
  const row = page.getByRole("row", { name: new RegExp(code) });
  await expect(row.getByRole("cell", { name: "Telefoon" })).toBeVisible();
  await expectNoAxeViolations(page, "search results");

  await search.fill("yara el-amrani");
  await search.press("Enter");
  await expect(page.getByRole("link", { name: code })).toBeVisible();

  // Lower case, no hyphen, an O for a zero: still the code.
  await search.fill(c.code.toLowerCase().replace(/0/g, "o"));
  await search.press("Enter");
  // The same case is already listed for the name: wait for this search's results before opening it.
  await expect(page).toHaveURL(new RegExp(`q=${c.code.toLowerCase().replace(/0/g, "o")}`));
  await page.getByRole("link", { name: code }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(code);
  await page.getByRole("link", { name: "Terug naar de wachtrij" }).click();
  await expect(page).toHaveURL(/\/medewerker\?q=/);
  await expect(search).toHaveValue(c.code.toLowerCase().replace(/0/g, "o"));

  await search.fill("niemand-met-deze-naam@example.org");
  await search.press("Enter");
  await expect(page.getByText("Geen zaak gevonden.")).toBeVisible();
});

test("the queue shows ten cases above the fold, applies filters at once and keeps them after a case", async ({
  page,
}) => {
  const worker = await signedInWorker(page);
  // The last unit, which no other test writes to: the queue then shows this test's cases only, whatever
  // the other workers have added meanwhile (their tags and kinds change how tall and wide rows are).
  const unitId = db()
    .select({ id: schema.units.id })
    .from(schema.units)
    .all()
    .reduce((max, u) => Math.max(max, u.id), 0);
  for (let i = 0; i < 14; i++) seedCase(db(), { kind: i % 2 ? "complaint" : "testimony", unitId });
  const mine = seedCase(db(), { kind: "complaint", assigneeId: worker.id, unitId });
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, `/medewerker?unit=${unitId}`, "nl");

  const table = page.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText([
    "Code",
    "Soort",
    "Onderwerpen",
    "Ontvangen",
    "Laatste activiteit",
    "Termijn",
    "Status",
    "Behandelaar",
  ]);
  await viewportScreenshots(page, "back-office-queue");
  const inView = await table
    .locator("tbody tr")
    .evaluateAll((rows) => rows.filter((r) => r.getBoundingClientRect().bottom <= window.innerHeight).length);
  expect(inView).toBeGreaterThanOrEqual(10);
  // Each filter shows its chosen value whole: the text, set in the select's own font, fits inside it
  // (a select squeezed into a grid column once showed "Alle soorte").
  const cut = await page.locator(".queue-filters select").evaluateAll((selects) =>
    (selects as HTMLSelectElement[])
      .filter((sel) => {
        const style = getComputedStyle(sel);
        const ctx = document.createElement("canvas").getContext("2d")!;
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = ctx.measureText(sel.selectedOptions[0]?.text ?? "").width;
        const room = sel.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
        return text > room;
      })
      .map((sel) => sel.name),
  );
  expect(cut).toEqual([]);
  await expect(page.locator("caption")).toHaveText("Zaken, urgent eerst en dan de dichtstbijzijnde termijn");

  // With JavaScript a filter applies as soon as it changes, without pressing the button (which stays).
  await page.getByLabel("Soort", { exact: true }).selectOption("complaint");
  await expect(page).toHaveURL(/kind=complaint/);
  await page.getByLabel("Sorteren", { exact: true }).selectOption("newest");
  await expect(page).toHaveURL(/kind=complaint.*sort=newest|sort=newest.*kind=complaint/);
  await expect(page.locator("caption")).toHaveText("Zaken, de nieuwste eerst");
  for (const kind of await table.locator("tbody td:nth-child(2)").allTextContents())
    expect(kind).toBe("Klacht");

  // "My cases", then into a case and back: the view is the same.
  await page.getByRole("link", { name: "Mijn zaken" }).click();
  await expect(page).toHaveURL(/assignee=mine/);
  await expect(page.getByRole("link", { name: "Mijn zaken" })).toHaveAttribute("aria-current", "page");
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await table.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/medewerker/zaken/${mine.id}\\?terug=`));
  await page.getByRole("link", { name: "Terug naar de wachtrij" }).click();
  await expect(page).toHaveURL(/assignee=mine/);
  await expect(page).toHaveURL(/kind=complaint/);
  await expect(page.getByLabel("Sorteren", { exact: true })).toHaveValue("newest");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the filters are a form with a button", async ({ page }) => {
    await signedInWorker(page);
    seedCase(db(), { kind: "contact" });
    await page.goto("/medewerker?lng=nl");
    await page.getByLabel("Soort", { exact: true }).selectOption("contact");
    await page.getByRole("button", { name: "Toepassen" }).click();
    await expect(page).toHaveURL(/kind=contact/);
    await expect(page.getByRole("table").locator("tbody td:nth-child(2)").first()).toHaveText(
      "Contactverzoek",
    );
  });
});

test("acting on a case logs one look, contact details stay shown once shown, an erased case says so", async ({
  page,
}) => {
  const worker = await signedInWorker(page);
  const c = seedCase(db(), { contact: { name: "Noor", phone: "06 5555 1234" } });
  const auditOf = (action: string) =>
    db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.caseId, c.id), eq(schema.auditLog.action, action)))
      .all().length;

  await open(page, `/medewerker/zaken/${c.id}`, "nl");
  await page.getByLabel("Notitie", { exact: true }).fill("Gebeld, geen gehoor.");
  await page.getByRole("button", { name: "Notitie opslaan" }).click();
  await expect(page.getByText("De notitie is opgeslagen.")).toBeVisible();
  expect(auditOf("case_viewed")).toBe(1);

  await page.getByRole("button", { name: "Contactgegevens tonen" }).click();
  await expect(page.getByText("06 5555 1234")).toBeVisible();
  await open(page, `/medewerker/zaken/${c.id}`, "nl");
  await expect(page.getByText("06 5555 1234")).toBeVisible();
  expect(auditOf("contact_viewed")).toBe(1);
  await page.setViewportSize({ width: 1280, height: 800 });
  await viewportScreenshots(page, "back-office-case");

  db()
    .update(schema.cases)
    .set({ erasedAt: Date.now(), assigneeId: worker.id })
    .where(eq(schema.cases.id, c.id))
    .run();
  const response = await open(page, `/medewerker/zaken/${c.id}`, "nl");
  expect(response?.status()).toBe(200);
  await expect(page.getByText(/De melder heeft deze zaak op .* gewist/)).toBeVisible();
});
