/**
 * Who may do what: an ombudsworker is refused coordinator pages, a deactivated account is signed out at
 * once, coordinators invite and manage the team, and sign-in tells nobody which addresses exist.
 */
import { test, type Browser } from "@playwright/test";
import { expect } from "./expect";
import { eq } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { schema } from "~/server/db.server";
import { createStaff, e2eDatabase, seedCase, type TestStaff } from "../helpers/seed-cases";
import { expectNoAxeViolations, localeText, screenshots } from "./helpers";
import { expectErrorTitle, label, open, signIn, type Lng } from "./staff-helpers";

const forbidden = { nl: "Geen toegang", en: "No access" };

async function signedInPage(browser: Browser, staff: TestStaff, lng: Lng, step = 0) {
  const context = await browser.newContext({ locale: lng === "nl" ? "nl-NL" : "en-GB" });
  const page = await context.newPage();
  await signIn(page, staff, lng, step);
  return { context, page };
}

// Each check runs in one language, the two taking turns (ADR 033); staff-pages.spec.ts opens every staff
// page in both.
{
  const lng = "nl" as Lng;
  const l = lng;
  test(`an ombudsworker sees only the queue and gets 403 on coordinator pages (${lng})`, async ({
    browser,
  }) => {
    const worker = await createStaff(e2eDatabase(), { role: "ombudsworker" });
    const { context, page } = await signedInPage(browser, worker, l);
    const nav = page.getByRole("navigation", { name: /menu/i });
    // The queue and entering a case for a caller (ADR 040); no coordinator pages.
    await expect(nav.getByRole("link")).toHaveText([label.queue[l], localeText(l, "staff", "nav.entry")]);
    for (const path of ["/medewerker/team", "/medewerker/audit", `/medewerker/team/${worker.id}`]) {
      const response = await open(page, path, l);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(forbidden[l]);
      await expect(page).toHaveTitle(new RegExp(`^${forbidden[l]}`));
    }
    await expectNoAxeViolations(page, `403 ${lng}`);
    await screenshots(page, `staff-forbidden-${lng}`);
    // Actions are checked too, not only pages.
    // A case action without the form's CSRF token changes nothing.
    const db = e2eDatabase();
    const c = seedCase(db, { receivedAt: Date.now() - 86_400_000 });
    const forged = await page.request.post(`/medewerker/zaken/${c.id}`, {
      form: { intent: "note", note: "x" },
    });
    expect(forged.status()).toBe(400);
    expect(db.select().from(schema.notes).where(eq(schema.notes.caseId, c.id)).all()).toEqual([]);
    const post = await page.request.post(`/medewerker/team?lng=${lng}`, {
      form: { intent: "invite", role: "coordinator" },
    });
    expect(post.status()).toBe(403);
    await context.close();
  });
}

{
  const lng = "en" as Lng;
  const l = lng;
  test(`sign-in gives one answer for a wrong password and an unknown address (${lng})`, async ({ page }) => {
    const worker = await createStaff(e2eDatabase(), { role: "ombudsworker" });
    const messages: string[] = [];
    for (const [email, password] of [
      [worker.email, "not the right password"],
      [`nobody-${Date.now()}@example.org`, worker.password],
    ] as const) {
      await open(page, "/medewerker/inloggen", l);
      await page.getByLabel(label.email[l]).fill(email);
      await page.getByLabel(label.password[l], { exact: true }).fill(password);
      await page.getByRole("button", { name: label.continue[l] }).click();
      await expectErrorTitle(page, l);
      messages.push((await page.getByRole("alert").textContent()) ?? "");
    }
    expect(messages[0]).toBe(messages[1]);
    await expect(page.getByLabel(label.email[l])).not.toHaveValue("");
    await screenshots(page, `staff-sign-in-error-${lng}`);
  });
}

