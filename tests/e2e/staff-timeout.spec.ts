/**
 * Issue 16, point 8: the staff idle timeout without lost work (ADR 038). With JavaScript a warning comes
 * before the 30 idle minutes end, "keep working" extends, typing keeps the session alive, and when it has
 * ended anyway the typed note survives signing in again (password and code) on the case page. Without
 * JavaScript the note posted after the end is kept the same way and sign-in comes back to the case; a
 * "come back to" address off the site is refused. The browser's clock is fast-forwarded (page.clock) and
 * the server's idea of time moved by editing the session rows, as for the reporter (passphrase-timeout).
 */
import { test, type Page } from "@playwright/test";
import { expect } from "./expect";
import { eq } from "drizzle-orm";
import { schema } from "~/server/db.server";
import { createStaff, e2eDatabase, seedCase, codeFor, type TestStaff } from "../helpers/seed-cases";
import { expectNoAxeViolations, localeText, viewportScreenshots } from "./helpers";
import { label, open, signIn, type Lng } from "./staff-helpers";

const MINUTE = 60_000;
const s = (lng: Lng, key: string, values: Record<string, string | number> = {}) =>
  localeText(lng, "staff", key, values);

/** Moves the server's "last used" of every session of this person back: the server thinks they idled. */
function idleFor(staffId: number, ms: number) {
  e2eDatabase()
    .update(schema.staffSessions)
    .set({ lastSeenAt: Date.now() - ms })
    .where(eq(schema.staffSessions.staffId, staffId))
    .run();
}

const lastSeen = (staffId: number) =>
  Math.max(
    ...e2eDatabase()
      .select({ at: schema.staffSessions.lastSeenAt })
      .from(schema.staffSessions)
      .where(eq(schema.staffSessions.staffId, staffId))
      .all()
      .map((r) => r.at),
  );

const keptRows = (staffId: number) =>
  e2eDatabase()
    .select()
    .from(schema.staffUnsentTexts)
    .where(eq(schema.staffUnsentTexts.staffId, staffId))
    .all();

/** Signs in on the sign-in page that is open now (its hidden "come back to" field included). */
async function signInHere(page: Page, staff: TestStaff, lng: Lng, step: number) {
  await page.getByLabel(label.email[lng]).fill(staff.email);
  await page.getByLabel(label.password[lng], { exact: true }).fill(staff.password);
  await page.getByRole("button", { name: label.continue[lng] }).click();
  await expect(page).toHaveURL(/\/medewerker\/inloggen\/code/);
  await page.getByLabel(label.code[lng]).fill(codeFor(staff.totpSecret, step));
  await page.getByRole("button", { name: label.signIn[lng], exact: true }).click();
}

