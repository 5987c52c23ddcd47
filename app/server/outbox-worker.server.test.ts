import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startSmtpSink, type SmtpSink } from "../../scripts/lib/smtp-sink";
import { createTestDb } from "../../tests/helpers/test-db";
import { encrypt } from "./crypto.server";
import { schema, type Db } from "./db.server";
import { smtpSender } from "./mailer.server";
import { backoffMs, MAX_ATTEMPTS, processOutbox } from "./outbox-worker.server";

function enqueue(db: Db, to: string, now: number) {
  return db
    .insert(schema.outbox)
    .values({
      purpose: "referral",
      toEnc: encrypt(to),
      subject: "Nieuwe verwijzing",
      bodyText: "Open de beveiligde link: http://x/verwijzing/abc",
      nextAttemptAt: now,
      createdAt: now,
    })
    .returning({ id: schema.outbox.id })
    .get().id;
}

const sinks: SmtpSink[] = [];
afterEach(async () => {
  await Promise.all(sinks.splice(0).map((s) => s.down()));
});

describe("mail outbox with a real SMTP server", () => {
  it("delivers a queued mail once and marks it sent", async () => {
    const { db } = createTestDb();
    const sink = await startSmtpSink();
    sinks.push(sink);
    const received = sink.received;
    const id = enqueue(db, "meldingen@igj.example", 1_000);
    const send = smtpSender(sink.url, "ap@example.org");
    expect(await processOutbox({ db, send, now: () => 1_000 })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await processOutbox({ db, send, now: () => 2_000 })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(["meldingen@igj.example"]);
    expect(received[0]!.body).toContain("/verwijzing/abc");
    const row = db.select().from(schema.outbox).where(eq(schema.outbox.id, id)).get()!;
    expect(row).toMatchObject({ status: "sent", attempts: 1 });
    // the address is stored encrypted
    expect(row.toEnc).not.toContain("igj.example");
  });

  it("waits while the server is down, then delivers exactly one mail when it is back", async () => {
    const { db } = createTestDb();
    const sink = await startSmtpSink({ listening: false });
    sinks.push(sink);
    const send = smtpSender(sink.url, "ap@example.org");
    const id = enqueue(db, "ozj@example.org", 0);
    let t = 0;
    expect(await processOutbox({ db, send, now: () => t })).toEqual({ sent: 0, retried: 1, failed: 0 });
    let row = db.select().from(schema.outbox).where(eq(schema.outbox.id, id)).get()!;
    expect(row).toMatchObject({ status: "queued", attempts: 1, nextAttemptAt: backoffMs(1) });
    expect(row.lastError).toBeTruthy();
    // not yet due: nothing happens
    t = backoffMs(1) - 1;
    expect(await processOutbox({ db, send, now: () => t })).toEqual({ sent: 0, retried: 0, failed: 0 });

    await sink.up();
    t = backoffMs(1);
    expect(await processOutbox({ db, send, now: () => t })).toEqual({ sent: 1, retried: 0, failed: 0 });
    t += 10 * 60_000;
    await processOutbox({ db, send, now: () => t });
    expect(sink.received).toHaveLength(1);
    row = db.select().from(schema.outbox).where(eq(schema.outbox.id, id)).get()!;
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("keeps only the SMTP code of a refused recipient, never the address the server names", async () => {
    const { db } = createTestDb();
    const sink = await startSmtpSink();
    sinks.push(sink);
    sink.mode = "reject";
    const id = enqueue(db, "reporter.private@example.org", 0);
    const send = smtpSender(sink.url, "ap@example.org");
    expect(await processOutbox({ db, send, now: () => 0 })).toEqual({ sent: 0, retried: 1, failed: 0 });
    const row = db.select().from(schema.outbox).where(eq(schema.outbox.id, id)).get()!;
    expect(row.lastError).toBe("550 recipient rejected");
    const file = db.$client
      .prepare("select * from outbox")
      .all()
      .map((r) => JSON.stringify(r))
      .join("\n");
    expect(file).not.toContain("reporter.private");
  });

  it("keeps the kind of a connection error, not its text", async () => {
    const { db } = createTestDb();
    const sink = await startSmtpSink({ listening: false });
    sinks.push(sink);
    const id = enqueue(db, "x@example.org", 0);
    await processOutbox({ db, send: smtpSender(sink.url, "ap@example.org"), now: () => 0 });
    expect(db.select().from(schema.outbox).where(eq(schema.outbox.id, id)).get()!.lastError).toMatch(
      /^E[A-Z]+ connection failed$/,
    );
  });

  it("gives up after the maximum number of attempts", async () => {
    const { db } = createTestDb();
    const id = enqueue(db, "x@example.org", 0);
    const failing = async () => {
      throw new Error("connection refused");
    };
    let t = 0;
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await processOutbox({ db, send: failing, now: () => t });
      t += 2 * 60 * 60_000;
    }
    expect(db.select().from(schema.outbox).where(eq(schema.outbox.id, id)).get()).toMatchObject({
      status: "failed",
      attempts: MAX_ATTEMPTS,
    });
  });

  it("never resends a mail that was being sent when the server stopped", async () => {
    const { db } = createTestDb();
    const id = enqueue(db, "x@example.org", 0);
    db.update(schema.outbox).set({ status: "sending", attempts: 1 }).where(eq(schema.outbox.id, id)).run();
    let calls = 0;
    await processOutbox({ db, send: async () => void calls++, now: () => 10_000_000 });
    expect(calls).toBe(0);
  });
});

describe("after SMTP accepted a mail", () => {
  it("never queues it again when recording it as sent fails (it stays uncertain)", async () => {
    const { db } = createTestDb();
    const id = enqueue(db, "x@example.org", 0);
    // The database refuses to record the mail as sent (as a full disk or a busy database would).
    db.$client.exec(`create trigger no_sent before update on outbox when new.status = 'sent'
      begin select raise(abort, 'disk full'); end`);
    let calls = 0;
    const send = async () => void calls++;
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await processOutbox({ db, send, now: () => 0 })).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(quiet).toHaveBeenCalledOnce();
    } finally {
      quiet.mockRestore();
    }
    expect(db.select().from(schema.outbox).where(eq(schema.outbox.id, id)).get()).toMatchObject({
      status: "sending",
      attempts: 1,
    });
    for (const t of [backoffMs(1), backoffMs(8), 24 * 60 * 60_000])
      await processOutbox({ db, send, now: () => t });
    expect(calls).toBe(1);
  });
});
