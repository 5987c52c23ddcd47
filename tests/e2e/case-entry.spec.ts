/**
 * A case from a phone call (issue 16 point 4, ADR 040): the worker starts from the back office, goes
 * through the public questions with the caller, reads the code and passphrase out from the receipt, and
 * the case says who entered it and how.
 */
import { test } from "@playwright/test";
import { expect } from "./expect";
import { createStaff, e2eDatabase } from "../helpers/seed-cases";
import { startSession } from "~/server/staff-session.server";
import { expectNoAxeViolations, languages, localeText, screenshots } from "./helpers";
import { fileUrgentComplaint } from "./intake-helpers";

for (const lng of languages) {
  const s = (key: string, values: Record<string, string> = {}) => localeText(lng, "staff", key, values);
  const i = (key: string) => localeText(lng, "intake", key);

  test(`a worker enters a complaint for a caller, reads out the code and finds the case marked as a phone call (${lng})`, async ({
    page,
    context,
  }) => {
    const db = e2eDatabase();
    const worker = await createStaff(db, { role: "ombudsworker" });
    const token = startSession(db, worker.id, true).split(";")[0]!.split("=")[1]!;
    await context.addCookies([
      { name: "ap_staff", value: token, url: `${process.env.E2E_BASE_URL}/medewerker` },
    ]);

    await page.goto(`/medewerker?lng=${lng}`);
    await page
      .getByRole("navigation", { name: s("nav.label") })
      .getByRole("link", { name: s("nav.entry") })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(s("entry.title"));
    await expectNoAxeViolations(page, "case entry");

    // Nothing chosen: three clear errors, nothing started.
    await page.getByRole("button", { name: s("entry.submit") }).click();
    await expect(page).toHaveTitle(new RegExp(`^${localeText(lng, "common", "errorTitlePrefix")}`));
    const summary = page.getByRole("alert");
    for (const key of ["entryKindRequired", "entryChannelRequired", "entryAgreedRequired"]) {
      await expect(summary.getByRole("link", { name: s(`errors.${key}`) })).toBeVisible();
    }
    await expectNoAxeViolations(page, "case entry, errors");
    await screenshots(page, `staff-case-entry-errors-${lng}`);

    await page.getByText(s("entry.kind.options.complaint"), { exact: true }).click();
    await page.getByText(s("entry.channel.options.phone"), { exact: true }).click();
    await page.getByText(s("entry.agreed.option"), { exact: true }).click();
    await page.getByRole("button", { name: s("entry.submit") }).click();
    await expect(page).toHaveURL(/\/klacht\/wie$/);
    await expect(page.getByText(i("onBehalf.phone"))).toBeVisible();
    await expect(page.getByText(i("onBehalf.words"))).toBeVisible();
    await screenshots(page, `intake-on-behalf-${lng}`);

    const { code } = await fileUrgentComplaint(page, lng, {
      story: "Ik belde omdat ik niet goed kan typen. [case-entry-marker]",
      email: "beller@example.org",
    });
    // The receipt: only what to do now (read it out, then on to the case), not "you are filling this in".
    const notice = page.locator(".notice").filter({ hasText: i("onBehalf.receipt") });
    await expect(notice).toBeVisible();
    await expect(notice.getByRole("paragraph")).toHaveText([i("onBehalf.receipt"), i("onBehalf.toCase")]);
    await expect(page.getByText(i("onBehalf.phone"))).toHaveCount(0);
    await expectNoAxeViolations(page, "on-behalf receipt");
    await screenshots(page, `intake-on-behalf-receipt-${lng}`);
    await page.getByRole("link", { name: i("onBehalf.toCase") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(code);
    await expect(
      page.getByText(s("events.received_phone", { name: worker.name }), { exact: true }),
    ).toBeVisible();
    await expect(page.getByText("[case-entry-marker]")).toBeVisible();
  });
}
