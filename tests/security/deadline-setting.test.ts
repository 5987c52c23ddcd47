/**
 * A coordinator changes the deadlines on the settings page; the next case promises the new ones (its
 * receipt and the staff case page), and a case sent before keeps what it was promised. Over real HTTP,
 * as a browser without JavaScript (issue 14: new cases were given the default deadlines).
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { caseDeadlines, defaultDeadlineSettings, type DeadlineSettings } from "~/domain/working-days";
import { deadlineSettingKeys } from "~/server/deadline-settings.server";
import { schema } from "~/server/db.server";
import { answerQuestions, Browser, sendAnswers, textOf, type Page } from "./helpers/browser";
import { serverDb, staffClient } from "./helpers/db";
import { word as localeText } from "./helpers/locale";

const answers = {
  reporterRole: "young_person",
  story: "Ik werd drie dagen opgesloten.",
  safeNow: "yes",
  wishes: ["heard"],
  contactMethod: "none",
};

async function sendTestimony() {
  const b = new Browser({ lang: "nl" });
  await answerQuestions(b, "/verhaal", answers);
  const receipt = await sendAnswers(b);
  const row = serverDb()
    .select()
    .from(schema.cases)
    .where(eq(schema.cases.code, receipt.code.replace(/-/g, "")))
    .get()!;
  return { receipt, row };
}

const longDate = (ms: number) =>
  new Intl.DateTimeFormat("nl-NL", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Amsterdam",
  }).format(ms);

/** The <time> of a dt/dd pair on a staff page. */
function dueShown(page: Page, key: string) {
  const label = localeText("nl", "staff", key);
  const dt = page.doc.querySelectorAll("main dt").find((d) => textOf(d) === label);
  return dt?.nextElementSibling?.querySelector("time")?.getAttribute("datetime");
}

afterAll(() => {
  // Other test files share this database: the statutory defaults again.
  serverDb()
    .delete(schema.settings)
    .where(inArray(schema.settings.key, Object.values(deadlineSettingKeys)))
    .run();
});

describe("a changed deadline setting", () => {
  it("applies to the next case: its receipt and its staff case page", async () => {
    const before = await sendTestimony();

    const { client } = await staffClient("coordinator");
    const coordinator = new Browser({ client });
    await coordinator.open("/medewerker/instellingen");
    const changed: DeadlineSettings = { ackWorkingDays: 8, ackWorkingDaysUrgent: 3, answerWeeks: 9 };
    expect(changed.ackWorkingDays).not.toBe(defaultDeadlineSettings.ackWorkingDays);
    const saved = await coordinator.submit(coordinator.form("settings"), {
      ackWorkingDays: String(changed.ackWorkingDays),
      ackWorkingDaysUrgent: String(changed.ackWorkingDaysUrgent),
      answerWeeks: String(changed.answerWeeks),
    });
    expect(saved.url, coordinator.errors()).toBe("/medewerker/instellingen?opgeslagen=1");

    const after = await sendTestimony();
    const due = caseDeadlines(after.row.receivedAt, false, changed);
    expect(textOf(after.receipt.page.doc.querySelector("main"))).toContain(
      localeText("nl", "intake", "confirmation.next.answer_other", {
        count: changed.ackWorkingDays,
        date: longDate(due.ackDueAt),
      }),
    );
    const staff = new Browser({ client });
    const page = await staff.open(`/medewerker/zaken/${after.row.id}`);
    expect(dueShown(page, "case.summary.ackDue")).toBe(new Date(due.ackDueAt).toISOString());
    expect(dueShown(page, "case.summary.answerDue")).toBe(new Date(due.answerDueAt).toISOString());

    // The case sent before the change keeps the days it was promised.
    const earlier = caseDeadlines(before.row.receivedAt, false, defaultDeadlineSettings);
    const earlierPage = await staff.open(`/medewerker/zaken/${before.row.id}`);
    expect(dueShown(earlierPage, "case.summary.ackDue")).toBe(new Date(earlier.ackDueAt).toISOString());
  });
});
