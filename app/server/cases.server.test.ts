import crypto from "node:crypto";
import fs from "node:fs";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { formatCaseCode } from "~/domain/codes";
import { formatPassphrase } from "~/domain/passphrase";
import type { NewCase } from "~/domain/new-case";
import { caseDeadlines } from "~/domain/working-days";
import { writerHoldingTheLock } from "../../tests/helpers/second-writer";
import { createTestDb } from "../../tests/helpers/test-db";
import { authenticateCase, createCase, findCaseByCode } from "./cases.server";
import { decryptJson } from "./crypto.server";
import { schema, type Db } from "./db.server";

const STORY = "Ik zat meer dan 20 uur per dag alleen in de separeer. Niemand luisterde. [marker-7f3a]";

function newCase(overrides: Partial<NewCase> = {}): NewCase {
  return {
    kind: "testimony",
    language: "nl",
    urgent: false,
    reporterRole: "young_person",
    unitId: 1,
    periodFrom: 2019,
    periodTo: 2021,
    themes: ["isolation", "no_school"],
    wishes: ["heard", "investigation"],
    safeNow: "yes",
    municipalityCode: "GM0363",
    contactMethod: "email",
    story: { text: STORY },
    details: { themeOther: "Geen bezoek van mijn broer" },
    contact: { email: "jongere@example.nl", safeTimes: "na 16 uur", mayLeaveMessage: false },
    consents: [{ recipient: "igj", given: true, withIdentity: false }],
    ...overrides,
  };
}

// Tuesday 2 June 2026, 10:00 in Amsterdam.
const NOW = Date.UTC(2026, 5, 2, 8, 0);

let db: Db;
let file: string;
beforeEach(() => {
  ({ db, file } = createTestDb());
});

