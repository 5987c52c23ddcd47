/**
 * The server-side draft of an unfinished intake. The browser holds only a random id in an httpOnly
 * cookie (`ap_draft`); the database holds its SHA-256 and the answers, encrypted. A draft lives 24 hours
 * from its first answer. After sending, it briefly holds the receipt (code and passphrase, encrypted) so
 * the confirmation page survives a reload, a print and a double submit; then it is gone.
 */
import { eq, lt } from "drizzle-orm";
import { DRAFT_TTL_MS, RECEIPT_MAX_MS, RECEIPT_TTL_MS } from "~/domain/lifetimes";
import type { IntakeAnswers, IntakeKind } from "~/domain/intake/answers";
import type { EnteredBy, EntryChannel } from "~/domain/new-case";
import type { StepId } from "~/domain/intake/steps";
import { decryptJson, encryptJson, randomToken, sha256 } from "./crypto.server";
import { getDb, schema, type Db } from "./db.server";
import { readCookie, setCookieHeader } from "~/http/cookies.server";
import { DRAFT_COOKIE } from "./reporter-session.server";

export { DRAFT_TTL_MS, RECEIPT_TTL_MS };

export type Receipt = {
  kind: IntakeKind;
  code: string;
  passphrase: string;
  receivedAt: number;
  ackDueAt: number;
  /** The working days promised when the case was made (from the settings of that moment). */
  ackWorkingDays?: number;
  urgent: boolean;
  contactMethod: string;
  /** Only for an intake a staff member entered: the receipt says so and links them to the case. */
  onBehalf?: { caseId: number; channel: EntryChannel };
};

export type DraftData = {
  answers: IntakeAnswers;
  done: StepId[];
  /** Random, made with the draft: the case's submission key, so sending twice makes one case. */
  submissionKey: string;
  receipt?: Receipt;
  /** A staff member fills this in for a caller or visitor (ADR 040): the case records who and how. */
  enteredBy?: EnteredBy;
  /** What a step's form held, unchecked, when the person switched language there: shown again once. */
  unsaved?: { step: StepId; values: Record<string, string | string[] | undefined> };
};

/** `token` is the cookie value: only in memory, for re-issuing the cookie. */
export type Draft = { token: string; idHash: string; kind: IntakeKind; data: DraftData; expiresAt: number };

type Writer = Pick<Db, "insert" | "update" | "delete">;

function cookieHeader(token: string, maxAgeSeconds: number): string {
  return setCookieHeader(DRAFT_COOKIE, token, { maxAge: maxAgeSeconds });
}

export function clearDraftCookie(): string {
  return cookieHeader("", 0);
}

let lastPurge = 0;

/** Deletes expired drafts, at most once a minute: cheap enough to do on the way. */
export function purgeExpiredDrafts(now = Date.now(), db: Db = getDb(), force = false): number {
  if (!force && now - lastPurge < 60_000) return 0;
  lastPurge = now;
  return db.delete(schema.drafts).where(lt(schema.drafts.expiresAt, now)).run().changes;
}

function draftToken(request: Request): string | undefined {
  const token = readCookie(request, DRAFT_COOKIE);
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}

/** The browser says it has a draft (it may have expired since). */
export function hasDraftCookie(request: Request): boolean {
  return draftToken(request) !== undefined;
}

export function readDraft(request: Request, now = Date.now(), db: Db = getDb()): Draft | null {
  purgeExpiredDrafts(now, db);
  const token = draftToken(request);
  if (!token) return null;
  const row = db
    .select()
    .from(schema.drafts)
    .where(eq(schema.drafts.idHash, sha256(token)))
    .get();
  if (!row || row.expiresAt <= now || row.kind === "contact") return null;
  const data = decryptJson<DraftData>(row.dataEnc);
  if (!data) return null;
  return { token, idHash: row.idHash, kind: row.kind, data, expiresAt: row.expiresAt };
}

/** A new draft; returns the Set-Cookie header that hands its id to the browser. */
export function createDraft(
  kind: IntakeKind,
  data: Omit<DraftData, "submissionKey">,
  now = Date.now(),
  db: Writer = getDb(),
): { draft: Draft; setCookie: string } {
  const token = randomToken(32);
  const draft: Draft = {
    token,
    idHash: sha256(token),
    kind,
    data: { ...data, submissionKey: randomToken(24) },
    expiresAt: now + DRAFT_TTL_MS,
  };
  db.insert(schema.drafts)
    .values({
      idHash: draft.idHash,
      kind,
      dataEnc: encryptJson(draft.data),
      createdAt: now,
      expiresAt: draft.expiresAt,
    })
    .run();
  return { draft, setCookie: cookieHeader(token, Math.floor(DRAFT_TTL_MS / 1000)) };
}

export function saveDraft(draft: Draft, db: Writer = getDb()) {
  db.update(schema.drafts)
    .set({ kind: draft.kind, dataEnc: encryptJson(draft.data), expiresAt: draft.expiresAt })
    .where(eq(schema.drafts.idHash, draft.idHash))
    .run();
}

/**
 * Keeps the receipt in the draft for RECEIPT_TTL_MS; the answers go, the case has them now. Call inside
 * the transaction that creates the case. Returns the Set-Cookie header that shortens the cookie to match.
 */
export function keepReceipt(draft: Draft, receipt: Receipt, now: number, db: Writer): string {
  saveDraft(
    {
      ...draft,
      data: { answers: {}, done: [], submissionKey: draft.data.submissionKey, receipt },
      expiresAt: now + RECEIPT_TTL_MS,
    },
    db,
  );
  return cookieHeader(draft.token, Math.floor(RECEIPT_TTL_MS / 1000));
}

/**
 * "I'm still here" on the confirmation page: the receipt stays another RECEIPT_TTL_MS, never past
 * RECEIPT_MAX_MS after sending. Returns the new end and the Set-Cookie header that matches it; null when
 * there is no receipt (any more).
 */
export function extendReceipt(
  request: Request,
  now = Date.now(),
  db: Db = getDb(),
): { expiresAt: number; setCookie: string } | null {
  const draft = readDraft(request, now, db);
  const receipt = draft?.data.receipt;
  if (!draft || !receipt) return null;
  const expiresAt = Math.max(
    draft.expiresAt,
    Math.min(now + RECEIPT_TTL_MS, receipt.receivedAt + RECEIPT_MAX_MS),
  );
  db.update(schema.drafts).set({ expiresAt }).where(eq(schema.drafts.idHash, draft.idHash)).run();
  return { expiresAt, setCookie: cookieHeader(draft.token, Math.ceil((expiresAt - now) / 1000)) };
}

export function deleteDraft(request: Request, db: Db = getDb()): string {
  const token = draftToken(request);
  if (token)
    db.delete(schema.drafts)
      .where(eq(schema.drafts.idHash, sha256(token)))
      .run();
  return clearDraftCookie();
}
