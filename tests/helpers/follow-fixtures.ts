/**
 * Test data for following a case: a case as the intake would open it, and what the back office would do
 * to it (referrals, status changes, closing). Used by vitest and by Playwright (against the e2e database).
 */
import { eq, sql } from "drizzle-orm";
import type { NewCase } from "~/domain/new-case";
import { caseEventTypes } from "~/domain/case-events";
import type { MessageRole } from "~/domain/case-clocks";
import { changeStatus } from "~/server/case-admin/status.server";
import { sendMessage } from "~/server/case-admin/messages.server";
import { createCase } from "~/server/cases.server";
import { createReferral } from "~/server/referrals/create.server";
import { referralLink } from "~/server/referrals/mail.server";
import { encrypt } from "~/server/crypto.server";
import { getDb, schema, type Db } from "~/server/db.server";
import { IMMEDIATE } from "~/server/tx.server";
import type { CaseStatus, ReferralStatus } from "../../db/schema";

export function testCase(overrides: Partial<NewCase> = {}): NewCase {
  return {
    kind: "complaint",
    language: "nl",
    urgent: false,
    reporterRole: "young_person",
    unitId: 1,
    periodFrom: 2019,
    periodTo: 2021,
    themes: ["isolation", "no_school"],
    wishes: ["investigation"],
    safeNow: "yes",
    municipalityCode: "GM0363",
    contactMethod: "none",
    story: { text: "Ik zat meer dan 20 uur per dag alleen. [story-marker]" },
    details: { desiredOutcome: "Dat het niemand meer overkomt" },
    contact: null,
    consents: [
      { recipient: "igj", given: true, withIdentity: false },
      { recipient: "gemeente", given: true, withIdentity: true },
    ],
    ...overrides,
  };
}

let keys = 0;
export async function openTestCase(overrides: Partial<NewCase> = {}, opts: { now?: number; db?: Db } = {}) {
  const created = await createCase(testCase(overrides), {
    submissionKey: `test-${process.pid}-${Date.now()}-${keys++}`,
    now: opts.now,
    db: opts.db,
  });
  return { caseId: created.caseId, code: created.code, passphrase: created.passphrase! };
}

export function organisationId(kind: "igj" | "ozj" | "vng", db: Db = getDb()): number {
  return db
    .select({ id: schema.organisations.id })
    .from(schema.organisations)
    .where(eq(schema.organisations.kind, kind))
    .get()!.id;
}

export function municipalityId(cbsCode: string, db: Db = getDb()): number {
  return db
    .select({ id: schema.organisations.id })
    .from(schema.organisations)
    .where(eq(schema.organisations.cbsCode, cbsCode))
    .get()!.id;
}

/** A referral as the back office would write it, with its timeline event. */
export function addReferral(
  caseId: number,
  orgId: number,
  opts: { status?: ReferralStatus; parts?: string[]; now?: number; db?: Db; content?: string } = {},
): number {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now();
  const status = opts.status ?? "pending";
  return db.transaction((tx) => {
    const { id } = tx
      .insert(schema.referrals)
      .values({
        caseId,
        organisationId: orgId,
        parts: opts.parts ?? ["story", "themes"],
        contentEnc: encrypt(opts.content ?? "shared copy of the story"),
        status,
        createdAt: now,
        sentAt: status === "pending" || status === "blocked" ? null : now,
        linkExpiresAt: now + 30 * 86_400_000,
      })
      .returning({ id: schema.referrals.id })
      .get();
    tx.insert(schema.caseEvents)
      .values({
        caseId,
        at: now,
        type: "referral_created",
        reporterVisible: caseEventTypes.referral_created.reporterVisible,
        referralId: id,
        params: { organisationId: orgId },
      })
      .run();
    if (status !== "pending" && status !== "blocked") {
      tx.update(schema.cases).set({ status: "referred" }).where(eq(schema.cases.id, caseId)).run();
    }
    return id;
  }, IMMEDIATE);
}

/** The organisation reports back through its link. */
export function reportReferralStatus(
  caseId: number,
  referralId: number,
  status: "received" | "in_progress" | "done",
  opts: { now?: number; db?: Db; note?: string } = {},
) {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now();
  db.transaction((tx) => {
    tx.update(schema.referrals).set({ status }).where(eq(schema.referrals.id, referralId)).run();
    tx.insert(schema.caseEvents)
      .values({
        caseId,
        at: now,
        type: "referral_status",
        reporterVisible: caseEventTypes.referral_status.reporterVisible,
        referralId,
        params: { status },
        dataEnc: opts.note ? encrypt(opts.note) : null,
      })
      .run();
  }, IMMEDIATE);
}

