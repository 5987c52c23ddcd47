/**
 * Opening a case and finding it again. createCase() writes the case, its consents and its first timeline
 * event in one transaction, with the reporter's words encrypted, and is idempotent on the submission key:
 * a double click, a resend or back-and-submit finds the case the first submission made.
 */
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { generateCaseCode, normaliseCaseCode, type RandomBytes } from "~/domain/codes";
import { generatePassphrase } from "~/domain/passphrase";
import type { NewCase } from "~/domain/new-case";
import { caseDeadlines } from "~/domain/working-days";
import { consentRecipients } from "../../db/schema";
import { recordEvent } from "./case-events.server";
import { encryptJson } from "./crypto.server";
import { getDeadlineSettings } from "./deadline-settings.server";
import { getDb, schema, type Db } from "./db.server";
import { queueStaffAlert } from "./staff-alerts.server";
import { hashPassphrase, verifyDummy, verifyPassphrase } from "./passphrase.server";
import { indexCase } from "./search-index.server";
import { IMMEDIATE } from "./tx.server";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type CreatedCase = {
  caseId: number;
  /** Canonical form; show it with formatCaseCode(). */
  code: string;
  /** Only when this call made the case; a repeat call never sees it again. Canonical form. */
  passphrase?: string;
  receivedAt: number;
  ackDueAt: number;
  answerDueAt: number;
  /**
   * The working days to acknowledgement that were promised (the coordinators' setting when the case
   * was made); absent for a case found again, which never shows a receipt.
   */
  ackWorkingDays?: number;
  urgent: boolean;
  /** false when a case with this submission key already existed. */
  created: boolean;
};

export type CreateCaseOptions = {
  /** Unique per intake (kept in the draft): the same key twice gives the same case. */
  submissionKey: string;
  now?: number;
  db?: Db;
  randomBytes?: RandomBytes;
  /**
   * Runs inside the same transaction once the case exists (new or found), so whatever the caller keeps
   * about it (the receipt in the draft) is committed together with the case or not at all.
   */
  withinTransaction?: (tx: Tx, result: CreatedCase) => void;
};

const MAX_CODE_ATTEMPTS = 10;

const defaultRandom: RandomBytes = (n) => new Uint8Array(crypto.randomBytes(n));

function existingBySubmission(db: Db | Tx, submissionKey: string): CreatedCase | undefined {
  const row = db
    .select({
      id: schema.cases.id,
      code: schema.cases.code,
      receivedAt: schema.cases.receivedAt,
      ackDueAt: schema.cases.ackDueAt,
      answerDueAt: schema.cases.answerDueAt,
      urgent: schema.cases.urgent,
    })
    .from(schema.cases)
    .where(eq(schema.cases.submissionKey, submissionKey))
    .get();
  if (!row) return undefined;
  return {
    caseId: row.id,
    code: row.code,
    receivedAt: row.receivedAt,
    ackDueAt: row.ackDueAt,
    answerDueAt: row.answerDueAt,
    urgent: row.urgent,
    created: false,
  };
}

function unusedCode(tx: Tx, randomBytes: RandomBytes): string {
  for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) {
    const code = generateCaseCode(randomBytes);
    const taken = tx
      .select({ id: schema.cases.id })
      .from(schema.cases)
      .where(eq(schema.cases.code, code))
      .get();
    if (!taken) return code;
  }
  // 40 bits of codes: ten collisions in a row means the random source is broken, not that we are full.
  throw new Error(`No free case code after ${MAX_CODE_ATTEMPTS} attempts`);
}

