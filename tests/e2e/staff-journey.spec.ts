/**
 * The whole staff journey in both languages: the one-time setup link creates the first coordinator with a
 * TOTP app (codes computed here), sign-in, a case in the queue, and handling it end to end.
 *
 * The case is filed through the public intake in a second browser (the reporter's), who follows it at
 * /volgen with the code and passphrase and sees each step: the message, the acknowledgement, the outcome.
 * The rows behind it (timeline, messages, "there is news" mails, audit) are checked too.
 *
 * The accessibility engines run on these pages in a11y-sweep.spec.ts; here only on the recovery codes
 * shown once after the account is made, a state the sweep does not reach.
 */
import { test, type Page } from "@playwright/test";
import { expect } from "./expect";
import { and, eq } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { createAccessToken, SETUP_TTL_MS } from "~/server/access-tokens.server";
import { decrypt } from "~/server/crypto.server";
import { schema } from "~/server/db.server";
import { e2eDatabase } from "../helpers/seed-cases";
import { text as followText } from "./follow-helpers";
import { expectNoAxeViolations, languages, screenshots } from "./helpers";
import { fileUrgentComplaint } from "./intake-helpers";
import { expectErrorTitle, label, open, type Lng } from "./staff-helpers";

async function signInReporter(
  page: Page,
  lng: Lng,
  { code, passphrase }: { code: string; passphrase: string },
) {
  await page.getByLabel(followText(lng, "signIn.code.label"), { exact: true }).fill(code);
  await page.getByLabel(followText(lng, "signIn.passphrase.label")).fill(passphrase);
  await page.getByRole("button", { name: followText(lng, "signIn.submit") }).click();
  await expect(page).toHaveURL(/\/volgen\/zaak$/);
}

/** The plain-word status the reporter reads at the top of their case. */
async function expectReporterStatus(page: Page, lng: Lng, status: "received" | "handling" | "closed") {
  await expect(page.getByRole("region", { name: followText(lng, "case.statusHeading") })).toContainText(
    followText(lng, `case.status.${status}.label`),
  );
}

const text = {
  setupTitle: { nl: "Eerste coördinator aanmaken", en: "Create the first coordinator" },
  name: { nl: "Naam", en: "Name" },
  passwordAgain: { nl: "Wachtwoord nog een keer", en: "Password again" },
  create: { nl: "Account aanmaken", en: "Create account" },
  recoveryTitle: { nl: "Je herstelcodes", en: "Your recovery codes" },
  continue: { nl: "Ik heb ze bewaard, ga verder", en: "I have saved them, continue" },
  signedOut: { nl: "Je bent uitgelogd.", en: "You are signed out." },
  codeTitle: { nl: "Code uit je app", en: "Code from your app" },
  caseTitle: { nl: "Zaak", en: "Case" },
  showContact: { nl: "Contactgegevens tonen", en: "Show contact details" },
  assignMe: { nl: "Aan mij toewijzen", en: "Assign to me" },
  message: { nl: "Bericht", en: "Message" },
  send: { nl: "Bericht versturen", en: "Send message" },
  newStatusGroup: { nl: "Nieuwe status", en: "New status" },
  newStatus: { nl: "Ontvangst bevestigd", en: "Acknowledged" },
  changeStatus: { nl: "Status aanpassen", en: "Change status" },
  outcome: { nl: "Uitkomst", en: "Outcome" },
  confirmClose: { nl: /Ja, sluit deze zaak af/, en: /Yes, close this case/ },
  close: { nl: "Zaak afsluiten", en: "Close case" },
  reporterTimeline: { nl: "Tijdlijn die de melder ziet", en: "Timeline the reporter sees" },
} as const;

