import fs from "node:fs";
import { test, type BrowserContext } from "@playwright/test";
import { expect } from "./expect";
import { createStaff, e2eDatabase, seedCase } from "../helpers/seed-cases";
import { startSession } from "~/server/staff-session.server";
import { expectNoAxeViolations, screenshots } from "./helpers";

/** Signs a staff member in by giving the browser a verified session (the sign-in itself is tested elsewhere). */
async function signIn(context: BrowserContext, role: "coordinator" | "ombudsworker") {
  const db = e2eDatabase();
  const staff = await createStaff(db, { role });
  const setCookie = startSession(db, staff.id, true);
  const token = setCookie.split(";")[0]!.split("=")[1]!;
  await context.addCookies([
    { name: "ap_staff", value: token, url: `${process.env.E2E_BASE_URL}/medewerker` },
  ]);
  return staff;
}

// A year that no other test writes to, so the figures are exactly ours.
const YEAR = 2023;
const at = (month: number, day = 10) =>
  Date.parse(`${YEAR}-${String(month).padStart(2, "0")}-${day}T10:00:00+01:00`);

// One worker for this file, and a seed that runs once even when a worker restarts.
test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  const db = e2eDatabase();
  const existing = db.$client
    .prepare("select count(*) as n from cases where received_at between ? and ?")
    .get(at(1, 1), at(12, 28)) as { n: number };
  if (existing.n > 0) return;
  for (let i = 0; i < 7; i++)
    seedCase(db, { kind: "testimony", receivedAt: at(2), themes: ["isolation"], wishes: ["heard"] });
  for (let i = 0; i < 2; i++)
    seedCase(db, { kind: "complaint", receivedAt: at(3), themes: ["restraint"], wishes: ["investigation"] });
  seedCase(db, { kind: "contact", receivedAt: at(8) });
});

for (const lng of ["nl", "en"] as const) {
  test(`a coordinator reads the statistics, switches period and downloads a CSV (${lng})`, async ({
    page,
    context,
  }) => {
    await signIn(context, "coordinator");
    await page.goto(`/medewerker/statistieken?lng=${lng}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      lng === "nl" ? "Statistieken" : "Statistics",
    );
    await expect(page.getByRole("img").first()).toBeVisible();

    await page.getByLabel(lng === "nl" ? "Van (maand)" : "From (month)").fill(`${YEAR}-01`);
    await page
      .getByLabel(lng === "nl" ? "Tot en met (maand)" : "Up to and including (month)")
      .fill(`${YEAR}-06`);
    await page.getByRole("button", { name: lng === "nl" ? "Toon cijfers" : "Show figures" }).click();
    await expect(page).toHaveURL(new RegExp(`van=${YEAR}-01&tot=${YEAR}-06`));
    const table = page.getByRole("table").first();
    const feb = table.getByRole("row", {
      name: new RegExp(`^feb ${YEAR}`, "i"),
    });
    await expect(feb.getByRole("cell").first()).toHaveText("7");
    await page.setViewportSize({ width: 320, height: 740 });
    await expectNoAxeViolations(page, `statistics ${lng} at 320 px`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshots(page, `statistics-${lng}`);

    const download = page.waitForEvent("download");
    await page
      .getByRole("link", { name: new RegExp(lng === "nl" ? "Zaken per maand" : "Cases per month") })
      .click();
    const file = await (await download).path();
    const csv = fs.readFileSync(file!, "utf8").replace(/^\uFEFF/, "");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(lng === "nl" ? /^Maand,Verhaal,/ : /^Month,Story,/);
    // March: 2 complaints → "<5". With a published total of 9, February's 7 would give the 2 away
    // (9 − 7), so it is hidden as "x" too; the total itself stays.
    expect(lines.find((l) => l.startsWith(`${YEAR}-03`))).toBe(`${YEAR}-03,0,<5,0,<5`);
    expect(lines.find((l) => l.startsWith(`${YEAR}-02`))).toBe(`${YEAR}-02,x,0,0,x`);
    expect(lines.at(-1)).toMatch(/,9$/);
    expect(csv).not.toMatch(/(^|,)[1-4](,|\r|$)/m);
  });
}

test("the period presets are links that work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await signIn(context, "coordinator");
  const page = await context.newPage();
  await page.goto("/medewerker/statistieken?lng=nl");
  await page.getByRole("link", { name: "Vorig jaar" }).click();
  await expect(page).toHaveURL(/periode=vorig-jaar/);
  await expect(page.getByRole("link", { name: "Vorig jaar" })).toHaveAttribute("aria-current", "true");
  await context.close();
});

test("an ombudsworker may not see statistics or settings", async ({ page, context }) => {
  await signIn(context, "ombudsworker");
  expect((await page.goto("/medewerker/statistieken"))?.status()).toBe(403);
  expect((await page.goto("/medewerker/statistieken-csv/themes"))?.status()).toBe(403);
  expect((await page.goto("/medewerker/instellingen"))?.status()).toBe(403);
});

test("a coordinator changes a setting; a wrong value gets a clear error and is kept", async ({
  page,
  context,
}) => {
  await signIn(context, "coordinator");
  await page.goto("/medewerker/instellingen?lng=nl");
  await page.getByLabel("Logboek bewaren (maanden)").fill("6");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page).toHaveTitle(/^Fout: /);
  await expect(page.getByRole("alert")).toContainText("Vul een heel getal in tussen 12 en 240");
  await expect(page.getByLabel("Logboek bewaren (maanden)")).toHaveValue("6");
  await page.getByLabel("Logboek bewaren (maanden)").fill("72");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("De instellingen zijn opgeslagen.");
  await expect(page.getByLabel("Logboek bewaren (maanden)")).toHaveValue("72");
  await screenshots(page, "settings-nl");
});