export async function createCase(input: NewCase, options: CreateCaseOptions): Promise<CreatedCase> {
  const db = options.db ?? getDb();
  const now = options.now ?? Date.now();
  const randomBytes = options.randomBytes ?? defaultRandom;
  const { submissionKey } = options;

  const earlier = existingBySubmission(db, submissionKey);
  if (earlier) {
    if (options.withinTransaction) db.transaction((tx) => options.withinTransaction!(tx, earlier), IMMEDIATE);
    return earlier;
  }

  // argon2id runs off the main thread; the transaction below is synchronous, so it checks the key again:
  // a second request with the same key may have finished while this one was hashing.
  const passphrase = generatePassphrase(randomBytes);
  const passphraseHash = await hashPassphrase(passphrase);

  return db.transaction((tx) => {
    const raced = existingBySubmission(tx, submissionKey);
    if (raced) {
      options.withinTransaction?.(tx, raced);
      return raced;
    }
    const code = unusedCode(tx, randomBytes);
    // The coordinators' settings as they are when the case is written: a change applies to the next case.
    const settings = getDeadlineSettings(tx);
    const deadlines = caseDeadlines(now, input.urgent, settings);
    const inserted = tx
      .insert(schema.cases)
      .values({
        code,
        passphraseHash,
        submissionKey,
        kind: input.kind,
        status: "received",
        urgent: input.urgent,
        language: input.language,
        reporterRole: input.reporterRole,
        unitId: input.unitId,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        themes: input.themes,
        wishes: input.wishes,
        safeNow: input.safeNow,
        municipalityCode: input.municipalityCode,
        contactMethod: input.contactMethod,
        storyEnc: input.story ? encryptJson(input.story) : null,
        detailsEnc:
          input.details && Object.keys(input.details).length > 0 ? encryptJson(input.details) : null,
        contactEnc: input.contact ? encryptJson(input.contact) : null,
        receivedAt: now,
        ackDueAt: deadlines.ackDueAt,
        answerDueAt: deadlines.answerDueAt,
      })
      .returning({ id: schema.cases.id })
      .get();

    indexCase(tx, inserted.id, input.contact ?? null, null);

    // A row for every recipient, so "not given" is recorded as plainly as "given".
    for (const recipient of consentRecipients) {
      const choice = input.consents.find((c) => c.recipient === recipient);
      tx.insert(schema.consents)
        .values({
          caseId: inserted.id,
          recipient,
          given: choice?.given ?? false,
          withIdentity: (choice?.given ?? false) && (choice?.withIdentity ?? false),
          changedAt: now,
        })
        .run();
    }

    recordEvent(
      tx,
      inserted.id,
      {
        type: "received",
        staffId: input.enteredBy?.staffId ?? null,
        params: input.enteredBy
          ? { kind: input.kind, urgent: input.urgent, channel: input.enteredBy.channel }
          : { kind: input.kind, urgent: input.urgent },
      },
      now,
    );

    // "Not safe now": the team hears of it by e-mail (no content), whoever is looking at the queue.
    if (input.urgent) queueStaffAlert(tx, "urgent_case", inserted.id, now);

    const result: CreatedCase = {
      caseId: inserted.id,
      code,
      passphrase,
      receivedAt: now,
      ackDueAt: deadlines.ackDueAt,
      answerDueAt: deadlines.answerDueAt,
      ackWorkingDays: input.urgent ? settings.ackWorkingDaysUrgent : settings.ackWorkingDays,
      urgent: input.urgent,
      created: true,
    };
    options.withinTransaction?.(tx, result);
    return result;
    // It reads (the submission key, free codes) before it writes: IMMEDIATE, so a second writer on the
    // file is waited for instead of failing the reporter's "send" with SQLITE_BUSY.
  }, IMMEDIATE);
}

export type CaseRow = typeof schema.cases.$inferSelect;

/** The case behind a code as a person typed it (any case, spaces, hyphens, O for 0); erased cases are gone. */
export function findCaseByCode(typed: string, db: Db = getDb()): CaseRow | undefined {
  const code = normaliseCaseCode(typed);
  if (!code) return undefined;
  return db
    .select()
    .from(schema.cases)
    .where(and(eq(schema.cases.code, code), isNull(schema.cases.erasedAt)))
    .get();
}

/**
 * The case when code and passphrase belong together, else null. Costs one argon2id verification whether
 * or not the code exists. Rate limits and lockouts are the caller's (the follow page's) business.
 */
export async function authenticateCase(
  typedCode: string,
  typedPassphrase: string,
  db: Db = getDb(),
): Promise<CaseRow | null> {
  const row = findCaseByCode(typedCode, db);
  if (!row) return verifyDummy().then(() => null);
  return (await verifyPassphrase(row.passphraseHash, typedPassphrase)) ? row : null;
}