test("with JavaScript: a warning, keep working, typing keeps it alive, and a note survives the end (nl)", async ({
  page,
}) => {
  const l: Lng = "nl";
  const db = e2eDatabase();
  const worker = await createStaff(db, { role: "ombudsworker" });
  const c = seedCase(db, { story: "Een verhaal" });
  await page.clock.install();
  await signIn(page, worker, l);
  await open(page, `/medewerker/zaken/${c.id}`, l);
  await page.waitForFunction(() => "__remixRouter" in window);
  const note = page.getByRole("textbox", { name: s(l, "case.actions.note") });
  await note.fill("Gebeld met de mentor");

  // The server has seen nothing for 26 minutes; the page's clock moves on as far.
  idleFor(worker.id, 26 * MINUTE);
  await page.clock.fastForward("25:30");
  const warning = page.getByRole("dialog", { name: s(l, "timeout.staff.warnTitle") });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(s(l, "timeout.staff.warnText_other", { count: 4 }));
  const keepWorking = warning.getByRole("button", { name: s(l, "timeout.staff.extend") });
  await expect(keepWorking).toBeFocused();
  await expectNoAxeViolations(page, "the staff session warning");
  await viewportScreenshots(page, "staff-timeout-warning");

  const before = Date.now();
  await keepWorking.click();
  await expect(warning).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: s(l, "timeout.extended") })).toBeAttached();
  expect(lastSeen(worker.id)).toBeGreaterThanOrEqual(before);
  await expect(note).toHaveValue("Gebeld met de mentor");

  // Ten idle minutes later the person types: the session is used again.
  idleFor(worker.id, 10 * MINUTE);
  await page.clock.fastForward("03:00");
  const typing = Date.now();
  await note.fill("Gebeld met de mentor, morgen terugbellen");
  await expect.poll(() => lastSeen(worker.id)).toBeGreaterThanOrEqual(typing);

  // Then away for longer than half an hour: the dialog says the session has ended.
  idleFor(worker.id, 31 * MINUTE);
  await page.clock.fastForward("30:30");
  const ended = page.getByRole("dialog", { name: s(l, "timeout.staff.endedTitle") });
  await expect(ended).toBeVisible();
  await expectNoAxeViolations(page, "the staff session has ended");
  await viewportScreenshots(page, "staff-timeout-ended");
  await ended.getByRole("button", { name: s(l, "timeout.staff.signInAgain") }).click();

  await expect(page).toHaveURL(
    /\/medewerker\/inloggen\?volgende=%2Fmedewerker%2Fzaken%2F\d+(%3Flng%3D\w+)?&reden=kept$/,
  );
  await expect(page.getByRole("status")).toHaveText(s(l, "signIn.notice.kept"));
  expect(keptRows(worker.id)).toHaveLength(1);
  expect(keptRows(worker.id)[0]!.textEnc).not.toContain("mentor");
  expect(page.url()).not.toContain("mentor");
  await viewportScreenshots(page, "staff-sign-in-kept");

  await signInHere(page, worker, l, 1);
  await expect(page).toHaveURL(new RegExp(`/medewerker/zaken/${c.id}(\\?lng=\\w+)?$`));
  await expect(note).toHaveValue("Gebeld met de mentor, morgen terugbellen");
  await expect(page.getByText(s(l, "case.keptBack"))).toBeVisible();
  expect(keptRows(worker.id)).toHaveLength(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a note sent after the end is kept and sign-in comes back to the case; an address off the site is refused (en)", async ({
    page,
    baseURL,
  }) => {
    const l: Lng = "en";
    const db = e2eDatabase();
    const worker = await createStaff(db, { role: "ombudsworker" });
    const c = seedCase(db, { story: "A story" });

    // An open-redirect attempt through the whole sign-in lands on the queue of this site.
    await signIn(page, worker, l, 0, "//evil.example/medewerker");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(new URL(page.url()).pathname).toBe("/medewerker");

    await open(page, `/medewerker/zaken/${c.id}`, l);
    const note = page.getByRole("textbox", { name: s(l, "case.actions.note") });
    await note.fill("Called the school");
    idleFor(worker.id, 31 * MINUTE);
    await page.getByRole("button", { name: s(l, "case.actions.addNote") }).click();

    await expect(page).toHaveURL(
      /\/medewerker\/inloggen\?volgende=%2Fmedewerker%2Fzaken%2F\d+(%3Flng%3D\w+)?&reden=kept$/,
    );
    await expect(page.getByRole("status")).toHaveText(s(l, "signIn.notice.kept"));
    expect(keptRows(worker.id)).toHaveLength(1);

    await signInHere(page, worker, l, 1);
    await expect(page).toHaveURL(new RegExp(`/medewerker/zaken/${c.id}(\\?lng=\\w+)?$`));
    await expect(note).toHaveValue("Called the school");
    await expect(page.getByText(s(l, "case.keptBack"))).toBeVisible();
    // Nothing was saved behind the person's back: the note is in the box, not in the case.
    expect(db.select().from(schema.notes).where(eq(schema.notes.caseId, c.id)).all()).toEqual([]);
  });
});
