/**
 * The unfinished contact request, kept encrypted on the server (table `drafts`, kind `contact`) under a
 * random id in an httpOnly cookie, so nothing personal travels in URLs or hidden fields. Submitting opens
 * the case with the draft's submission key (a double submit finds the same case) and, in the same
 * transaction, replaces the answers in the draft by the receipt, which the confirmation page shows for 30
 * minutes at most (docs/decisions/005). The quick exit and "I have saved it" delete the draft.
 */
import { eq } from "drizzle-orm";
import { DRAFT_TTL_MS, RECEIPT_MAX_MS, RECEIPT_TTL_MS } from "~/domain/lifetimes";
import {
  contactRequestToNewCase,
  isComplete,
  whoOf,
  type ContactAnswers,
  type ContactPatch,
  type ContactStep,
  type ContactWho,
} from "~/domain/contact-request";
import { createCase } from "./cases.server";
import { decryptJson, encryptJson, randomToken, sha256 } from "./crypto.server";
import { getDb, schema, type Db } from "./db.server";
import { draftLimiter } from "./intake/limits.server";
import { readCookie, setCookieHeader } from "~/http/cookies.server";
import { CONTACT_DRAFT_COOKIE, onReporterSessionEnd } from "./reporter-session.server";

export { RECEIPT_TTL_MS };

/** `receivedAt` is missing in receipts kept before it was added. */
export type Receipt = { code: string; passphrase: string; receivedAt?: number };
export type ContactPage = ContactStep;
/** What a page held when the language was switched: as typed, unchecked, until that page is saved. */
type Unsaved = { page: ContactPage; values: Record<string, string> };
type ContactDraft = { submissionKey: string; answers: ContactAnswers; receipt?: Receipt; unsaved?: Unsaved };

const tokenOf = (request: Request) => {
  const token = readCookie(request, CONTACT_DRAFT_COOKIE);
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
};

function cookieHeader(value: string, maxAge?: number) {
  return setCookieHeader(CONTACT_DRAFT_COOKIE, value, { maxAge });
}

function read(db: Db, token: string, now: number): ContactDraft | null {
  return readRow(db, token, now)?.data ?? null;
}

function readRow(db: Db, token: string, now: number): { data: ContactDraft; expiresAt: number } | null {
  const row = db
    .select()
    .from(schema.drafts)
    .where(eq(schema.drafts.idHash, sha256(token)))
    .get();
  if (!row || row.kind !== "contact") return null;
  if (row.expiresAt <= now) {
    db.delete(schema.drafts).where(eq(schema.drafts.idHash, row.idHash)).run();
    return null;
  }
  const data = decryptJson<ContactDraft>(row.dataEnc);
  return data ? { data, expiresAt: row.expiresAt } : null;
}

/** The answers so far (empty when there is no draft). */
export function contactAnswers(request: Request, opts: { now?: number; db?: Db } = {}): ContactAnswers {
  const token = tokenOf(request);
  if (!token) return {};
  return read(opts.db ?? getDb(), token, opts.now ?? Date.now())?.answers ?? {};
}

/**
 * Whether this request may store answers: yes when its browser has a draft to add to; a new draft counts
 * against the same per-client limit as a new intake draft (issue 13, finding 5).
 */
export function mayStoreContactAnswers(
  request: Request,
  clientKey: string,
  opts: { now?: number; db?: Db } = {},
): boolean {
  const now = opts.now ?? Date.now();
  const token = tokenOf(request);
  const draft = token ? read(opts.db ?? getDb(), token, now) : null;
  return (draft !== null && !draft.receipt) || draftLimiter.hit(clientKey, now);
}

/** What the page held when the language was switched, or null (then the saved answers are shown). */
export function unsavedContactValues(
  request: Request,
  page: ContactPage,
  opts: { now?: number; db?: Db } = {},
): Record<string, string> | null {
  const token = tokenOf(request);
  const draft = token ? read(opts.db ?? getDb(), token, opts.now ?? Date.now()) : null;
  return draft?.unsaved?.page === page ? draft.unsaved.values : null;
}

/**
 * Adds a page's answers to the draft (the fields of other pages stay); returns a Set-Cookie header when a
 * new draft had to be started. Passing `who` (the first page) starts over a draft of the other path.
 */
export function saveContactAnswers(
  request: Request,
  patch: ContactPatch & { who?: ContactWho },
  opts: { now?: number; db?: Db } = {},
): string | undefined {
  return write(request, (usable) => ({ answers: withPatch(answersFor(usable, patch.who), patch) }), opts);
}

/** The answers with a page's answers added: what the pages after it will read. */
export function withPatch(
  answers: ContactAnswers,
  patch: ContactPatch & { who?: ContactWho },
): ContactAnswers {
  const next: ContactAnswers = { ...answers };
  if (patch.who) next.who = patch.who;
  if (patch.details) next.details = { ...answers.details, ...patch.details };
  if (patch.question) next.question = { ...answers.question, ...patch.question };
  return next;
}

/**
 * The draft's answers when they belong to the same asker; a draft of the other path (someone close who
 * then opens "call me", or back) starts over, so no answer is shown or sent under the wrong questions.
 */
