import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { openTestCase, organisationId } from "../../tests/helpers/follow-fixtures";
import { createTestDb, testStaff } from "../../tests/helpers/test-db";
import { changeConsents } from "./consent.server";
import { encrypt } from "./crypto.server";
import { schema, type Db } from "./db.server";
import { mailProblems, retryProblemMail, UNCERTAIN_AFTER_MS } from "./mail-admin.server";
import { MAX_ATTEMPTS, processOutbox } from "./outbox-worker.server";
import { createReferral } from "./referrals/create.server";
import type { StaffUser } from "./staff-session.server";

let db: Db;
let me: StaffUser;
beforeEach(() => {
  db = createTestDb().db;
  me = testStaff(db, "coordinator");
  db.update(schema.organisations)
    .set({ referralEmail: "igj@example.org" })
    .where(eq(schema.organisations.kind, "igj"))
    .run();
});

const mail = (values: Partial<typeof schema.outbox.$inferInsert>) =>
  db
    .insert(schema.outbox)
    .values({
      purpose: "news",
      toEnc: encrypt("x@example.org"),
      subject: "s",
      bodyText: "b",
      nextAttemptAt: 0,
      createdAt: 0,
      ...values,
    })
    .returning({ id: schema.outbox.id })
    .get().id;

describe("the coordinators' mail page", () => {
  it("lists failed mails and mails stuck mid-send, never queued or sent ones, and never their text", () => {
    const now = 100 * 60_000;
    const failed = mail({ status: "failed", attempts: MAX_ATTEMPTS, lastError: "connect ECONNREFUSED" });
    const stuck = mail({ status: "sending", attempts: 1, nextAttemptAt: now - UNCERTAIN_AFTER_MS - 1 });
    mail({ status: "sending", attempts: 1, nextAttemptAt: now - 1000 }); // just started
    mail({ status: "queued" });
    mail({ status: "sent" });
    const { rows, queued } = mailProblems(now, db);
    expect(queued).toBe(1);
    // Newest first (same time here, so the later row first).
    expect(rows.map((r) => [r.id, r.uncertain, r.lastError])).toEqual([
      [stuck, true, null],
      [failed, false, "connect ECONNREFUSED"],
    ]);
    expect(JSON.stringify(rows)).not.toContain("x@example.org");
  });

  it("a retry puts the mail back in the queue, is audited, and never resends a sent mail", () => {
    const failed = mail({ status: "failed", attempts: MAX_ATTEMPTS });
    const sent = mail({ status: "sent" });
    expect(retryProblemMail(me, failed, 5)).toEqual({ ok: true });
    expect(db.select().from(schema.outbox).where(eq(schema.outbox.id, failed)).get()).toMatchObject({
      status: "queued",
      attempts: 0,
      nextAttemptAt: 5,
    });
    expect(retryProblemMail(me, sent)).toEqual({ ok: false, reason: "not_found" });
    expect(
      db.select().from(schema.auditLog).where(eq(schema.auditLog.action, "mail_retried")).all(),
    ).toHaveLength(1);
  });

  it("shows a referral mail cancelled by a withdrawal as such, without a retry", async () => {
    const c = await openTestCase({}, { db });
    const r = createReferral(me, c.caseId, {
      organisationId: organisationId("igj", db),
      parts: ["story"],
      coveringNote: "",
    });
    if (!r.ok) throw new Error(r.reason);
    changeConsents(c.caseId, { igj: "none", ozj: "none", gemeente: "none" }, { db });
    await processOutbox({ db, send: async () => {} });
    const row = mailProblems(Date.now(), db).rows.find((x) => x.kind === "referral")!;
    expect(row).toMatchObject({
      reference: `R-${r.referralId}`,
      caseId: c.caseId,
      cancelled: true,
      lastError: null,
    });
    expect(retryProblemMail(me, row.id)).toEqual({ ok: false, reason: "cancelled" });
  });
});
