import { beforeEach, describe, expect, it } from "vitest";
import { formatCaseCode } from "~/domain/codes";
import { openTestCase, staffMessage } from "../../tests/helpers/follow-fixtures";
import { createTestDb, testStaff } from "../../tests/helpers/test-db";
import { NEWS_MAIL_WINDOW_MS } from "~/domain/news-mail";
import { changeStatus } from "./case-admin/status.server";
import { decrypt } from "./crypto.server";
import { schema, type Db } from "./db.server";
import { notifyEmailOf, setNotifyEmail } from "./follow.server";

const NOW = Date.UTC(2026, 5, 2, 8, 0);
let db: Db;
beforeEach(() => {
  ({ db } = createTestDb());
});

const outbox = () => db.select().from(schema.outbox).all();

describe("the 'there is news' email, from /volgen to the outbox", () => {
  it("the address the reporter gives is encrypted, and a staff message queues a mail to it in the same step", async () => {
    const c = await openTestCase();
    expect(setNotifyEmail(c.caseId, "jongere@example.nl")).toBe(true);
    expect(db.select().from(schema.cases).get()!.notifyEmailEnc).not.toContain("jongere");

    const body = "Hoi, we hebben je verhaal gelezen. Mogen we je bellen?";
    staffMessage(c.caseId, body, { now: NOW });
    const message = db.select().from(schema.messages).get()!;
    expect(message).toMatchObject({ author: "staff", readAt: null, at: NOW });
    expect(decrypt(message.bodyEnc)).toBe(body);

    const mails = outbox();
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail).toMatchObject({ purpose: "news", status: "queued", createdAt: NOW, nextAttemptAt: NOW });
    expect(decrypt(mail!.toEnc)).toBe("jongere@example.nl");
    const text = `${mail!.subject}\n${mail!.bodyText}`;
    expect(text).toContain("/volgen");
    for (const secret of [c.code, formatCaseCode(c.code), "verhaal", "bellen", "jongere"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("writes no mail without an address, or after the reporter removed it", async () => {
    const c = await openTestCase({ language: "en" });
    staffMessage(c.caseId, "One", { now: NOW });
    setNotifyEmail(c.caseId, "young@example.org");
    staffMessage(c.caseId, "Two", { now: NOW + 1 });
    setNotifyEmail(c.caseId, null);
    expect(notifyEmailOf(c.caseId)).toBeNull();
    staffMessage(c.caseId, "Three", { now: NOW + 2 });
    expect(outbox().map((m) => decrypt(m.toEnc))).toEqual(["young@example.org"]);
    expect(outbox()[0]!.bodyText).toMatch(/news/i);
  });

  it("one staff update (a status and a message in the same second) sends one mail; news after the window another", async () => {
    const c = await openTestCase();
    setNotifyEmail(c.caseId, "jongere@example.nl");
    const me = testStaff(db, "ombudsworker");
    expect(changeStatus(c.caseId, me, "in_progress", null, NOW)).toEqual({ ok: true });
    staffMessage(c.caseId, "We zijn ermee bezig.", { now: NOW + 400 });
    expect(outbox()).toHaveLength(1);

    staffMessage(c.caseId, "Nog een vraag.", { now: NOW + NEWS_MAIL_WINDOW_MS - 1 });
    expect(outbox()).toHaveLength(1);

    staffMessage(c.caseId, "Er is nieuws.", { now: NOW + NEWS_MAIL_WINDOW_MS });
    expect(outbox().map((m) => m.createdAt)).toEqual([NOW, NOW + NEWS_MAIL_WINDOW_MS]);
  });
});
