import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { formatCaseCode } from "~/domain/codes";
import { openTestCase } from "../../tests/helpers/follow-fixtures";
import { createTestDb } from "../../tests/helpers/test-db";
import { decrypt } from "./crypto.server";
import { schema, type Db } from "./db.server";
import { openCaseForReporter, setNotifyEmail } from "./follow.server";
import { postStaffMessage } from "./messages.server";

const NOW = Date.UTC(2026, 5, 2, 8, 0);
let db: Db;
beforeEach(() => {
  ({ db } = createTestDb());
});

const outbox = () => db.select().from(schema.outbox).all();

describe("staff messages and the news email", () => {
  it("writes the message, its event and the news mail in one go; the mail holds no content and no code", async () => {
    const c = await openTestCase();
    setNotifyEmail(c.caseId, "jongere@example.nl");
    const body = "Hoi, we hebben je verhaal gelezen. Mogen we je bellen?";
    const r = postStaffMessage(c.caseId, body, { now: NOW });
    expect(r.newsQueued).toBe(true);

    const msg = db.select().from(schema.messages).where(eq(schema.messages.id, r.messageId)).get()!;
    expect(msg).toMatchObject({ author: "staff", readAt: null });
    expect(msg.bodyEnc).not.toContain("verhaal");
    expect(decrypt(msg.bodyEnc)).toBe(body);

    const [mail, ...rest] = outbox();
    expect(rest).toEqual([]);
    expect(mail).toMatchObject({ purpose: "news", status: "queued", nextAttemptAt: NOW, createdAt: NOW });
    expect(decrypt(mail!.toEnc)).toBe("jongere@example.nl");
    expect(mail!.toEnc).not.toBe(db.select().from(schema.cases).get()!.notifyEmailEnc);
    const text = `${mail!.subject}\n${mail!.bodyText}`;
    expect(text).toContain("/volgen");
    for (const secret of [c.code, formatCaseCode(c.code), "verhaal", "bellen", "jongere"])
      expect(text).not.toContain(secret);
  });

  it("mails once until the reporter has been back, and not at all without an address", async () => {
    const c = await openTestCase();
    expect(postStaffMessage(c.caseId, "Zonder adres", { now: NOW }).newsQueued).toBe(false);
    openCaseForReporter(c.caseId, { now: NOW + 1 }); // read
    setNotifyEmail(c.caseId, "jongere@example.nl");
    expect(postStaffMessage(c.caseId, "Eerste", { now: NOW + 2 }).newsQueued).toBe(true);
    expect(postStaffMessage(c.caseId, "Tweede", { now: NOW + 3 }).newsQueued).toBe(false);
    openCaseForReporter(c.caseId, { now: NOW + 4 });
    expect(postStaffMessage(c.caseId, "Derde", { now: NOW + 5 }).newsQueued).toBe(true);
    expect(outbox()).toHaveLength(2);
  });

  it("writes the mail in the reporter's language", async () => {
    const c = await openTestCase({ language: "en" });
    setNotifyEmail(c.caseId, "young@example.org");
    postStaffMessage(c.caseId, "Hello", { now: NOW });
    expect(outbox()[0]!.bodyText).toMatch(/new message/i);
  });
});