function answersFor(draft: ContactDraft | null, who: ContactWho | undefined): ContactAnswers {
  const answers = draft?.answers ?? {};
  return who === undefined || whoOf(answers) === who ? answers : { who };
}

/**
 * Keeps what a page holds, as typed and unchecked, when the person switches language (ADR 023): the
 * saved answers stay as they were; the next "Continue" on any page clears it.
 */
export function keepUnsavedContactValues(
  request: Request,
  unsaved: Unsaved,
  opts: { now?: number; db?: Db; who?: ContactWho } = {},
): string | undefined {
  return write(request, (usable) => ({ answers: answersFor(usable, opts.who), unsaved }), opts);
}

function write(
  request: Request,
  change: (usable: ContactDraft | null) => Pick<ContactDraft, "answers" | "unsaved">,
  opts: { now?: number; db?: Db },
): string | undefined {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now();
  const existing = tokenOf(request);
  const draft = existing ? read(db, existing, now) : null;
  // A draft that already became a case starts over: a second request is a new case.
  const usable = draft && !draft.receipt ? draft : null;
  const token = usable && existing ? existing : randomToken(32);
  const next: ContactDraft = {
    submissionKey: usable?.submissionKey ?? randomToken(16),
    ...change(usable),
  };
  const values = {
    idHash: sha256(token),
    kind: "contact" as const,
    dataEnc: encryptJson(next),
    createdAt: now,
    expiresAt: now + DRAFT_TTL_MS,
  };
  db.insert(schema.drafts)
    .values(values)
    .onConflictDoUpdate({
      target: schema.drafts.idHash,
      set: { dataEnc: values.dataEnc, expiresAt: values.expiresAt },
    })
    .run();
  return token === existing ? undefined : cookieHeader(token);
}

export type SubmitResult = "submitted" | "incomplete";

/** Opens the case (once, whatever the number of submits) and keeps only the receipt in the draft. */
export async function submitContactRequest(
  request: Request,
  language: "nl" | "en",
  opts: { now?: number; db?: Db } = {},
): Promise<SubmitResult> {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now();
  const token = tokenOf(request);
  const draft = token ? read(db, token, now) : null;
  if (!token || !draft) return "incomplete";
  if (draft.receipt) return "submitted";
  if (!isComplete(draft.answers)) return "incomplete";
  await createCase(contactRequestToNewCase(draft.answers, language), {
    submissionKey: draft.submissionKey,
    now,
    db,
    withinTransaction: (tx, created) => {
      // Only the request that made the case knows the passphrase; a repeat leaves the receipt alone.
      if (!created.passphrase) return;
      const receipt: ContactDraft = {
        submissionKey: draft.submissionKey,
        // Who asked stays, so the confirmation speaks to them.
        answers: { who: draft.answers.who },
        receipt: { code: created.code, passphrase: created.passphrase, receivedAt: created.receivedAt },
      };
      tx.update(schema.drafts)
        .set({ dataEnc: encryptJson(receipt), expiresAt: now + RECEIPT_TTL_MS })
        .where(eq(schema.drafts.idHash, sha256(token)))
        .run();
    },
  });
  return "submitted";
}

/** The receipt for the confirmation page, while it is kept. */
export function contactReceipt(request: Request, opts: { now?: number; db?: Db } = {}): Receipt | null {
  return contactReceiptUntil(request, opts)?.receipt ?? null;
}

/** The receipt and when it stops being shown. */
export function contactReceiptUntil(
  request: Request,
  opts: { now?: number; db?: Db } = {},
): { receipt: Receipt; expiresAt: number } | null {
  const token = tokenOf(request);
  if (!token) return null;
  const found = readRow(opts.db ?? getDb(), token, opts.now ?? Date.now());
  return found?.data.receipt ? { receipt: found.data.receipt, expiresAt: found.expiresAt } : null;
}

/** "I'm still here": as extendReceipt in drafts.server.ts. The cookie lives as long as the browser. */
export function extendContactReceipt(
  request: Request,
  opts: { now?: number; db?: Db } = {},
): { expiresAt: number } | null {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now();
  const token = tokenOf(request);
  const found = token ? readRow(db, token, now) : null;
  if (!token || !found?.data.receipt) return null;
  const cap = (found.data.receipt.receivedAt ?? now) + RECEIPT_MAX_MS;
  const expiresAt = Math.max(found.expiresAt, Math.min(now + RECEIPT_TTL_MS, cap));
  db.update(schema.drafts)
    .set({ expiresAt })
    .where(eq(schema.drafts.idHash, sha256(token)))
    .run();
  return { expiresAt };
}

/** Deletes the draft (and with it any receipt). Returns the Set-Cookie header that removes the cookie. */
export function deleteContactDraft(request: Request, db: Db = getDb()): string {
  const token = tokenOf(request);
  if (token)
    db.delete(schema.drafts)
      .where(eq(schema.drafts.idHash, sha256(token)))
      .run();
  return cookieHeader("", 0);
}

onReporterSessionEnd((request) => {
  deleteContactDraft(request);
});
