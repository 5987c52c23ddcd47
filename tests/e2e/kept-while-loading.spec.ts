/**
 * What is typed right after an error appears stays. With JavaScript, React Router shows an action's errors
 * while it still reloads the page's data, and changes the location only after that. The forms were keyed
 * on the location, so text typed in that moment was wiped (CI, stop 22: the outcome typed after "close"
 * was refused came back empty). The page's data reload is held back here for two seconds, as on a slow
 * line, and the person types in that time.
 */
import { test } from "@playwright/test";
import { expect } from "./expect";
import { createStaff, e2eDatabase, seedCase } from "../helpers/seed-cases";
import { expectErrorTitle, open, signIn } from "./staff-helpers";

test("an outcome typed while the refused close is still loading is kept", async ({ page }) => {
  const db = e2eDatabase();
  const worker = await createStaff(db, { role: "ombudsworker" });
  const c = seedCase(db, { kind: "complaint" });
  await signIn(page, worker, "nl");
  await open(page, `/medewerker/zaken/${c.id}`, "nl");
  await page.waitForFunction(() => "__remixRouter" in window);

  // After the refused POST, the reload of the page's data (GET …&_data=…) waits two seconds.
  let posted = false;
  await page.route(
    (url) => url.searchParams.has("_data"),
    async (route) => {
      if (route.request().method() === "POST") posted = true;
      else if (posted) await new Promise((r) => setTimeout(r, 2000));
      await route.continue();
    },
  );
  await page.getByRole("button", { name: "Zaak afsluiten" }).click();
  await expectErrorTitle(page, "nl");
  const outcome = page.getByLabel("Uitkomst");
  await outcome.fill("Wat ik meteen typte.");
  // The reload has finished: the address is the case's again, and the page shows it.
  await page.waitForFunction(
    () =>
      (window as unknown as { __remixRouter: { state: { navigation: { state: string } } } }).__remixRouter
        .state.navigation.state === "idle",
  );
  await page.waitForTimeout(300);
  await expect(outcome).toHaveValue("Wat ik meteen typte.");
});
