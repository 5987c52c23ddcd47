import fs from "node:fs";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  addNote,
  addReferral,
  closeCase,
  openTestCase,
  organisationId,
  staffMessage,
} from "../../tests/helpers/follow-fixtures";
import { createTestDb } from "../../tests/helpers/test-db";
import { referralAllowed } from "./consent.server";
import { schema, type Db } from "./db.server";
import { eraseCase } from "./erasure.server";
import { SignInGuard } from "./follow-sign-in.server";
import { addInformation, postReporterMessage, setNotifyEmail } from "./follow.server";

const NOW = Date.UTC(2026, 5, 2, 8, 0);
// Long enough to need overflow pages, like a real story (up to 20,000 characters).
const STORY = `Mijn verhaal [erase-marker-91c2]. ${"Ik zat alleen in een kale kamer, dag na dag. ".repeat(120)}`;

let db: Db;
let file: string;
beforeEach(() => {
  ({ db, file } = createTestDb());
});

/** The database file as it is on disk, after the WAL was written into it. */
function fileBytes(): string {
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  const wal = `${file}-wal`;
  const walBytes = fs.existsSync(wal) ? fs.readFileSync(wal).toString("latin1") : "";
  return fs.readFileSync(file).toString("latin1") + walBytes;
}

/** Pieces of a stored ciphertext (any 24 characters of it would identify it). */
function chunks(ciphertext: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 24 <= ciphertext.length; i += 200) out.push(ciphertext.slice(i, i + 24));
  return out;
}

describe("eraseCase", () => {
  it("leaves neither the plaintext nor the ciphertext of the story in the database file", async () => {
    const c = await openTestCase(
      { story: { text: STORY }, contact: { email: "verhaal@example.nl", name: "Naam-q8z3" } },
      { now: NOW },
    );
    addInformation(c.caseId, "Aanvulling [addition-marker-5d]", { now: NOW + 1 });
    postReporterMessage(c.caseId, "Bericht van mij [reply-marker-77]", { now: NOW + 2 });
    setNotifyEmail(c.caseId, "nieuws@example.nl");
    staffMessage(c.caseId, "Bericht van ons [staff-marker-42]", { now: NOW + 3 });
    addNote(c.caseId, "Interne notitie [note-marker-13]", db);
    const ref = addReferral(c.caseId, organisationId("igj"), {
      status: "sent",
      content: "Kopie [referral-marker-8]",
    });
    closeCase(c.caseId, "Uitkomst [outcome-marker-6]", { now: NOW + 4 });

    const row = db.select().from(schema.cases).where(eq(schema.cases.id, c.caseId)).get()!;
    const ciphertexts = [
      row.storyEnc!,
      row.contactEnc!,
      row.detailsEnc!,
      row.notifyEmailEnc!,
      row.outcomeEnc!,
      ...db
        .select()
        .from(schema.messages)
        .all()
        .map((m) => m.bodyEnc),
      ...db
        .select()
        .from(schema.notes)
        .all()
        .map((n) => n.bodyEnc),
      ...db
        .select()
        .from(schema.storyAdditions)
        .all()
        .map((a) => a.textEnc),
      ...db
        .select()
        .from(schema.caseEvents)
        .all()
        .flatMap((e) => (e.dataEnc ? [e.dataEnc] : [])),
      db.select().from(schema.referrals).get()!.contentEnc!,
      db.select().from(schema.outbox).get()!.toEnc,
    ];
    expect(ciphertexts.length).toBeGreaterThanOrEqual(11);

    // The check can fail: before erasure every ciphertext is in the file.
    const before = fileBytes();
    for (const ct of ciphertexts)
      for (const piece of chunks(ct)) expect(before.includes(piece), piece).toBe(true);

    expect(eraseCase(c.caseId, { actor: "reporter", now: NOW + 5 })).toBe(true);

    const after = fileBytes();
    for (const ct of ciphertexts)
      for (const piece of chunks(ct)) expect(after.includes(piece), piece).toBe(false);
    for (const plain of [
      "erase-marker-91c2",
      "kale kamer",
      "verhaal@example.nl",
      "nieuws@example.nl",
      "Naam-q8z3",
    ]) {
      expect(after.includes(plain), plain).toBe(false);
    }

    // The referral's frozen copy is gone too, and the referral remembers the consent was withdrawn.
    expect(db.select().from(schema.referrals).where(eq(schema.referrals.id, ref)).get()).toMatchObject({
      contentEnc: null,
      status: "sent",
      consentWithdrawnAt: NOW + 5,
    });
  });

  it("closes the case, keeps the counts, records the erasure and makes the code stop working", async () => {
    const c = await openTestCase({}, { now: NOW });
    const pending = addReferral(c.caseId, organisationId("igj"), { status: "pending" });
    eraseCase(c.caseId, { actor: "reporter", now: NOW + 10 });

    const row = db.select().from(schema.cases).where(eq(schema.cases.id, c.caseId)).get()!;
    expect(row).toMatchObject({
      status: "closed",
      erasedAt: NOW + 10,
      closedAt: NOW + 10,
      storyEnc: null,
      detailsEnc: null,
      contactEnc: null,
      notifyEmailEnc: null,
      outcomeEnc: null,
      municipalityCode: null,
      periodFrom: null,
      // What statistics count stays.
      kind: "complaint",
      receivedAt: NOW,
      unitId: 1,
      themes: ["isolation", "no_school"],
      wishes: ["investigation"],
    });
    expect(row.passphraseHash).not.toMatch(/^\$argon2/);
    expect(await new SignInGuard().signIn(c.code, c.passphrase, { clientKey: "k", now: NOW + 20 })).toEqual({
      ok: false,
      reason: "wrong",
    });

    expect(db.select().from(schema.referrals).where(eq(schema.referrals.id, pending)).get()!.status).toBe(
      "blocked",
    );
    expect(referralAllowed(db, c.caseId, organisationId("igj"), ["story"])).toMatchObject({ allowed: false });
    const events = db.select().from(schema.caseEvents).where(eq(schema.caseEvents.caseId, c.caseId)).all();
    expect(events.map((e) => e.type)).toContain("erasure_requested");
    expect(events.every((e) => e.dataEnc === null)).toBe(true);
    expect(db.select().from(schema.auditLog).all()).toMatchObject([
      { action: "case_erased", actor: "reporter", caseId: c.caseId },
    ]);
    expect(eraseCase(c.caseId, { actor: "reporter" })).toBe(false);
  });

  it("removes news mails to the reporter's address, and only those", async () => {
    const a = await openTestCase();
    const b = await openTestCase();
    setNotifyEmail(a.caseId, "a@example.nl");
    setNotifyEmail(b.caseId, "b@example.nl");
    staffMessage(a.caseId, "Voor A");
    staffMessage(b.caseId, "Voor B");
    expect(db.select().from(schema.outbox).all()).toHaveLength(2);
    eraseCase(a.caseId, { actor: "reporter" });
    expect(db.select().from(schema.outbox).all()).toHaveLength(1);
    expect(db.select().from(schema.messages).where(eq(schema.messages.caseId, b.caseId)).all()).toHaveLength(
      1,
    );
  });
});
