/**
 * Realistic, entirely invented cases for tests and the benchmark, written the way the intake writes them:
 * encrypted parts in the shapes of app/domain/case-content.ts, deadlines from caseDeadlines(), a consent
 * row per recipient and a `received` timeline event. Never used by the running app.
 */
import crypto from "node:crypto";
import { hashSync } from "@node-rs/argon2";
import type { Algorithm } from "@node-rs/argon2";
import type { CaseContact, CaseDetails, CaseStory } from "~/domain/case-content";
import { themes as allThemes, wishes as allWishes } from "~/domain/case-content";
import type { CaseKind, CaseStatus } from "~/domain/case-status";
import { CODE_ALPHABET, generateCaseCode } from "~/domain/codes";
import { caseDeadlines } from "~/domain/working-days";
import { encrypt, encryptJson } from "./crypto.server";
import type { Db } from "./db.server";
import { getDeadlineSettings } from "./deadline-settings.server";
import { indexCase } from "./search-index.server";

/** The passphrase of every seeded case (a /volgen test can sign in with it). */
export const SEED_PASSPHRASE = "oefen zin voor tests";

let passphraseHash: string | undefined;
function seededPassphraseHash(): string {
  passphraseHash ??= hashSync(SEED_PASSPHRASE, { algorithm: 2 as Algorithm });
  return passphraseHash;
}

export type SeedCaseInput = {
  kind?: CaseKind;
  status?: CaseStatus;
  urgent?: boolean;
  language?: "nl" | "en";
  /** A unit id, or null for "other / don't know". Default: the first unit. */
  unitId?: number | null;
  periodFromYear?: number | null;
  periodToYear?: number | null;
  themes?: string[];
  wishes?: string[];
  receivedAt?: number;
  story?: string;
  details?: CaseDetails;
  contact?: CaseContact | null;
  notifyEmail?: string | null;
  consents?: { igj: boolean; ozj: boolean; gemeente: boolean; withIdentity?: boolean };
  assigneeId?: number | null;
  reporterMessages?: string[];
  code?: string;
};

/** A case code in its canonical form, as the intake stores it (shown to people as XXXX-XXXX). */
export function randomCaseCode(): string {
  return generateCaseCode((n) => crypto.randomBytes(n));
}

/** `n` in Crockford base32, `length` symbols: bulk-seeded codes that cannot collide with each other. */
function crockford(n: number, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++, n = Math.floor(n / 32)) out = CODE_ALPHABET[n % 32]! + out;
  return out;
}

const STORIES = [
  "Ik zat bijna de hele dag alleen op mijn kamer. De deur ging alleen open voor eten. Niemand legde uit waarom.",
  "Toen ik boos werd, hielden ze me met vier man vast op de grond. Daarna moest ik uren in de separeer.",
  "Er was geen school. Ik heb maanden niets geleerd en nu loop ik een jaar achter.",
  "Mijn moeder mocht me bijna nooit bellen. Brieven kreeg ik pas weken later.",
  "Ze gaven me medicijnen waar ik heel moe van werd. Ik wist niet wat het was.",
  "Na mijn vertrek was er geen plek voor mij. Ik heb weken bij vrienden op de bank geslapen.",
  "I was alone in a small room for most of the day. Staff laughed when I asked for my family.",
];

