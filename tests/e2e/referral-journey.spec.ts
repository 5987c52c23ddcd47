/**
 * The referral loop end to end: a coordinator sets the IGJ's referral address, an ombudsworker refers a
 * case to the IGJ with only consented parts, the outbox worker writes the mail (.eml: no SMTP here), its
 * link opens in a fresh browser (no account), the organisation reports "received" then "done", and the
 * case timeline, the queue and the reporter's /volgen show it. A renewed link kills the old one.
 */
import { test } from "@playwright/test";
import { expect } from "./expect";
import { eq } from "drizzle-orm";
import { formatCaseCode } from "~/domain/codes";
import { formatPassphrase } from "~/domain/passphrase";
import { schema } from "~/server/db.server";
import { openTestCase } from "../helpers/follow-fixtures";
import { createStaff, e2eDatabase } from "../helpers/seed-cases";
import { expectNoAxeViolations, recordRequests, screenshots } from "./helpers";
import { seed } from "./follow-helpers";
import { capturedMail, linkIn, signInReporter, signInStaff, text } from "./referral-helpers";

const IGJ = "Inspectie Gezondheidszorg en Jeugd (IGJ)";
const NOTE_FROM_IGJ = "Wij starten een onderzoek onder ons nummer 2026-0042.";

test.setTimeout(180_000);

