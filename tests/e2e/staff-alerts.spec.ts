/**
 * Issue 16, point 2: everyone chooses their e-mail alerts on a small page in the staff menu. Who gets which
 * alert, and that the mails carry no content, is in app/server/staff-alerts.server.test.ts.
 */
import { test } from "@playwright/test";
import { expect } from "./expect";
import { eq } from "drizzle-orm";
import { schema } from "~/server/db.server";
import { createStaff, e2eDatabase } from "../helpers/seed-cases";
import { expectNoAxeViolations, expectNoHtmlcsErrors, localeText, viewportScreenshots } from "./helpers";
import { signIn, type Lng } from "./staff-helpers";

const s = (lng: Lng, key: string) => localeText(lng, "staff", key);

test("a staff member turns off the alert about urgent cases from the staff menu (nl)", async ({ page }) => {
  const l: Lng = "nl";
  const db = e2eDatabase();
  const worker = await createStaff(db, { role: "ombudsworker" });
  await signIn(page, worker, l);
  await page
    .getByRole("navigation", { name: s(l, "nav.accountLabel") })
    .getByRole("link", { name: s(l, "nav.alerts") })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(s(l, "alerts.title"));
  const urgent = page.getByRole("checkbox", { name: s(l, "alerts.kinds.urgent_case") });
  await expect(urgent).toBeChecked();
  await expect(page.getByRole("checkbox", { name: s(l, "alerts.kinds.reporter_reply") })).toBeChecked();
  await expectNoAxeViolations(page, "alert settings");
  await expectNoHtmlcsErrors(page, "alert settings");
  await viewportScreenshots(page, "staff-alert-settings");

  // react-aria draws the box beside a visually hidden input, as the other checkbox tests do.
  await urgent.uncheck({ force: true });
  await page.getByRole("button", { name: s(l, "alerts.save") }).click();
  await expect(page.getByRole("status")).toHaveText(s(l, "alerts.saved"));
  await expect(urgent).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: s(l, "alerts.kinds.reporter_reply") })).toBeChecked();
  const off = db
    .select({ kind: schema.staffAlertOptOuts.kind })
    .from(schema.staffAlertOptOuts)
    .where(eq(schema.staffAlertOptOuts.staffId, worker.id))
    .all();
  expect(off).toEqual([{ kind: "urgent_case" }]);
});
