import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { testCase } from "../../tests/helpers/follow-fixtures";
import { createTestDb, testStaff } from "../../tests/helpers/test-db";
import { createCase } from "./cases.server";
import { changeConsents } from "./consent.server";
import { decrypt } from "./crypto.server";
import { schema, type Db } from "./db.server";
import { seedCase } from "./dev-seed.server";
import { postReporterMessage } from "./follow.server";
import { DUE_SOON_MS, staffAlertKinds } from "~/domain/staff-alerts";
import { alertsOn, queueDeadlineAlerts, queueStaffAlert, saveAlertsOn } from "./staff-alerts.server";

const SECRET = "marker-alert-9c1e";
let db: Db;

/** The staff alerts in the outbox: to whom (decrypted), and what they say. */
const alerts = () =>
  db
    .select()
    .from(schema.outbox)
    .all()
    .filter((m) => m.purpose.startsWith("staff_alert:"))
    .map((m) => ({ purpose: m.purpose, to: decrypt(m.toEnc), subject: m.subject, body: m.bodyText }));

beforeEach(() => {
  db = createTestDb().db;
});

describe("staff alerts by e-mail", () => {
  it("a new urgent case: everyone who did not turn it off, and no content in the mail", async () => {
    const a = testStaff(db, "ombudsworker", { name: "A", email: "a@example.org" });
    testStaff(db, "coordinator", { name: "C", email: "c@example.org" });
    const quiet = testStaff(db, "ombudsworker", { name: "Q", email: "q@example.org" });
    testStaff(db, "ombudsworker", { name: "Gone", email: "gone@example.org", active: false });
    saveAlertsOn(quiet.id, ["reporter_reply"]);

    await createCase(testCase({ story: { text: `Mijn verhaal ${SECRET}` } }), { submissionKey: "calm" });
    expect(alerts()).toEqual([]);
    const created = await createCase(
      testCase({ urgent: true, safeNow: "no", story: { text: `Mijn verhaal ${SECRET}` } }),
      {
        submissionKey: "urgent",
      },
    );

    const sent = alerts();
    expect(sent.map((m) => m.to).sort()).toEqual(["a@example.org", "c@example.org"]);
    for (const m of sent) {
      expect(m.purpose).toBe("staff_alert:urgent_case");
      expect(m.body).toContain(`/medewerker/zaken/${created.caseId}`);
      expect(`${m.subject}\n${m.body}`).not.toMatch(
        new RegExp(`${SECRET}|veilig|urgent|${created.code}`, "i"),
      );
    }
    expect(alertsOn(a.id)).toEqual([...staffAlertKinds]);
    expect(alertsOn(quiet.id)).toEqual(["reporter_reply"]);
  });

  it("a reporter's reply: the person handling the case, or everyone while nobody does", () => {
    const a = testStaff(db, "ombudsworker", { name: "A", email: "a@example.org" });
    testStaff(db, "coordinator", { name: "C", email: "c@example.org" });
    const { id } = seedCase(db);
    expect(postReporterMessage(id, `Nog iets ${SECRET}`, { db })).toBe("sent");
    expect(
      alerts()
        .map((m) => m.to)
        .sort(),
    ).toEqual(["a@example.org", "c@example.org"]);

    db.delete(schema.outbox).run();
    db.update(schema.cases).set({ assigneeId: a.id }).where(eq(schema.cases.id, id)).run();
    expect(postReporterMessage(id, "En nog iets", { db })).toBe("sent");
    expect(alerts()).toMatchObject([{ to: "a@example.org", purpose: "staff_alert:reporter_reply" }]);
    expect(alerts()[0]!.body).not.toContain(SECRET);
  });

  it("a changed consent: one alert to the person handling the case, saying nothing of the choice", () => {
    const a = testStaff(db, "ombudsworker", { name: "A", email: "a@example.org" });
    testStaff(db, "coordinator", { name: "C", email: "c@example.org" });
    const { id } = seedCase(db);
    db.update(schema.cases).set({ assigneeId: a.id }).where(eq(schema.cases.id, id)).run();
    changeConsents(id, { gemeente: "identity", igj: "anonymous", ozj: "none" }, { db });
    expect(alerts()).toMatchObject([{ to: "a@example.org", purpose: "staff_alert:consent_changed" }]);
    expect(alerts()[0]!.body).not.toMatch(/gemeente|IGJ|OZJ|toestemming/i);

    db.delete(schema.outbox).run();
    changeConsents(id, { gemeente: "identity", igj: "anonymous", ozj: "none" }, { db });
    expect(alerts()).toEqual([]); // nothing changed, nothing sent
  });

  it("a deadline: once when it is a day away, once when it has passed, never for a closed case", () => {
    const a = testStaff(db, "ombudsworker", { name: "A", email: "a@example.org" });
    const open = seedCase(db, { assigneeId: a.id });
    const closed = seedCase(db, { assigneeId: a.id, status: "closed" });
    const dueAt = Date.UTC(2026, 11, 10, 22, 59);
    db.update(schema.cases).set({ nextDueAt: dueAt }).run();

    expect(queueDeadlineAlerts(dueAt - 3 * DUE_SOON_MS, db)).toBe(0);
    expect(queueDeadlineAlerts(dueAt - 3_600_000, db)).toBe(1);
    expect(queueDeadlineAlerts(dueAt - 60_000, db)).toBe(0);
    expect(queueDeadlineAlerts(dueAt + 60_000, db)).toBe(1);
    expect(queueDeadlineAlerts(dueAt + 3 * DUE_SOON_MS, db)).toBe(0);
    expect(alerts()).toMatchObject([
      { to: "a@example.org", purpose: "staff_alert:deadline_approaching" },
      { to: "a@example.org", purpose: "staff_alert:deadline_missed" },
    ]);
    for (const m of alerts()) expect(m.body).toContain(`/medewerker/zaken/${open.id}`);
    expect(alerts().some((m) => m.body.includes(`/medewerker/zaken/${closed.id}`))).toBe(false);
  });

  it("a failed referral mail: the person handling the case and the coordinators", () => {
    const a = testStaff(db, "ombudsworker", { name: "A", email: "a@example.org" });
    testStaff(db, "ombudsworker", { name: "B", email: "b@example.org" });
    testStaff(db, "coordinator", { name: "C", email: "c@example.org" });
    const { id } = seedCase(db);
    db.update(schema.cases).set({ assigneeId: a.id }).where(eq(schema.cases.id, id)).run();
    expect(queueStaffAlert(db, "referral_mail_failed", id)).toBe(2);
    expect(
      alerts()
        .map((m) => m.to)
        .sort(),
    ).toEqual(["a@example.org", "c@example.org"]);
  });
});