for (const lng of languages) {
  test(`setup link → coordinator with TOTP → sign in → a case from the queue handled end to end (${lng})`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(300_000);
    const db = e2eDatabase();
    const l = lng as Lng;
    const token = createAccessToken("setup", "coordinator", { ttlMs: SETUP_TTL_MS, db });

    // --- the setup page, first with nothing filled in
    await open(page, `/medewerker/setup/${token}`, l);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.setupTitle[l]);
    await expect(page.getByRole("img", { name: /QR/ })).toBeVisible();
    await screenshots(page, `staff-setup-${lng}`);
    await page.getByRole("button", { name: text.create[l] }).click();
    await expectErrorTitle(page, l);
    await screenshots(page, `staff-setup-error-${lng}`);

    // --- create the account: the secret is on the page as text; the code is computed here
    const secret = (await page.locator("code").first().textContent())!.replace(/\s+/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
    const email = `coordinator-${lng}-${Date.now()}@example.org`;
    const password = "een lange zin als wachtwoord";
    await page.getByLabel(text.name[l]).fill(`Coördinator ${lng}`);
    await page.getByLabel(label.email[l]).fill(email);
    await page.getByLabel(label.password[l], { exact: true }).fill(password);
    await page.getByLabel(text.passwordAgain[l]).fill(password);
    await page.getByLabel(label.code[l]).fill(totp.generate());
    await page.getByRole("button", { name: text.create[l] }).click();

    // --- ten recovery codes, shown once
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.recoveryTitle[l]);
    await expect(
      page.getByRole("list", { name: /herstelcodes|recovery codes/i }).getByRole("listitem"),
    ).toHaveCount(10);
    await expectNoAxeViolations(page, `recovery codes ${lng}`);
    await screenshots(page, `staff-recovery-codes-${lng}`);
    const staff = db.select().from(schema.staff).where(eq(schema.staff.email, email)).get()!;
    expect(staff.role).toBe("coordinator");
    expect(staff.passwordHash).toMatch(/^\$argon2id\$/);
    await page.reload();
    await expect(page.getByRole("listitem").filter({ hasText: /^[a-z0-9]{4}-/ })).toHaveCount(0);

    // --- sign out, sign in again with the password and the next code
    await page.getByRole("button", { name: label.signOut[l] }).click();
    await expect(page.getByRole("status")).toHaveText(text.signedOut[l]);
    await screenshots(page, `staff-sign-in-${lng}`);
    await page.waitForLoadState("networkidle");
    await page.getByLabel(label.email[l]).fill(email);
    await page.getByLabel(label.password[l], { exact: true }).fill(password);
    await page.getByRole("button", { name: label.continue[l] }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.codeTitle[l]);
    await page.waitForLoadState("networkidle");
    await screenshots(page, `staff-code-${lng}`);
    // The code used at setup is spent; the next time step's code is accepted (one step of drift allowed).
    await page.getByLabel(label.code[l]).fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole("button", { name: label.signIn[l], exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(label.queue[l]);

    // --- a young person files an urgent complaint through the public intake, in their own browser,
    // and asks for an email when there is news
    const story = `Ik zat daar alleen, ${lng}. Niemand kwam.`;
    const reporterAddress = `melder-${lng}-${Date.now()}@example.org`;
    const reporterContext = await browser.newContext({ locale: lng === "nl" ? "nl-NL" : "en-GB" });
    const reporter = await reporterContext.newPage();
    const filed = await fileUrgentComplaint(reporter, l, { story, email: `sam-${lng}@example.nl` });
    const row0 = db
      .select()
      .from(schema.cases)
      .where(eq(schema.cases.code, filed.code.replace(/-/g, "")))
      .get()!;
    expect(row0.urgent).toBe(true);
    const seeded = { id: row0.id, code: filed.code };
    await reporter.goto(`/volgen?lng=${lng}`);
    await signInReporter(reporter, l, filed);
    await expectReporterStatus(reporter, l, "received");
    await reporter.getByRole("link", { name: followText(l, "case.more.newsOff") }).click();
    await reporter.getByLabel(followText(l, "news.label")).fill(reporterAddress);
    await reporter.getByRole("button", { name: followText(l, "news.submit") }).click();
    await expect(
      reporter.getByRole("status").filter({ hasText: followText(l, "case.done.email-aan") }),
    ).toBeVisible();

    // --- it appears in the queue: urgent, a complaint, due within a working day
    await open(page, "/medewerker?urgent=1&kind=complaint", l);
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: seeded.code }) });
    await expect(row).toBeVisible();
    await screenshots(page, `staff-queue-${lng}`);

    // --- open it: the story is shown and the look is on record
    await row.getByRole("link", { name: seeded.code }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(
      `${text.caseTitle[l]} ${seeded.code}`,
    );
    await expect(page.getByText(story)).toBeVisible();
    const audits = () =>
      db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.caseId, seeded.id), eq(schema.auditLog.staffId, staff.id)))
        .all()
        .map((a) => a.action);
    expect(audits()).toContain("case_viewed");
    expect(audits()).not.toContain("contact_viewed");
    await page.waitForLoadState("networkidle");
    await screenshots(page, `staff-case-${lng}`);

    // --- contact details behind "show", which is on record too
    await expect(page.getByText(`sam-${lng}@example.nl`)).toHaveCount(0);
    await page.getByRole("button", { name: text.showContact[l] }).click();
    await expect(page.getByText(`sam-${lng}@example.nl`)).toBeVisible();
    expect(audits()).toContain("contact_viewed");

    // --- assign to me
    await page.getByRole("button", { name: text.assignMe[l] }).click();
    await expect(page.getByRole("status")).toBeVisible();
    const caseRow = () => db.select().from(schema.cases).where(eq(schema.cases.id, seeded.id)).get()!;
    expect(caseRow().assigneeId).toBe(staff.id);

    // --- a message to the reporter
    const message = `Dank je voor je verhaal (${lng}). We nemen contact op.`;
    await page.getByLabel(text.message[l], { exact: true }).fill(message);
    await page.getByRole("button", { name: text.send[l] }).click();
    await expect(
      page.getByRole("region", { name: text.reporterTimeline[l] }).getByText(message),
    ).toBeVisible();
    await expect(page.getByLabel(text.message[l], { exact: true })).toHaveValue("");
    await reporter.reload();
    await expect(
      reporter.getByRole("region", { name: followText(l, "case.messages.heading") }),
    ).toContainText(message);

    // --- acknowledge
    await page.getByRole("radiogroup", { name: text.newStatusGroup[l] }).getByText(text.newStatus[l]).click();
    await expect(page.getByRole("radio", { name: text.newStatus[l], exact: true })).toBeChecked();
    await page.getByRole("button", { name: text.changeStatus[l] }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(text.newStatus[l]);
    await reporter.reload();
    await expectReporterStatus(reporter, l, "handling");
    await expect(reporter.getByText(followText(l, "timeline.acknowledged"))).toBeVisible();

    // --- close: without an outcome it is refused (error state), then with one
    await page.getByRole("button", { name: text.close[l] }).click();
    await expectErrorTitle(page, l);
    await screenshots(page, `staff-case-error-${lng}`);
    const outcome = `Je verhaal is vastgelegd en doorgegeven aan de inspectie (${lng}).`;
    await page.getByLabel(text.outcome[l]).fill(outcome);
    await page.getByText(text.confirmClose[l]).click();
    // Said here if the tick did not take, rather than as a missing "done" message after the press.
    await expect(page.getByRole("checkbox", { name: text.confirmClose[l] })).toBeChecked();
    await expect(page.getByLabel(text.outcome[l])).toHaveValue(outcome);
    await page.getByRole("button", { name: text.close[l] }).click();
    await expect(page).toHaveURL(/gedaan=close/);
    await expect(page.getByRole("status")).toBeVisible();
    await expect(
      page.getByRole("region", { name: text.reporterTimeline[l] }).getByText(outcome),
    ).toBeVisible();
    await screenshots(page, `staff-case-closed-${lng}`);
    await reporter.reload();
    await expectReporterStatus(reporter, l, "closed");
    await expect(reporter.getByText(outcome)).toBeVisible();
    await screenshots(reporter, `follow-closed-by-staff-${lng}`);
    await reporterContext.close();

    // --- what the reporter sees on /volgen comes from these rows
    const c = caseRow();
    expect(c.status).toBe("closed");
    expect(decrypt(c.outcomeEnc!)).toBe(outcome);
    const visible = db
      .select()
      .from(schema.caseEvents)
      .where(and(eq(schema.caseEvents.caseId, seeded.id), eq(schema.caseEvents.reporterVisible, true)))
      .orderBy(schema.caseEvents.id)
      .all();
    expect(visible.map((e) => e.type)).toEqual(["received", "message_from_staff", "acknowledged", "closed"]);
    expect(decrypt(visible.at(-1)!.dataEnc!)).toBe(outcome);
    const staffMessages = db
      .select()
      .from(schema.messages)
      .where(and(eq(schema.messages.caseId, seeded.id), eq(schema.messages.author, "staff")))
      .all();
    expect(staffMessages.map((m) => decrypt(m.bodyEnc))).toEqual([message]);
    const internal = db
      .select()
      .from(schema.caseEvents)
      .where(and(eq(schema.caseEvents.caseId, seeded.id), eq(schema.caseEvents.reporterVisible, false)))
      .all();
    expect(internal.map((e) => e.type)).toEqual(["assigned"]);
    const mails = db
      .select()
      .from(schema.outbox)
      .all()
      .filter((m) => decrypt(m.toEnc) === reporterAddress);
    // Message, acknowledged, closed within seconds: one "there is news" mail (at most one per 10 minutes).
    expect(mails).toHaveLength(1);
    for (const m of mails) {
      expect(m.bodyText).not.toContain(message);
      expect(m.bodyText).not.toContain(seeded.code);
    }
    expect(audits()).toEqual(
      expect.arrayContaining(["case_assigned", "message_sent", "case_status_changed"]),
    );
  });
}