{
  const lng = "nl" as Lng;
  const l = lng;
  test(`a wrong code is refused, and a recovery code signs in once (${lng})`, async ({ page }) => {
    const worker = await createStaff(e2eDatabase(), { role: "ombudsworker" });
    const toCodePage = async () => {
      await open(page, "/medewerker/inloggen", l);
      await page.getByLabel(label.email[l]).fill(worker.email);
      await page.getByLabel(label.password[l], { exact: true }).fill(worker.password);
      await page.getByRole("button", { name: label.continue[l] }).click();
      await expect(page).toHaveURL(/\/inloggen\/code/);
      await page.waitForLoadState("networkidle");
    };
    const enter = async (code: string) => {
      await page.getByLabel(label.code[l]).fill(code);
      await page.getByRole("button", { name: label.signIn[l], exact: true }).click();
    };
    await toCodePage();
    await enter("000000");
    await expectErrorTitle(page, l);
    await screenshots(page, `staff-code-error-${lng}`);
    await enter(worker.recoveryCodes[0]!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(label.queue[l]);
    await page.getByRole("button", { name: label.signOut[l] }).click();
    await expect(page).toHaveURL(/\/medewerker\/inloggen/);
    await toCodePage();
    await enter(worker.recoveryCodes[0]!);
    await expectErrorTitle(page, l);
  });
}

{
  const lng = "en" as Lng;
  const l = lng;
  test(`the queue filters work without JavaScript and can be bookmarked (${lng})`, async ({ browser }) => {
    const worker = await createStaff(e2eDatabase(), { role: "ombudsworker" });
    const { context: withJs } = await signedInPage(browser, worker, l);
    const cookies = await withJs.cookies();
    await withJs.close();
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(`/medewerker?lng=${lng}`);
    await page.getByLabel(lng === "nl" ? "Soort" : "Kind").selectOption("contact");
    await page.getByText(lng === "nl" ? "Alleen urgent" : "Urgent only").click();
    await page.getByRole("button", { name: lng === "nl" ? "Toepassen" : "Apply" }).click();
    await expect(page).toHaveURL(/kind=contact/);
    await expect(page).toHaveURL(/urgent=1/);
    await expect(page.getByLabel(lng === "nl" ? "Soort" : "Kind")).toHaveValue("contact");
    await expect(
      page.getByRole("checkbox", { name: lng === "nl" ? "Alleen urgent" : "Urgent only" }),
    ).toBeChecked();
    await context.close();
  });
}

test("a coordinator invites a colleague, who creates an account with the link (nl), and sees the team and the audit log (en)", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const db = e2eDatabase();
  const coordinator = await createStaff(db, { role: "coordinator" });
  const { context, page } = await signedInPage(browser, coordinator, "nl");

  await open(page, "/medewerker/team", "nl");
  await page.getByRole("button", { name: "Uitnodiging maken" }).click();
  await expectErrorTitle(page, "nl");
  await page.getByText("Behandelt zaken.", { exact: true }).click();
  await page.getByRole("button", { name: "Uitnodiging maken" }).click();
  const link = (await page.getByRole("status").locator("code").textContent())!;
  expect(link).toMatch(/\/medewerker\/uitnodiging\/[A-Za-z0-9_-]{43}$/);
  await screenshots(page, "staff-team-nl");

  // The colleague opens the link in their own browser.
  const other = await browser.newContext({ locale: "nl-NL" });
  const invitee = await other.newPage();
  await open(invitee, new URL(link).pathname, "nl");
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Je account aanmaken");
  await expect(invitee.getByText(/uitgenodigd als ombudsmedewerker/)).toBeVisible();
  await expectNoAxeViolations(invitee, "invitation nl");
  await screenshots(invitee, "staff-invitation-nl");
  const secret = (await invitee.locator("code").first().textContent())!.replace(/\s+/g, "");
  const email = `invited-${Date.now()}@example.org`;
  await invitee.getByLabel("Naam").fill("Nieuwe Collega");
  await invitee.getByLabel("E-mailadres").fill(email);
  await invitee.getByLabel("Wachtwoord", { exact: true }).fill("nog een lange zin");
  await invitee.getByLabel("Wachtwoord nog een keer").fill("nog een lange zin");
  await invitee
    .getByLabel("Code uit de app")
    .fill(new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate());
  await invitee.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Je herstelcodes");
  expect(db.select().from(schema.staff).where(eq(schema.staff.email, email)).get()?.role).toBe(
    "ombudsworker",
  );
  // The link worked once.
  await open(invitee, new URL(link).pathname, "nl");
  await expect(invitee.getByText(/werkt niet \(meer\)/)).toBeVisible();
  await other.close();

  // The team page and a member page in English.
  await open(page, "/medewerker/team", "en");
  await expect(page.getByRole("link", { name: "Nieuwe Collega" })).toBeVisible();
  await page.getByRole("link", { name: "Nieuwe Collega" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Account of Nieuwe Collega");
  await page.waitForLoadState("networkidle");
  await screenshots(page, "staff-member-en");
  await page.getByRole("radiogroup", { name: "New role" }).getByText("coordinator").click();
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByRole("status")).toHaveText("The role has been changed.");
  expect(db.select().from(schema.staff).where(eq(schema.staff.email, email)).get()?.role).toBe("coordinator");

  // The audit log holds the invitation, the new account and the role change.
  await open(page, "/medewerker/audit?action=role_changed", "en");
  await expect(page.getByRole("cell", { name: "Role changed" }).first()).toBeVisible();
  await screenshots(page, "staff-audit-en");
  await open(page, "/medewerker/audit", "nl");
  await expect(page.getByRole("cell", { name: "Account aangemaakt" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "Uitnodiging gemaakt" }).first()).toBeVisible();
  await screenshots(page, "staff-audit-nl");
  await context.close();
});

test("a deactivated account is signed out at once, and a reset second factor is linked again at the next sign-in", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const db = e2eDatabase();
  const coordinator = await createStaff(db, { role: "coordinator" });
  const worker = await createStaff(db, { role: "ombudsworker" });
  const { context: workerContext, page: workerPage } = await signedInPage(browser, worker, "en");
  const { context, page } = await signedInPage(browser, coordinator, "en");

  await open(page, `/medewerker/team/${worker.id}`, "en");
  await page.getByRole("button", { name: "Deactivate account" }).click();
  await expectErrorTitle(page, "en");
  await page.getByText(`Yes, deactivate the account of ${worker.name}.`).click();
  await page.getByRole("button", { name: "Deactivate account" }).click();
  await expect(page.getByRole("status")).toContainText("All its sessions have ended.");

  // The worker's next request lands on the sign-in page.
  await workerPage.reload();
  await expect(workerPage).toHaveURL(/\/medewerker\/inloggen/);
  await expect(workerPage.getByRole("status")).toHaveText("Your session has ended. Please sign in again.");
  await expectNoAxeViolations(workerPage, "signed out en");
  // And cannot sign in again.
  await workerPage.getByLabel("Email address").fill(worker.email);
  await workerPage.getByLabel("Password", { exact: true }).fill(worker.password);
  await workerPage.getByRole("button", { name: "Continue" }).click();
  await expectErrorTitle(workerPage, "en");

  // Reactivate and reset the second factor: the next sign-in asks to link a new app.
  await page.getByRole("button", { name: "Activate account" }).click();
  await expect(page.getByRole("status")).toHaveText("The account is active again.");
  await page.getByText(`Yes, reset the second step of ${worker.name}.`).click();
  await page.getByRole("button", { name: "Reset second step" }).click();
  await expect(page.getByRole("status")).toContainText("The second step has been reset.");
  await context.close();

  await open(workerPage, "/medewerker/inloggen", "en");
  await workerPage.getByLabel("Email address").fill(worker.email);
  await workerPage.getByLabel("Password", { exact: true }).fill(worker.password);
  await workerPage.getByRole("button", { name: "Continue" }).click();
  await expect(workerPage.getByRole("heading", { level: 1 })).toHaveText("Link a new app for sign-in codes");
  await workerPage.waitForLoadState("networkidle");
  await expectNoAxeViolations(workerPage, "re-enrol en");
  await screenshots(workerPage, "staff-reenrol-en");
  const secret = (await workerPage.locator("code").first().textContent())!.replace(/\s+/g, "");
  expect(secret).not.toBe(worker.totpSecret);
  await workerPage
    .getByLabel("Code from the app")
    .fill(new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate());
  await workerPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(workerPage.getByRole("heading", { level: 1 })).toHaveText("Your recovery codes");
  await workerContext.close();
});

test("staff pages need a session: without one, the queue and a case send you to sign-in", async ({
  page,
}) => {
  for (const path of ["/medewerker", "/medewerker/zaken/1", "/medewerker/team", "/medewerker/audit"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/medewerker\/inloggen\?volgende=/);
  }
  // No quick exit on staff pages.
  await expect(page.getByRole("link", { name: /snel weg|exit this page/i })).toHaveCount(0);
});
