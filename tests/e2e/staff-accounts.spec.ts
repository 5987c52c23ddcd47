/**
 * Accounts (issue 16, point 6): a coordinator makes a password reset link that a colleague uses once;
 * everyone changes their own password (their other sessions end) and makes new recovery codes from the
 * staff menu. Staff pages run with JavaScript; one journey in Dutch, one in English. The rules themselves
 * (single use, expiry, audit) are in app/server/staff-password.server.test.ts.
 */
import fs from "node:fs";
import { test, type Page } from "@playwright/test";
import { expect } from "./expect";
import { createStaff, e2eDatabase } from "../helpers/seed-cases";
import { localeText, viewportScreenshots } from "./helpers";
import { expectErrorTitle, open, signIn, type Lng } from "./staff-helpers";

const s = (lng: Lng, key: string, values: Record<string, string> = {}) =>
  localeText(lng, "staff", key, values);

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

async function fillNewPassword(page: Page, lng: Lng, password: string, again = password) {
  await page.getByLabel(s(lng, "account.password"), { exact: true }).fill(password);
  await page.getByLabel(s(lng, "account.passwordAgain"), { exact: true }).fill(again);
}

test("a coordinator makes a password reset link; the colleague uses it once and signs in (nl)", async ({
  browser,
  page,
}) => {
  const l: Lng = "nl";
  const db = e2eDatabase();
  const coordinator = await createStaff(db, { role: "coordinator" });
  const worker = await createStaff(db, { role: "ombudsworker" });
  await signIn(page, coordinator, l);
  await open(page, `/medewerker/team/${worker.id}`, l);
  await page.getByRole("button", { name: s(l, "memberReset.submit") }).click();
  const made = page.getByRole("status").filter({ hasText: s(l, "memberReset.madeHeading") });
  await expect(made).toBeVisible();
  const link = (await made.locator("code").textContent())!;
  expect(link).toMatch(/\/medewerker\/wachtwoord-herstellen\/[\w-]{43}$/);
  await made.getByRole("button", { name: s(l, "copy.copy") }).click();
  await expect(made.getByRole("status")).toHaveText(s(l, "copy.copied"));
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await viewportScreenshots(page, "staff-member-reset-link-nl");

  // The colleague, in another browser, signed in before: that session ends with the reset.
  const before = await browser.newContext({ locale: "nl-NL" });
  const beforePage = await before.newPage();
  await signIn(beforePage, worker, l);

  const colleague = await browser.newContext({ locale: "nl-NL" });
  const cp = await colleague.newPage();
  const path = new URL(link).pathname;
  await open(cp, path, l);
  await expect(cp.getByRole("heading", { level: 1 })).toHaveText(s(l, "passwordReset.title"));
  await fillNewPassword(cp, l, "een nieuwe lange zin", "een andere lange zin");
  await cp.getByRole("button", { name: s(l, "passwordReset.submit") }).click();
  await expectErrorTitle(cp, l);
  await expect(cp.getByRole("alert")).toContainText(s(l, "errors.passwordMismatch"));
  await viewportScreenshots(cp, "staff-password-reset-error-nl");
  await fillNewPassword(cp, l, "een nieuwe lange zin");
  await cp.getByRole("button", { name: s(l, "passwordReset.submit") }).click();
  await expect(cp).toHaveURL(/\/medewerker\/inloggen\?reden=passwordReset/);
  await expect(cp.getByRole("status")).toHaveText(s(l, "signIn.notice.passwordReset"));

  // Used once: the link no longer works.
  expect((await cp.goto(`${path}?lng=${l}`))?.status()).toBe(404);
  await expect(cp.getByText(s(l, "passwordReset.invalid"))).toBeVisible();

  // The old session has ended; the new password and the app code sign in.
  await beforePage.reload();
  await expect(beforePage).toHaveURL(/\/medewerker\/inloggen/);
  await signIn(cp, { ...worker, password: "een nieuwe lange zin" }, l, 1);
  await expect(cp.getByRole("heading", { level: 1 })).toBeVisible();
  await before.close();
  await colleague.close();
});

test("someone changes their own password and makes new recovery codes from the menu (en)", async ({
  browser,
  page,
}) => {
  const l: Lng = "en";
  const worker = await createStaff(e2eDatabase(), { role: "ombudsworker" });
  const elsewhere = await browser.newContext({ locale: "en-GB" });
  const elsewherePage = await elsewhere.newPage();
  await signIn(elsewherePage, worker, l);
  await signIn(page, worker, l, 1);

  const account = page.getByRole("navigation", { name: s(l, "nav.accountLabel") });
  await account.getByRole("link", { name: s(l, "nav.password") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(s(l, "password.title"));
  await page.waitForLoadState("networkidle");
  await page.getByLabel(s(l, "password.current")).fill("not my password at all");
  await page.getByLabel(s(l, "password.new"), { exact: true }).fill("a fresh long sentence");
  await page.getByLabel(s(l, "password.again")).fill("a fresh long sentence");
  await page.getByRole("button", { name: s(l, "password.submit") }).click();
  await expectErrorTitle(page, l);
  await expect(page.getByRole("alert")).toContainText(s(l, "errors.currentPasswordWrong"));
  await viewportScreenshots(page, "staff-password-error-en");
  await page.getByLabel(s(l, "password.current")).fill(worker.password);
  await page.getByLabel(s(l, "password.new"), { exact: true }).fill("a fresh long sentence");
  await page.getByLabel(s(l, "password.again")).fill("a fresh long sentence");
  await page.getByRole("button", { name: s(l, "password.submit") }).click();
  await expect(page.getByRole("status")).toHaveText(s(l, "password.done"));
  // This session stays; the one in the other browser has ended.
  await elsewherePage.reload();
  await expect(elsewherePage).toHaveURL(/\/medewerker\/inloggen/);
  await elsewhere.close();

  await account.getByRole("link", { name: s(l, "nav.recoveryCodes") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(s(l, "recovery.title"));
  await page.waitForLoadState("networkidle");
  await page.getByLabel(s(l, "recovery.password")).fill("a fresh long sentence");
  await page.getByLabel(s(l, "recovery.code")).fill("000000");
  await page.getByRole("button", { name: s(l, "recovery.renew") }).click();
  await expectErrorTitle(page, l);
  await expect(page.getByRole("alert")).toContainText(s(l, "errors.codeWrong"));
  await page.getByLabel(s(l, "recovery.password")).fill("a fresh long sentence");
  // Both app codes of this minute went into the two sign-ins: a recovery code counts too.
  await page.getByLabel(s(l, "recovery.code")).fill(worker.recoveryCodes[0]!);
  await page.getByRole("button", { name: s(l, "recovery.renew") }).click();
  const codes = page.getByRole("list", { name: s(l, "recovery.listLabel") }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const shown = await codes.allTextContents();
  expect(shown).not.toContain(worker.recoveryCodes[1]);

  await page.getByRole("button", { name: s(l, "recovery.copy") }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown.join("\n"));
  await expect(page.getByRole("button", { name: s(l, "recovery.print") })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: s(l, "recovery.download") }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(s(l, "recovery.fileName"));
  const text = fs.readFileSync((await file.path())!, "utf8");
  for (const code of shown) expect(text).toContain(code);
  await viewportScreenshots(page, "staff-recovery-codes-new-en");
});
