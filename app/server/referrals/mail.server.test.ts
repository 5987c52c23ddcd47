/**
 * A referral's mail through a real SMTP server started in the test (smtp-server): it arrives with the
 * link and without the story; with the server down it waits, and exactly one arrives once it is back.
 */
import fs from "node:fs";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decodedBody, startSmtpSink, type SmtpSink } from "../../../scripts/lib/smtp-sink";
import { openTestCase, organisationId } from "../../../tests/helpers/follow-fixtures";
import { writerHoldingTheLock } from "../../../tests/helpers/second-writer";
import { createTestDb, testStaff } from "../../../tests/helpers/test-db";
import { schema, type Db } from "../db.server";
import { smtpSender } from "../mailer.server";
import { backoffMs, processOutbox } from "../outbox-worker.server";
import { createReferral } from "./create.server";
import { referralLink, referralMail } from "./mail.server";
import { openReferral } from "./organisation-link.server";
import type { StaffUser } from "../staff-session.server";

const sinks: SmtpSink[] = [];
afterEach(async () => {
  await Promise.all(sinks.splice(0).map((s) => s.down()));
});

let db: Db;
let file: string;
let me: StaffUser;
beforeEach(() => {
  ({ db, file } = createTestDb());
  me = testStaff(db, "ombudsworker");
  db.update(schema.organisations)
    .set({ referralEmail: "meldingen@igj.example" })
    .where(eq(schema.organisations.kind, "igj"))
    .run();
});

async function refer(now: number) {
  const c = await openTestCase({}, { now, db });
  const r = createReferral(
    me,
    c.caseId,
    { organisationId: organisationId("igj", db), parts: ["story", "themes"], coveringNote: "Zie bijlage." },
    now,
  );
  if (!r.ok) throw new Error(r.reason);
  // Only the referral's mail: leave out anything else the transaction queued.
  db.delete(schema.outbox).where(eq(schema.outbox.purpose, "news")).run();
  return { ...c, referralId: r.referralId };
}

describe("a referral's mail text", () => {
  it("addresses the people of a municipality, not the place", () => {
    const ref = { id: 7, linkVersion: 1, linkExpiresAt: Date.UTC(2027, 0, 1) };
    expect(referralMail({ name: "Amsterdam", kind: "gemeente" }, ref, false).bodyText).toMatch(
      /^Beste collega's van de gemeente Amsterdam,\n/,
    );
    expect(referralMail({ name: "Amsterdam", kind: "gemeente" }, ref, true).bodyText).toMatch(
      /^Beste collega's van de gemeente Amsterdam,\n/,
    );
    expect(referralMail({ name: "OZJ", kind: "ozj" }, ref, false).bodyText).toMatch(
      /^Beste collega's van OZJ,/,
    );
  });
});

describe("a referral's mail through a real SMTP server", () => {
  it("arrives with the signed link and the reference, without the story, the note or the case code", async () => {
    const sink = await startSmtpSink();
    sinks.push(sink);
    const received = sink.received;
    const c = await refer(1_000);
    const send = smtpSender(sink.url, "ap@example.org");
    expect(await processOutbox({ db, send, now: () => 2_000 })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(["meldingen@igj.example"]);
    const text = decodedBody(received[0]!.body);
    expect(text).toContain(`R-${c.referralId}`);
    expect(text).toMatch(/^Beste collega's van Inspectie Gezondheidszorg en Jeugd/m);
    const link = /http:\/\/localhost:3000\/verwijzing\/([A-Za-z0-9_.-]+)/.exec(text);
    expect(link).not.toBeNull();
    expect(text).not.toContain("story-marker");
    expect(text).not.toContain("20 uur");
    expect(text).not.toContain("Zie bijlage");
    expect(text).not.toContain(c.code);
    // The link in the mail opens this referral.
    const opened = openReferral(link![1]!, 3_000);
    expect(opened.ok && opened.view.reference).toBe(`R-${c.referralId}`);
    expect(db.select().from(schema.referrals).get()).toMatchObject({ status: "sent", sentAt: 2_000 });
  });

  it("keeps no live link at rest: not in the database file or its WAL, queued or sent", async () => {
    const sink = await startSmtpSink();
    sinks.push(sink);
    const c = await refer(1_000);
    const ref = db.select().from(schema.referrals).where(eq(schema.referrals.id, c.referralId)).get()!;
    const url = referralLink(ref.id, ref.linkVersion, ref.linkExpiresAt);
    const token = url.split("/verwijzing/")[1]!;
    // Every byte SQLite keeps on disk for this database.
    const onDisk = () =>
      Buffer.concat(
        ["", "-wal", "-shm", "-journal"].flatMap((suffix) =>
          fs.existsSync(file + suffix) ? [fs.readFileSync(file + suffix)] : [],
        ),
      );
    for (const when of ["queued", "sent"]) {
      if (when === "sent") {
        const send = smtpSender(sink.url, "ap@example.org");
        expect((await processOutbox({ db, send, now: () => 2_000 })).sent).toBe(1);
      }
      const bytes = onDisk();
      expect(bytes.includes(token), `token on disk, ${when}`).toBe(false);
      expect(bytes.includes("/verwijzing/"), `referral URL on disk, ${when}`).toBe(false);
    }
    // The mail that arrived holds the link, and it works.
    const text = decodedBody(sink.received[0]!.body);
    expect(text).toContain(url);
    expect(openReferral(token, 3_000).ok).toBe(true);
  });

  it("waits while the SMTP server is down, then exactly one mail arrives when it is back", async () => {
    const sink = await startSmtpSink({ listening: false });
    sinks.push(sink);
    const send = smtpSender(sink.url, "ap@example.org");
    await refer(0);
    let t = 0;
    expect(await processOutbox({ db, send, now: () => t })).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(db.select().from(schema.referrals).get()!.status).toBe("pending");
    t = backoffMs(1) - 1;
    expect(await processOutbox({ db, send, now: () => t })).toEqual({ sent: 0, retried: 0, failed: 0 });

    await sink.up();
    t = backoffMs(1);
    expect(await processOutbox({ db, send, now: () => t })).toEqual({ sent: 1, retried: 0, failed: 0 });
    t += 60 * 60_000;
    await processOutbox({ db, send, now: () => t });
    expect(sink.received).toHaveLength(1);
    expect(db.select().from(schema.referrals).get()!.status).toBe("sent");
  });
});

describe("a second writer on the database file", () => {
  it("makes the worker wait for the lock, not fail with SQLITE_BUSY, and the mail goes out once", async () => {
    await refer(0);
    let calls = 0;
    const worker = await writerHoldingTheLock(file, 300);
    const exited = new Promise((r) => worker.once("exit", r));
    const run = await processOutbox({ db, send: async () => void calls++, now: () => 1_000 });
    await exited;
    expect(run).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(calls).toBe(1);
    expect(db.select().from(schema.referrals).get()!.status).toBe("sent");
  });
});