test("a worker refers a case to the IGJ; the IGJ reads it through its link and reports back", async ({
  page,
  browser,
  baseURL,
}) => {
  const db = e2eDatabase();
  const coordinator = await createStaff(db, { role: "coordinator" });
  const worker = await createStaff(db, { role: "ombudsworker" });
  const reporter = await openTestCase({
    contactMethod: "email",
    contact: { name: "Sam Referral", email: "sam.referral@example.org" },
  });
  const started = Date.now();

  // A coordinator gives the IGJ an address for referrals.
  await signInStaff(page, coordinator);
  await page
    .getByRole("navigation")
    .getByRole("link", { name: text("staff", "nav.organisations") })
    .click();
  await page.getByLabel(text("staff", "organisations.search.label")).fill("inspectie");
  await page.getByRole("button", { name: text("staff", "organisations.search.submit") }).click();
  await page.getByRole("link", { name: IGJ }).click();
  await expect(page.getByRole("heading", { level: 1, name: IGJ })).toBeVisible();
  await page.getByLabel(text("staff", "organisations.edit.email")).fill("meldingen@igj.example");
  await page.getByRole("button", { name: text("staff", "organisations.edit.save") }).click();
  await expect(page.getByRole("status")).toHaveText(text("staff", "organisations.done.saved"));
  await page.context().clearCookies();

  // The ombudsworker sees the suggestion with its reason and refers.
  await signInStaff(page, worker);
  await page.goto(`/medewerker/zaken/${reporter.caseId}?lng=nl`);
  const section = page.locator("#verwijzingen");
  await expect(section.getByText(text("staff", "routing.reason.investigation"))).toBeVisible();
  await expect(section.getByText(text("staff", "routing.consent.given"))).toBeVisible();
  await section.getByRole("link", { name: text("staff", "routing.referTo", { name: IGJ }) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    text("staff", "routing.create.title", { code: formatCaseCode(reporter.code) }),
  );
  // Contact details are not offered: the IGJ consent is without identity.
  await expect(page.getByRole("checkbox", { name: /Contactgegevens/ })).toHaveCount(0);
  await expect(page.getByText(text("staff", "routing.partState.no_identity_consent"))).toBeVisible();
  await screenshots(page, "referral-create");

  // Nothing ticked: the error summary, and nothing is referred.
  await page.getByRole("button", { name: text("staff", "routing.create.submit", { name: IGJ }) }).click();
  await expect(page).toHaveTitle(/^Fout: /);
  await expect(page.getByRole("alert")).toContainText(text("staff", "routing.errors.partsRequired"));

  await page.getByText(text("staff", "routing.parts.story.label"), { exact: true }).click();
  await page.getByText(text("staff", "routing.parts.themes.label"), { exact: true }).click();
  await page.getByLabel(text("staff", "routing.create.note")).fill("Graag uw oordeel over de afzondering.");
  await page.getByRole("button", { name: text("staff", "routing.create.submit", { name: IGJ }) }).click();
  await expect(page).toHaveURL(new RegExp(`/medewerker/zaken/${reporter.caseId}\\?gedaan=referral`));
  await expect(page.getByRole("status").first()).toHaveText(text("staff", "case.done.referral"));
  const referral = db
    .select()
    .from(schema.referrals)
    .where(eq(schema.referrals.caseId, reporter.caseId))
    .get()!;
  const reference = `R-${referral.id}`;
  expect(referral.parts).toEqual(["story", "themes"]);
  await expect(section.getByRole("heading", { level: 4, name: new RegExp(reference) })).toBeVisible();

  // The mail, as the worker wrote it to data/outbox-mail: the link, no story, no code, no reporter.
  const mail = await capturedMail(reference, started - 1000);
  expect(mail).toContain("To: meldingen@igj.example");
  expect(mail).toContain(IGJ);
  expect(mail).not.toContain("story-marker");
  expect(mail).not.toContain("20 uur");
  expect(mail).not.toContain(reporter.code);
  expect(mail).not.toContain(formatCaseCode(reporter.code));
  expect(mail).not.toContain("Sam Referral");
  expect(mail).not.toContain("afzondering");
  const link = linkIn(mail);
  expect(link.startsWith(`${baseURL}/verwijzing/`)).toBe(true);

  // The IGJ opens the link in a fresh browser: no account, no quick exit, exactly what was shared.
  const igjContext = await browser.newContext({ locale: "nl-NL" });
  const igj = await igjContext.newPage();
  const requests = recordRequests(igj);
  const response = await igj.goto(link);
  expect(response?.status()).toBe(200);
  await expect(igj.getByRole("heading", { level: 1 })).toHaveText(text("referral", "title", { reference }));
  await expect(igj.getByRole("link", { name: /snel weg/i })).toHaveCount(0);
  await expect(igj.getByText("[story-marker]")).toBeVisible();
  await expect(igj.getByText("Graag uw oordeel over de afzondering.")).toBeVisible();
  await expect(igj.getByText("sam.referral@example.org")).toHaveCount(0);
  const notShared = ["unit_period", "contact"].map((p) => text("referral", `content.parts.${p}`)).join(", ");
  await expect(igj.getByText(text("referral", "content.notShared", { parts: notShared }))).toBeVisible();
  await screenshots(igj, "referral-organisation");

  // Received.
  await igj.getByText(text("referral", "report.options.received.label"), { exact: true }).click();
  await igj.getByRole("button", { name: text("referral", "report.submit") }).click();
  await expect(igj.getByRole("status")).toHaveText(text("referral", "report.done"));
  await expect(
    igj.getByRole("listitem").filter({ hasText: text("referral", "status.received") }),
  ).toHaveCount(1);
  // The queue shows there is news from the organisation.
  await page.goto("/medewerker?status=all&sort=newest&lng=nl");
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: formatCaseCode(reporter.code) }) });
  await expect(row.getByText(text("staff", "queue.organisationNews"))).toBeVisible();

  // Done, with a note for the aanspreekpunt; an error state first (note too long).
  await igj.getByText(text("referral", "report.options.done.label"), { exact: true }).click();
  await igj.getByLabel(text("referral", "report.note")).fill("x".repeat(2001));
  await igj.getByRole("button", { name: text("referral", "report.submit") }).click();
  await expect(igj).toHaveTitle(/^Fout: /);
  await igj.getByLabel(text("referral", "report.note")).fill(NOTE_FROM_IGJ);
  await igj.getByRole("button", { name: text("referral", "report.submit") }).click();
  const history = igj.getByRole("list").filter({ hasText: NOTE_FROM_IGJ });
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await expect(igj.getByRole("alert")).toHaveCount(0);
  await expect(igj.getByRole("status")).toHaveText(text("referral", "report.done"));
  await screenshots(igj, "referral-organisation-done");
  await igj.waitForLoadState("networkidle");
  expect(requests.filter((u) => !u.startsWith(baseURL!))).toEqual([]);

  // The case timeline shows both reports, and the note (for staff).
  await page.goto(`/medewerker/zaken/${reporter.caseId}?lng=nl`);
  const statusText = (status: string) =>
    text("staff", "routing.timeline.status", {
      organisation: IGJ,
      status: text("staff", `routing.statuses.${status}`),
      reference,
    });
  await expect(page.getByText(statusText("received"), { exact: true })).toBeVisible();
  await expect(
    page.getByText(
      text("staff", "routing.timeline.status_note", {
        organisation: IGJ,
        status: text("staff", "routing.statuses.done"),
        reference,
      }),
    ),
  ).toBeVisible();
  await expect(page.getByText(NOTE_FROM_IGJ).first()).toBeVisible();
  await expectNoAxeViolations(page, "case page with a referral");
  await screenshots(page, "referral-case-page");

  // The reporter sees both in plain words, without the IGJ's note.
  const reporterContext = await browser.newContext({ locale: "nl-NL" });
  const reporterPage = await reporterContext.newPage();
  await signInReporter(reporterPage, formatCaseCode(reporter.code), formatPassphrase(reporter.passphrase));
  await expect(
    reporterPage.getByText(text("follow", "timeline.referralCreated.sent", { organisation: IGJ })),
  ).toBeVisible();
  await expect(
    reporterPage.getByText(text("follow", "timeline.referralStatus.received", { organisation: IGJ })),
  ).toBeVisible();
  await expect(
    reporterPage.getByText(text("follow", "timeline.referralStatus.done", { organisation: IGJ })),
  ).toBeVisible();
  await expect(reporterPage.getByText(NOTE_FROM_IGJ)).toHaveCount(0);
  await screenshots(reporterPage, "referral-reporter-volgen");

  // Every view through the link is in the audit log, as the organisation.
  const views = db
    .select()
    .from(schema.auditLog)
    .where(eq(schema.auditLog.caseId, reporter.caseId))
    .all()
    .filter((a) => a.action === "referral_viewed");
  expect(views.length).toBeGreaterThanOrEqual(3);
  expect(new Set(views.map((v) => v.actor))).toEqual(new Set(["organisation"]));

  // A renewed link: the old one says it no longer works (410), without details.
  await page.getByRole("button", { name: text("staff", "routing.panel.renew", { reference }) }).click();
  await expect(page.getByRole("status").first()).toHaveText(text("staff", "case.done.renewLink"));
  const gone = await igj.goto(link);
  expect(gone?.status()).toBe(410);
  await expect(igj.getByRole("heading", { level: 1 })).toHaveText(text("referral", "gone.title"));
  await expect(igj.getByText("[story-marker]")).toHaveCount(0);
  await expectNoAxeViolations(igj, "gone page");
  await screenshots(igj, "referral-link-gone");
  const renewed = await capturedMail(`nieuwe link voor verwijzing ${reference} `, started);
  const renewedLink = linkIn(renewed);
  expect(renewedLink).not.toBe(link);

  // The new link works, in English too.
  await igj.goto(`${renewedLink}?lng=en`);
  await expect(igj.locator("html")).toHaveAttribute("lang", "en");
  await expect(igj.getByRole("heading", { level: 1 })).toHaveText(`Referral ${reference}`);
  await expect(igj.getByText("[story-marker]")).toBeVisible();
  await screenshots(igj, "referral-organisation-en");

  await igjContext.close();
  await reporterContext.close();
});

