/**
 * While an address is locked after too many wrong passwords (docs/decisions/019), the sign-in page asks
 * for the password and a code together, and the account holder gets in that way, also without JavaScript.
 */
import { test } from "@playwright/test";
import { expect } from "./expect";
import { MAX_FAILURES } from "~/domain/sign-in-throttle";
import { schema } from "~/server/db.server";
import { addressKey } from "~/server/sign-in-throttle.server";
import { codeFor, createStaff, e2eDatabase } from "../helpers/seed-cases";
import { languages } from "./helpers";
import { label, type Lng } from "./staff-helpers";

const together = {
  code: { nl: "Code uit je app of een herstelcode", en: "Code from your app or a recovery code" },
} as const;

test.use({ javaScriptEnabled: false });

for (const lng of languages) {
  const l = lng as Lng;
  test(`while locked, the holder signs in with password and code together (${lng})`, async ({ page }) => {
    const db = e2eDatabase();
    const worker = await createStaff(db, { role: "ombudsworker" });
    // The address as an attacker leaves it: the last password attempt of a round made, locked.
    const now = Date.now();
    db.insert(schema.signInThrottle)
      .values({
        addressKey: addressKey(worker.email),
        failures: MAX_FAILURES,
        lockedUntil: now + 15 * 60_000,
        locks: 1,
        updatedAt: now,
      })
      .run();

    await page.goto(`/medewerker/inloggen?lng=${l}`);
    await page.getByLabel(label.email[l]).fill(worker.email);
    await page.getByLabel(label.password[l], { exact: true }).fill(worker.password);
    await page.getByRole("button", { name: label.continue[l] }).click();
    await expect(page).toHaveTitle(new RegExp(`^${label.errorPrefix[l]}`));
    const code = page.getByLabel(together.code[l]);
    await expect(code).toBeVisible();

    await page.getByLabel(label.password[l], { exact: true }).fill(worker.password);
    await code.fill(codeFor(worker.totpSecret));
    await page.getByRole("button", { name: label.continue[l] }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(label.queue[l]);
  });
}

test("a wrong code with the right password while locked gets the same answer as a wrong password", async ({
  page,
}) => {
  const db = e2eDatabase();
  const worker = await createStaff(db, { role: "ombudsworker" });
  db.insert(schema.signInThrottle)
    .values({
      addressKey: addressKey(worker.email),
      failures: MAX_FAILURES,
      lockedUntil: Date.now() + 15 * 60_000,
      locks: 1,
      updatedAt: Date.now(),
    })
    .run();
  const answers: string[] = [];
  for (const password of [worker.password, "niet het goede wachtwoord"]) {
    await page.goto("/medewerker/inloggen?lng=nl");
    await page.getByLabel(label.email.nl).fill(worker.email);
    await page.getByLabel(label.password.nl, { exact: true }).fill(password);
    await page.getByRole("button", { name: label.continue.nl }).click();
    await page.getByLabel(label.password.nl, { exact: true }).fill(password);
    await page.getByLabel(together.code.nl).fill("000000");
    await page.getByRole("button", { name: label.continue.nl }).click();
    await expect(page).toHaveTitle(/^Fout: /);
    answers.push((await page.getByRole("alert").textContent()) ?? "");
  }
  expect(answers[0]).toBe(answers[1]);
});