export function setStatus(caseId: number, to: CaseStatus, opts: { now?: number; db?: Db } = {}) {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now();
  db.transaction((tx) => {
    const from = tx
      .select({ status: schema.cases.status })
      .from(schema.cases)
      .where(eq(schema.cases.id, caseId))
      .get()!.status;
    const patch: Partial<typeof schema.cases.$inferInsert> = { status: to };
    if (to === "acknowledged") patch.acknowledgedAt = now;
    tx.update(schema.cases).set(patch).where(eq(schema.cases.id, caseId)).run();
    tx.insert(schema.caseEvents)
      .values(
        to === "acknowledged"
          ? { caseId, at: now, type: "acknowledged", reporterVisible: true }
          : { caseId, at: now, type: "status_changed", reporterVisible: true, params: { from, to } },
      )
      .run();
  }, IMMEDIATE);
}

export function closeCase(caseId: number, outcome: string, opts: { now?: number; db?: Db } = {}) {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now();
  db.transaction((tx) => {
    tx.update(schema.cases)
      .set({ status: "closed", closedAt: now, outcomeEnc: encrypt(outcome) })
      .where(eq(schema.cases.id, caseId))
      .run();
    tx.insert(schema.caseEvents)
      .values({ caseId, at: now, type: "closed", reporterVisible: true, dataEnc: encrypt(outcome) })
      .run();
  }, IMMEDIATE);
}

/** A note only staff see, for erasure tests. */
export function addNote(caseId: number, body: string, db: Db = getDb()) {
  const staffId = db
    .insert(schema.staff)
    .values({
      name: "Test",
      email: `t${Date.now()}${keys++}@example.nl`,
      passwordHash: "x",
      role: "ombudsworker",
    })
    .returning({ id: schema.staff.id })
    .get().id;
  db.insert(schema.notes)
    .values({ caseId, at: Date.now(), staffId, bodyEnc: encrypt(body) })
    .run();
}

const staffIds = new WeakMap<Db, number>();

function ombudsworker(db: Db) {
  let id = staffIds.get(db);
  if (id === undefined) {
    id = db
      .insert(schema.staff)
      .values({
        // A full name: the reporter sees only the first ("Sanne, Aanspreekpunt ZIKOS").
        name: "Sanne de Vries",
        email: `ow${process.pid}-${keys++}@example.nl`,
        passwordHash: "x",
        role: "ombudsworker",
      })
      .returning({ id: schema.staff.id })
      .get().id;
    staffIds.set(db, id);
  }
  return { id, name: "Sanne de Vries", email: "", role: "ombudsworker" as const, sessionIdHash: "test" };
}

/**
 * A message from an ombudsworker, written by the back office's own sendMessage() (with its news mail): an
 * ordinary message unless the test says it is the acknowledgement or the answer (ADR 039).
 */
export function staffMessage(
  caseId: number,
  body: string,
  opts: { now?: number; db?: Db; role?: MessageRole } = {},
) {
  const result = sendMessage(
    caseId,
    ombudsworker(opts.db ?? getDb()),
    body,
    opts.role ?? "other",
    opts.now ?? Date.now(),
  );
  if (!result.ok) throw new Error(`sendMessage: ${result.reason}`);
}

/**
 * The back office closes the case with an outcome in words (changeStatus(), as staff would), confirming
 * past the warning about a referral the organisation has not finished (as staff may).
 */
export function staffCloses(caseId: number, outcome: string, opts: { now?: number; db?: Db } = {}) {
  const result = changeStatus(
    caseId,
    ombudsworker(opts.db ?? getDb()),
    "closed",
    outcome,
    opts.now ?? Date.now(),
    { confirmOpenReferral: true },
  );
  if (!result.ok) throw new Error(`changeStatus: ${result.reason}`);
}

/**
 * A referral to the IGJ made by the back office's own createReferral(), and the link the organisation's mail
 * would carry (the case needs consent for the IGJ, as testCase() gives).
 */
export function referralLinkFor(caseId: number, opts: { now?: number; db?: Db } = {}): string {
  const db = opts.db ?? getDb();
  const igj = organisationId("igj", db);
  // A referral needs an address to send to; keep one a coordinator may have set.
  db.update(schema.organisations)
    .set({ referralEmail: sql`coalesce(${schema.organisations.referralEmail}, 'meldingen@igj.example')` })
    .where(eq(schema.organisations.id, igj))
    .run();
  const result = createReferral(
    ombudsworker(db),
    caseId,
    { organisationId: igj, parts: ["story", "themes"], coveringNote: "Graag uw oordeel." },
    opts.now ?? Date.now(),
  );
  if (!result.ok) throw new Error(`createReferral: ${result.reason}`);
  const row = db.select().from(schema.referrals).where(eq(schema.referrals.id, result.referralId)).get()!;
  return referralLink(row.id, row.linkVersion, row.linkExpiresAt);
}
