/**
 * Every staff page, in Dutch and English, including error and empty states: status, language, no hydration
 * errors. Both accessibility engines, reflow and screenshots of these pages: a11y-sweep.spec.ts and
 * reflow.spec.ts.
 */
import { test } from "@playwright/test";
import { expect } from "./expect";
import { createAccessToken, INVITE_TTL_MS } from "~/server/access-tokens.server";
import { createStaff, e2eDatabase, seedCase } from "../helpers/seed-cases";
import { languages } from "./helpers";
import { expectErrorTitle, open, signIn, type Lng } from "./staff-helpers";

for (const lng of languages) {
  const l = lng as Lng;
  test(`every staff page answers in its language without hydration errors (${lng})`, async ({ page }) => {
    test.setTimeout(300_000);
    const db = e2eDatabase();
    const coordinator = await createStaff(db, { role: "coordinator" });
    const colleague = await createStaff(db, { role: "ombudsworker" });
    const related = { unitId: 2, periodFromYear: 2020, periodToYear: 2021 };
    const c = seedCase(db, { ...related, kind: "contact", reporterMessages: ["Bel me na vijven."] });
    seedCase(db, { ...related, kind: "testimony" });
    const invitation = createAccessToken("invite", "coordinator", { ttlMs: INVITE_TTL_MS, db });
    const errors: string[] = [];
    // The 404 and 400 answers we ask for are logged as failed resources; anything else is a real error.
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, coordinator, l);

    const pages: { path: string; name: string; status?: number }[] = [
      { path: "/medewerker", name: "queue-default" },
      { path: "/medewerker?status=all&assignee=nobody&sort=newest", name: "queue-filtered" },
      { path: "/medewerker?kind=contact&status=waiting&overdue=1&unit=none", name: "queue-empty" },
      { path: `/medewerker/zaken/${c.id}`, name: "case-contact-request" },
      { path: `/medewerker/zaken/${c.id}?contact=show`, name: "case-contact-shown" },
      { path: "/medewerker/team", name: "team" },
      { path: `/medewerker/team/${colleague.id}`, name: "member" },
      { path: `/medewerker/team/${coordinator.id}`, name: "member-self" },
      { path: "/medewerker/audit?action=case_viewed", name: "audit-filtered" },
      { path: "/medewerker/herstelcodes", name: "recovery-later" },
      { path: "/medewerker/zaken/999999", name: "case-not-found", status: 404 },
      { path: `/medewerker/uitnodiging/${invitation}`, name: "invitation" },
      { path: "/medewerker/uitnodiging/not-a-valid-token", name: "invitation-invalid", status: 404 },
      { path: "/medewerker/setup/not-a-valid-token", name: "setup-invalid", status: 404 },
    ];
    for (const p of pages) {
      const response = await open(page, p.path, l);
      expect(response?.status(), p.path).toBe(p.status ?? 200);
      await expect(page.locator("html")).toHaveAttribute("lang", lng);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }

    // A page past the end shows the last page.
    await open(page, "/medewerker?status=all&page=9999", l);
    await expect(page).not.toHaveURL(/page=9999/);
    await expect(page.getByRole("table")).toBeVisible();

    // The pattern of related cases is on the case page.
    await open(page, `/medewerker/zaken/${c.id}`, l);
    await expect(
      page.getByText(lng === "nl" ? /andere (zaak|zaken) over Pactum/ : /other cases? about Pactum/),
    ).toBeVisible();

    // An error state of the recovery codes page.
    await open(page, "/medewerker/herstelcodes", l);
    await page
      .getByRole("button", { name: lng === "nl" ? "Nieuwe herstelcodes maken" : "Make new recovery codes" })
      .click();
    await expectErrorTitle(page, l);
    expect(errors).toEqual([]);
  });
}