test("a garbled link shows a clear page without details", async ({ page }) => {
  const response = await page.goto("/verwijzing/not-a-real-token?lng=nl");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("referral", "notFound.title"));
  await expect(page).toHaveTitle(new RegExp(text("referral", "notFound.title")));
  await expect(page.getByRole("link", { name: /snel weg/i })).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an organisation reads the referral and reports back through its link", async ({ page }) => {
    const { link } = seed<{ link: string }>("referral-link");
    await page.goto(`${new URL(link).pathname}?lng=nl`);
    await expect(page.getByText("[story-marker]")).toBeVisible();
    const submit = page.getByRole("button", { name: text("referral", "report.submit") });

    // Nothing chosen: the error page keeps the note.
    await page.getByLabel(text("referral", "report.note")).fill("Wij kijken ernaar.");
    await submit.click();
    await expect(page).toHaveTitle(/^Fout: /);
    await expect(page.getByRole("alert")).toBeVisible();
    await expect(page.getByLabel(text("referral", "report.note"))).toHaveValue("Wij kijken ernaar.");

    await page.getByText(text("referral", "report.options.in_progress.label"), { exact: true }).click();
    await submit.click();
    await expect(page.getByRole("status")).toHaveText(text("referral", "report.done"));
    await expect(
      page.getByRole("listitem").filter({ hasText: text("referral", "status.in_progress") }),
    ).toHaveCount(1);
  });
});
