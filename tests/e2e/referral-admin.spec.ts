/**
 * The coordinators' side of routing (organisations, coordinating municipalities, the mail page) and the
 * limits of a referral: no referral to the VNG, and a withdrawal after sending marked on the case page.
 * Every page is checked with axe and HTML_CodeSniffer, and photographed at phone and desktop width.
 */
import { test } from "@playwright/test";
import { expect } from "./expect";
import { eq } from "drizzle-orm";
import { changeConsents } from "~/server/consent.server";
import { encrypt } from "~/server/crypto.server";
import { schema } from "~/server/db.server";
import { openTestCase } from "../helpers/follow-fixtures";
import { createStaff, e2eDatabase } from "../helpers/seed-cases";
import { expectNoAxeViolations, expectNoHtmlcsErrors, screenshots } from "./helpers";
import { signInStaff, text } from "./referral-helpers";

test.setTimeout(180_000);

test("coordinators search and edit organisations, set coordinating municipalities and retry failed mail", async ({
  page,
}) => {
  const db = e2eDatabase();
  const coordinator = await createStaff(db, { role: "coordinator" });
  await signInStaff(page, coordinator);

  await page.goto("/medewerker/organisaties?lng=nl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("staff", "organisations.title"));
  await expect(page.getByRole("link", { name: "Inspectie Gezondheidszorg en Jeugd (IGJ)" })).toBeVisible();
  await expect(page.getByRole("link", { name: text("staff", "pagination.next") })).toBeVisible();
  await screenshots(page, "organisations-list");

  // A municipality that ended in 2018 finds the one that took over.
  await page.getByLabel(text("staff", "organisations.search.label")).fill("Hoogezand");
  await page.getByRole("button", { name: text("staff", "organisations.search.submit") }).click();
  await expect(page).toHaveURL(/q=Hoogezand/);
  await expect(page.getByRole("link", { name: "Midden-Groningen" })).toBeVisible();
  await expect(
    page.getByText(text("staff", "organisations.formerly", { names: "Hoogezand-Sappemeer" })),
  ).toBeVisible();

  // Editing: a wrong address is refused with the input kept.
  await page.goto("/medewerker/organisaties?q=GM0363&lng=nl");
  await page.getByRole("link", { name: "Amsterdam" }).click();
  const email = page.getByLabel(text("staff", "organisations.edit.email"));
  await email.fill("jeugd at amsterdam");
  await page.getByRole("button", { name: text("staff", "organisations.edit.save") }).click();
  await expect(page).toHaveTitle(/^Fout: /);
  await expect(page.getByRole("alert")).toContainText(text("staff", "organisations.errors.emailInvalid"));
  await expect(email).toHaveValue("jeugd at amsterdam");
  await screenshots(page, "organisation-edit-error");
  await email.fill("jeugdzaken@amsterdam.example");
  await page.getByRole("button", { name: text("staff", "organisations.edit.save") }).click();
  await expect(page.getByRole("status")).toHaveText(text("staff", "organisations.done.saved"));

  // Coordinating municipality for a youth-care region: data, entered here.
  await page.goto("/medewerker/organisaties/regios?lng=nl");
  await screenshots(page, "organisations-regions");
  await page
    .getByRole("link", { name: text("staff", "regions.changeFor", { region: "Amsterdam-Amstelland" }) })
    .click();
  await page.getByLabel(text("staff", "regions.edit.label")).selectOption({ label: "Amsterdam" });
  await page.getByRole("button", { name: text("staff", "regions.edit.save") }).click();
  await expect(page.getByRole("status")).toHaveText(text("staff", "regions.saved"));
  await expect(page.getByRole("row").filter({ hasText: "Amsterdam-Amstelland" })).toContainText("Amsterdam");

  // Adding an organisation without consent category.
  await page.goto("/medewerker/organisaties/nieuw?lng=nl");
  await page.getByLabel(text("staff", "organisations.new.name")).fill("Kinderombudsman (test)");
  await page.getByRole("button", { name: text("staff", "organisations.new.submit") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kinderombudsman (test)");

  // The mail page: a failed mail, its transport error, and a retry that puts it back in the queue.
  const failed = db
    .insert(schema.outbox)
    .values({
      purpose: "news",
      toEnc: encrypt("reporter@example.org"),
      subject: "Er is nieuws",
      bodyText: "Lees het op de volgpagina.",
      status: "failed",
      attempts: 8,
      lastError: "connect ECONNREFUSED 127.0.0.1:25",
      nextAttemptAt: Date.now(),
      createdAt: Date.now(),
    })
    .returning({ id: schema.outbox.id })
    .get().id;
  await page.getByRole("link", { name: text("staff", "nav.mail"), exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("staff", "mail.title"));
  await expect(page.getByText("connect ECONNREFUSED 127.0.0.1:25")).toBeVisible();
  await expect(page.getByText("reporter@example.org")).toHaveCount(0);
  await expectNoAxeViolations(page, "mail page");
  await expectNoHtmlcsErrors(page, "mail page");
  await screenshots(page, "mail-page");
  const what = text("staff", "mail.kinds.news");
  await page
    .getByRole("row")
    .filter({ hasText: "connect ECONNREFUSED 127.0.0.1:25" })
    .getByRole("button", { name: text("staff", "mail.retryLabel", { what }) })
    .click();
  await expect(page.getByRole("status")).toHaveText(text("staff", "mail.retried"));
  const row = db.select().from(schema.outbox).where(eq(schema.outbox.id, failed)).get()!;
  expect(["queued", "sending", "sent"]).toContain(row.status);
  expect(
    db.select().from(schema.auditLog).where(eq(schema.auditLog.action, "mail_retried")).all().length,
  ).toBeGreaterThan(0);
});

test("no referral to the VNG; a withdrawal after sending is marked on the case page", async ({ page }) => {
  const db = e2eDatabase();
  db.update(schema.organisations)
    .set({ referralEmail: "meldingen@igj.example" })
    .where(eq(schema.organisations.kind, "igj"))
    .run();
  const worker = await createStaff(db, { role: "ombudsworker" });
  const c = await openTestCase({
    contactMethod: "email",
    contact: { name: "Sam Withdraw", email: "sam.withdraw@example.org" },
    consents: [{ recipient: "igj", given: true, withIdentity: true }],
  });
  await signInStaff(page, worker);

  const vng = db.select().from(schema.organisations).where(eq(schema.organisations.kind, "vng")).get()!;
  await page.goto(`/medewerker/zaken/${c.caseId}/verwijzen?naar=${vng.id}&lng=nl`);
  await expect(
    page.getByText(text("staff", "routing.block.no_consent_category", { name: vng.name })),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /Doorverwijzen naar/ })).toHaveCount(0);
  await expectNoAxeViolations(page, "refer page, VNG");
  await screenshots(page, "referral-create-vng");

  // Refer to the IGJ with the contact details (consent with identity), wait until the mail went out.
  const igj = db.select().from(schema.organisations).where(eq(schema.organisations.kind, "igj")).get()!;
  await page.goto(`/medewerker/zaken/${c.caseId}/verwijzen?naar=${igj.id}&lng=nl`);
  await page.getByText(text("staff", "routing.parts.story.label"), { exact: true }).click();
  await page.getByText(text("staff", "routing.parts.contact.label"), { exact: true }).click();
  await page
    .getByRole("button", { name: text("staff", "routing.create.submit", { name: igj.name }) })
    .click();
  await expect(page.getByRole("status").first()).toHaveText(text("staff", "case.done.referral"));
  await expect
    .poll(
      () => db.select().from(schema.referrals).where(eq(schema.referrals.caseId, c.caseId)).get()?.status,
      { timeout: 20_000 },
    )
    .toBe("sent");

  // The reporter withdraws the identity; the case page marks the sent referral, no new link can go.
  changeConsents(c.caseId, { igj: "anonymous", ozj: "none", gemeente: "identity" }, { db });
  await page.goto(`/medewerker/zaken/${c.caseId}?lng=nl`);
  const section = page.locator("#verwijzingen");
  await expect(section.getByText(/De melder heeft de toestemming ingetrokken op/)).toBeVisible();
  await expect(section.getByRole("button", { name: /Nieuwe link sturen/ })).toHaveCount(0);
  await expectNoAxeViolations(page, "case page with a withdrawn referral");
});