describe("createCase", () => {
  it("waits for a second writer on the database file instead of failing with SQLITE_BUSY", async () => {
    // The cause `npm run test:load` found in the outbox worker (a deferred read-then-write transaction).
    const worker = await writerHoldingTheLock(file, 1_000);
    const exited = new Promise((r) => worker.once("exit", r));
    const result = await createCase(newCase(), { submissionKey: "busy", now: NOW });
    await exited;
    expect(result.created).toBe(true);
    expect(db.select().from(schema.cases).all()).toHaveLength(1);
  });

  it("opens a received case with code, passphrase, deadlines, consents and a timeline event", async () => {
    const result = await createCase(newCase(), { submissionKey: "k1", now: NOW });
    expect(result.created).toBe(true);
    expect(result.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(result.passphrase).toMatch(/^[a-z]{4,8}( [a-z]{4,8}){4}$/);
    const deadlines = caseDeadlines(NOW, false);
    expect(result.ackDueAt).toBe(deadlines.ackDueAt);

    const row = db.select().from(schema.cases).where(eq(schema.cases.id, result.caseId)).get()!;
    expect(row).toMatchObject({
      code: result.code,
      kind: "testimony",
      status: "received",
      urgent: false,
      language: "nl",
      reporterRole: "young_person",
      unitId: 1,
      periodFrom: 2019,
      periodTo: 2021,
      themes: ["isolation", "no_school"],
      wishes: ["heard", "investigation"],
      safeNow: "yes",
      municipalityCode: "GM0363",
      contactMethod: "email",
      receivedAt: NOW,
      ackDueAt: deadlines.ackDueAt,
      answerDueAt: deadlines.answerDueAt,
    });
    expect(row.passphraseHash).toMatch(/^\$argon2id\$/);
    expect(row.passphraseHash).not.toContain(result.passphrase);

    const consents = db.select().from(schema.consents).where(eq(schema.consents.caseId, result.caseId)).all();
    expect(consents.map((c) => [c.recipient, c.given, c.withIdentity]).sort()).toEqual([
      ["gemeente", false, false],
      ["igj", true, false],
      ["ozj", false, false],
    ]);

    const events = db
      .select()
      .from(schema.caseEvents)
      .where(eq(schema.caseEvents.caseId, result.caseId))
      .all();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "received", reporterVisible: true, at: NOW });
  });

  it("gives an urgent case one working day to be acknowledged", async () => {
    const result = await createCase(newCase({ urgent: true, safeNow: "no" }), {
      submissionKey: "u",
      now: NOW,
    });
    expect(result.urgent).toBe(true);
    expect(result.ackDueAt).toBe(caseDeadlines(NOW, true).ackDueAt);
    // Received on a Tuesday: due by the end of Wednesday.
    expect(new Date(result.ackDueAt).toISOString()).toBe("2026-06-03T21:59:59.999Z");
  });

  it("takes its deadlines from the coordinators' settings as they are when the case is made", async () => {
    const first = await createCase(newCase(), { submissionKey: "before", now: NOW });
    expect(first.ackWorkingDays).toBe(5);
    for (const [key, value] of [
      ["deadline.ack_working_days", "3"],
      ["deadline.ack_working_days_urgent", "2"],
      ["deadline.answer_weeks", "4"],
    ]) {
      db.insert(schema.settings).values({ key: key!, value: value! }).run();
    }
    const next = await createCase(newCase(), { submissionKey: "after", now: NOW });
    const urgent = await createCase(newCase({ urgent: true }), { submissionKey: "urgent", now: NOW });
    // Received on Tuesday 2 June 2026: three working days is Friday 5 June, four weeks is 30 June.
    expect(new Date(next.ackDueAt).toISOString()).toBe("2026-06-05T21:59:59.999Z");
    expect(new Date(next.answerDueAt).toISOString()).toBe("2026-06-30T21:59:59.999Z");
    expect(next.ackWorkingDays).toBe(3);
    expect(new Date(urgent.ackDueAt).toISOString()).toBe("2026-06-04T21:59:59.999Z");
    expect(urgent.ackWorkingDays).toBe(2);
    const stored = db.select().from(schema.cases).where(eq(schema.cases.id, next.caseId)).get()!;
    expect([stored.ackDueAt, stored.answerDueAt]).toEqual([next.ackDueAt, next.answerDueAt]);
    // The case made before the change keeps the deadline it was given.
    const earlier = db.select().from(schema.cases).where(eq(schema.cases.id, first.caseId)).get()!;
    expect(earlier.ackDueAt).toBe(caseDeadlines(NOW, false).ackDueAt);
  });

  it("stores the story, details and contact as ciphertext only", async () => {
    const result = await createCase(newCase(), { submissionKey: "enc", now: NOW });
    const raw = db.$client
      .prepare("select story_enc, details_enc, contact_enc from cases where id = ?")
      .get(result.caseId) as Record<string, string>;
    for (const value of Object.values(raw)) expect(value).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(raw.story_enc).not.toContain("separeer");
    expect(raw.contact_enc).not.toContain("jongere@example.nl");
    expect(decryptJson(raw.story_enc)).toEqual({ text: STORY });
    expect(decryptJson(raw.contact_enc)).toMatchObject({ email: "jongere@example.nl" });

    // Not in the database file either (nor in its write-ahead log).
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    for (const f of [file, `${file}-wal`]) {
      if (!fs.existsSync(f)) continue;
      const bytes = fs.readFileSync(f);
      expect(bytes.includes(Buffer.from("marker-7f3a"))).toBe(false);
      expect(bytes.includes(Buffer.from("jongere@example.nl"))).toBe(false);
    }
  });

  it("leaves the contact column empty when the person wants to be reached by nobody", async () => {
    const result = await createCase(newCase({ contactMethod: "none", contact: null, details: {} }), {
      submissionKey: "none",
      now: NOW,
    });
    const row = db.select().from(schema.cases).where(eq(schema.cases.id, result.caseId)).get()!;
    expect(row.contactEnc).toBeNull();
    expect(row.detailsEnc).toBeNull();
  });

  it("creates exactly one case when the same submission arrives twice, one after the other", async () => {
    const first = await createCase(newCase(), { submissionKey: "twice", now: NOW });
    const second = await createCase(newCase(), { submissionKey: "twice", now: NOW + 1000 });
    expect(second).toMatchObject({ caseId: first.caseId, code: first.code, created: false });
    expect(second.passphrase).toBeUndefined();
    expect(db.select().from(schema.cases).all()).toHaveLength(1);
    expect(db.select().from(schema.caseEvents).all()).toHaveLength(1);
    expect(db.select().from(schema.consents).all()).toHaveLength(3);
  });

  it("creates exactly one case when the same submission arrives twice at the same time", async () => {
    const results = await Promise.all([
      createCase(newCase(), { submissionKey: "race", now: NOW }),
      createCase(newCase(), { submissionKey: "race", now: NOW }),
      createCase(newCase(), { submissionKey: "race", now: NOW }),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.caseId)).size).toBe(1);
    expect(db.select().from(schema.cases).all()).toHaveLength(1);
  });

  it("runs the caller's work inside the transaction, also for a repeat", async () => {
    const seen: boolean[] = [];
    await createCase(newCase(), {
      submissionKey: "tx",
      now: NOW,
      withinTransaction: (_tx, r) => seen.push(r.created),
    });
    await createCase(newCase(), {
      submissionKey: "tx",
      now: NOW,
      withinTransaction: (_tx, r) => seen.push(r.created),
    });
    expect(seen).toEqual([true, false]);
  });

  it("rolls the case back when the caller's work fails", async () => {
    await expect(
      createCase(newCase(), {
        submissionKey: "fail",
        now: NOW,
        withinTransaction: () => {
          throw new Error("draft write failed");
        },
      }),
    ).rejects.toThrow(/draft write failed/);
    expect(db.select().from(schema.cases).all()).toHaveLength(0);
    expect(db.select().from(schema.consents).all()).toHaveLength(0);
  });

  it("draws a new code when the first one is taken", async () => {
    // The same bytes over and over, then fresh ones: the second case's first code collides.
    const fixed = new Uint8Array(32).fill(7);
    let calls = 0;
    const scripted = (n: number) => {
      calls++;
      // calls 1 and 2 make case A (passphrase, code); call 3 is B's passphrase; 4 collides; 5 is fresh.
      return calls === 5 ? new Uint8Array(crypto.randomBytes(n)) : fixed.subarray(0, n);
    };
    const a = await createCase(newCase(), { submissionKey: "a", now: NOW, randomBytes: scripted });
    const b = await createCase(newCase(), { submissionKey: "b", now: NOW, randomBytes: scripted });
    expect(a.code).toBe("77777777");
    expect(b.code).not.toBe(a.code);
    expect(calls).toBe(5);
  });

  it("gives up with an error when the random source keeps repeating itself", async () => {
    const stuck = (n: number) => new Uint8Array(n).fill(3);
    await createCase(newCase(), { submissionKey: "s1", now: NOW, randomBytes: stuck });
    await expect(
      createCase(newCase(), { submissionKey: "s2", now: NOW, randomBytes: stuck }),
    ).rejects.toThrow(/No free case code/);
  });
});

describe("finding a case", () => {
  it("finds a case by its code as a person might type it", async () => {
    const { code } = await createCase(newCase(), { submissionKey: "find", now: NOW });
    expect(findCaseByCode(code)?.code).toBe(code);
    expect(findCaseByCode(formatCaseCode(code).toLowerCase())?.code).toBe(code);
    expect(findCaseByCode("0000-0000")).toBeUndefined();
    expect(findCaseByCode("nonsense")).toBeUndefined();
  });

  it("opens a case only with the right passphrase", async () => {
    const { code, passphrase } = await createCase(newCase(), { submissionKey: "auth", now: NOW });
    expect((await authenticateCase(code, formatPassphrase(passphrase!).toLowerCase()))?.code).toBe(code);
    expect(await authenticateCase(code, "AAAAAAAAAAAAAAAA")).toBeNull();
    expect(await authenticateCase("ZZZZZZZZ", passphrase!)).toBeNull();
  });

  it("no longer finds an erased case", async () => {
    const { code, caseId } = await createCase(newCase(), { submissionKey: "gone", now: NOW });
    db.update(schema.cases).set({ erasedAt: NOW }).where(eq(schema.cases.id, caseId)).run();
    expect(findCaseByCode(code)).toBeUndefined();
  });
});