type Prepared = ReturnType<typeof prepare>;
function prepare(db: Db) {
  const s = db.$client;
  return {
    caseRow:
      s.prepare(`INSERT INTO cases (code, passphrase_hash, submission_key, kind, status, urgent, language,
      reporter_role, unit_id, period_from, period_to, themes, wishes, safe_now, municipality_code, contact_method,
      story_enc, details_enc, contact_enc, notify_email_enc, outcome_enc, assignee_id, received_at, ack_due_at,
      answer_due_at, acknowledged_at, first_answer_at, closed_at)
      VALUES (@code, @passphraseHash, @submissionKey, @kind, @status, @urgent, @language, @reporterRole, @unitId,
      @periodFrom, @periodTo, @themes, @wishes, @safeNow, @municipalityCode, @contactMethod, @storyEnc, @detailsEnc,
      @contactEnc, @notifyEmailEnc, @outcomeEnc, @assigneeId, @receivedAt, @ackDueAt, @answerDueAt, @acknowledgedAt,
      @firstAnswerAt, @closedAt)`),
    consent: s.prepare(
      "INSERT INTO consents (case_id, recipient, given, with_identity, changed_at) VALUES (?, ?, ?, ?, ?)",
    ),
    event: s.prepare(
      // Seeding writes thousands of rows as they would have been written, in bulk and without mail; the
      // running app never calls it, so recordEvent() stays the one writer of what happens to a case.
      // eslint-disable-next-line no-restricted-syntax
      "INSERT INTO case_events (case_id, at, type, reporter_visible, staff_id, params, data_enc) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ),
    message: s.prepare(
      "INSERT INTO messages (case_id, at, author, staff_id, body_enc, read_at) VALUES (?, ?, 'reporter', NULL, ?, NULL)",
    ),
    referral:
      s.prepare(`INSERT INTO referrals (case_id, organisation_id, parts, content_enc, status, created_by,
      created_at, sent_at, received_at, done_at, link_expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    firstUnit: s.prepare("SELECT id FROM units ORDER BY id LIMIT 1").pluck(),
    // The migration tests seed a database of an older schema, before the search index existed.
    searchIndex: Boolean(
      s.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'case_search_terms'").get(),
    ),
    db,
    settings: getDeadlineSettings(db),
  };
}

function insert(p: Prepared, input: SeedCaseInput, now: number): { id: number; code: string } {
  const kind = input.kind ?? "testimony";
  const status = input.status ?? "received";
  const urgent = input.urgent ?? false;
  const receivedAt = input.receivedAt ?? now;
  const d = caseDeadlines(receivedAt, urgent, p.settings);
  const closed = status === "closed";
  const acknowledged = status !== "received";
  const code = input.code ?? randomCaseCode();
  const contact = input.contact === undefined ? { name: "Sam", email: "sam@example.org" } : input.contact;
  const fromYear = input.periodFromYear === undefined ? 2022 : input.periodFromYear;
  const toYear = input.periodToYear === undefined ? 2023 : input.periodToYear;
  const story: CaseStory = { text: input.story ?? STORIES[0]! };
  const details: CaseDetails =
    input.details ??
    (kind === "complaint"
      ? { complaintAbout: "De instelling", desiredOutcome: "Dat dit niemand meer overkomt." }
      : kind === "contact"
        ? { question: "Kan iemand mij terugbellen?", relation: "parent", youngPersonKnows: "yes" }
        : {});
  const res = p.caseRow.run({
    code,
    passphraseHash: seededPassphraseHash(),
    submissionKey: crypto.randomBytes(16).toString("base64url"),
    kind,
    status,
    urgent: urgent ? 1 : 0,
    language: input.language ?? "nl",
    reporterRole: kind === "contact" ? "close" : "young_person",
    unitId: input.unitId === undefined ? (p.firstUnit.get() as number) : input.unitId,
    // Calendar years, as the intake stores them (db/schema.ts, app/domain/period.ts).
    periodFrom: fromYear,
    periodTo: toYear,
    themes: JSON.stringify(input.themes ?? ["isolation", "no_school"]),
    wishes: JSON.stringify(input.wishes ?? ["heard", "investigation"]),
    safeNow: "yes",
    municipalityCode: null,
    contactMethod: contact ? (contact.email ? "email" : "phone") : "none",
    storyEnc: kind === "contact" ? null : encryptJson(story),
    detailsEnc: encryptJson(details),
    contactEnc: contact ? encryptJson(contact) : null,
    notifyEmailEnc: input.notifyEmail ? encrypt(input.notifyEmail) : null,
    outcomeEnc: closed ? encrypt("We hebben je verhaal vastgelegd en meegeteld.") : null,
    assigneeId: input.assigneeId ?? null,
    receivedAt,
    ackDueAt: d.ackDueAt,
    answerDueAt: d.answerDueAt,
    acknowledgedAt: acknowledged ? Math.min(receivedAt + 86_400_000, now) : null,
    firstAnswerAt: closed ? Math.min(receivedAt + 10 * 86_400_000, now) : null,
    closedAt: closed ? Math.min(receivedAt + 20 * 86_400_000, now) : null,
  });
  const id = Number(res.lastInsertRowid);
  const consents = input.consents ?? { igj: true, ozj: false, gemeente: false };
  for (const r of ["igj", "ozj", "gemeente"] as const) {
    p.consent.run(id, r, consents[r] ? 1 : 0, consents[r] && consents.withIdentity ? 1 : 0, receivedAt);
  }
  p.event.run(id, receivedAt, "received", 1, null, null, null);
  if (p.searchIndex) indexCase(p.db, id, contact, input.notifyEmail ?? null);
  for (const [i, text] of (input.reporterMessages ?? []).entries()) {
    const at = receivedAt + (i + 1) * 60_000;
    p.message.run(id, at, encrypt(text));
    p.event.run(id, at, "message_from_reporter", 1, null, null, null);
  }
  return { id, code };
}

/** One case, with the defaults of a fresh testimony about the first unit in 2022–2023. */
export function seedCase(db: Db, input: SeedCaseInput = {}, now = Date.now()): { id: number; code: string } {
  const p = prepare(db);
  // IMMEDIATE: the write lock is waited for (busy_timeout) while the test server writes; a deferred
  // transaction that reads first fails at once with SQLITE_BUSY when it has to become a write.
  return db.$client.transaction(() => insert(p, input, now)).immediate();
}

/** A deterministic pseudo-random generator, so a seeded data set is the same every run. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Many cases at once for the benchmark: received over the last `days` days (default two years), most of
 * the older ones closed, a tenth urgent, a tenth with an unread message from the reporter. With
 * `referrals`, every referred case and a sixth of the closed ones were referred to an organisation (sent,
 * mostly received, often done), so the referral figures of the statistics have rows to count.
 * Reports progress every 1000 cases.
 */
export function seedManyCases(
  db: Db,
  count: number,
  opts: {
    now?: number;
    seed?: number;
    staffIds?: number[];
    days?: number;
    referrals?: boolean;
    onProgress?: (done: number) => void;
  } = {},
): void {
  const now = opts.now ?? Date.now();
  const rnd = mulberry32(opts.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const subset = (list: readonly string[]) => list.filter(() => rnd() < 0.3);
  const units = db.$client.prepare("SELECT id FROM units ORDER BY id").pluck().all() as number[];
  const p = prepare(db);
  const kinds: CaseKind[] = ["testimony", "testimony", "complaint", "complaint", "contact"];
  const openStatuses: CaseStatus[] = ["received", "acknowledged", "in_progress", "waiting", "referred"];
  const organisations = db.$client
    .prepare("SELECT id FROM organisations WHERE active = 1 ORDER BY id LIMIT 40")
    .pluck()
    .all() as number[];
  const span = (opts.days ?? 730) * 86_400_000;
  const day = 86_400_000;
  const batch = db.$client.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const age = rnd() * span;
      const receivedAt = Math.floor(now - age);
      // Older cases are mostly closed; the last few weeks are mostly open.
      const closed = rnd() < Math.min(0.95, age / (90 * 86_400_000));
      const fromYear = 2016 + Math.floor(rnd() * 8);
      const kind = pick(kinds);
      const status = closed ? "closed" : pick(openStatuses);
      const story = pick(STORIES);
      const themes = subset(allThemes);
      const wishes = subset(allWishes);
      const { id } = insert(
        p,
        {
          kind,
          status,
          urgent: rnd() < 0.1,
          language: rnd() < 0.85 ? "nl" : "en",
          unitId: rnd() < 0.1 ? null : pick(units),
          periodFromYear: fromYear,
          periodToYear: fromYear + Math.floor(rnd() * 3),
          themes,
          wishes,
          receivedAt,
          story,
          contact:
            rnd() < 0.5
              ? null
              : { name: "Alex", email: `alex${i}@example.org`, phone: `06${String(i).padStart(8, "0")}` },
          assigneeId: opts.staffIds?.length && rnd() < 0.6 ? pick(opts.staffIds) : null,
          reporterMessages: !closed && rnd() < 0.1 ? ["Is er al nieuws?"] : [],
          code: `B${crockford(i, 4)}${randomCaseCode().slice(0, 3)}`,
        },
        now,
      );
      const referred = status === "referred" || (closed && rnd() < 1 / 6);
      if (opts.referrals && referred && organisations.length > 0) {
        const createdAt = Math.min(now, receivedAt + Math.floor((1 + rnd() * 10) * day));
        const sentAt = createdAt + 60_000;
        const receivedBack = rnd() < 0.8 ? Math.min(now, sentAt + Math.floor(rnd() * 5 * day)) : null;
        const doneAt =
          receivedBack !== null && (closed || rnd() < 0.3)
            ? Math.min(now, receivedBack + Math.floor(rnd() * 30 * day))
            : null;
        const parts = ["story", "themes"];
        const content = {
          v: 1,
          kind,
          parts,
          coveringNote: "Graag jullie reactie.",
          story: { text: story, additions: [], reporterRole: "young_person", wishes },
          themes: { keys: themes },
        };
        p.referral.run(
          id,
          pick(organisations),
          JSON.stringify(parts),
          encryptJson(content),
          doneAt !== null ? "done" : receivedBack !== null ? "received" : "sent",
          opts.staffIds?.length ? pick(opts.staffIds) : null,
          createdAt,
          sentAt,
          receivedBack,
          doneAt,
          createdAt + 30 * day,
        );
      }
    }
  });
  for (let done = 0; done < count; done += 1000) {
    batch.immediate(done, Math.min(count, done + 1000));
    opts.onProgress?.(Math.min(count, done + 1000));
  }
}
