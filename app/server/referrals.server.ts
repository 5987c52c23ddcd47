/**
 * Referrals: from the case page to the organisation and back. Creating one writes, in one transaction,
 * the referral with a frozen encrypted copy of exactly the consented parts, its timeline events (internal,
 * and "referred to …" for the reporter), the outbox mail with the signed link, and the audit entry. The
 * organisation reads and reports through /verwijzing/<token>; each view and each report is audited, and a
 * report lands on the timeline, in the queue and on the reporter's /volgen.
 */
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getEnv } from "~/config/env.server";
import type { CaseContact, CaseDetails } from "~/domain/case-content";
import { caseEventTypes, type CaseEventType } from "~/domain/case-events";
import { levelOf } from "~/domain/consent";
import { periodOf } from "~/domain/period";
import {
  buildReferralContent,
  checkReferralParts,
  consentRecipientOf,
  contentUnderConsent,
  organisationStatusChange,
  partsPresent,
  REFERRAL_LINK_MS,
  referralMailPurpose,
  referralIdOfPurpose,
  referralOptions,
  referralReference,
  type OrganisationReport,
  type ReferralBlock,
  type ReferralContent,
  type ReferralCreateInput,
  type ReferralOptions,
  type ReferralSource,
} from "~/domain/referrals";
import { suggestDestinations, type RoutingCase, type Suggestion } from "~/domain/routing";
import { getFixedT } from "~/i18n/resources.server";
import { audit } from "./audit.server";
import { referralAllowed } from "./consent.server";
import { decrypt, decryptJson, encrypt, encryptJson } from "./crypto.server";
import { refreshCaseClock } from "./case-clocks.server";
import { getDb, schema, type Db } from "./db.server";
import { queueStaffAlert } from "./staff-alerts.server";
import { queueNewsMail } from "./case-admin.server";
import { coordinatingMunicipalityFor } from "./organisations.server";
import { enqueueMail } from "./outbox.server";
import { signLink, verifyLink } from "./signed-links.server";
import type { StaffUser } from "./staff-session.server";
import { storyOf } from "./story.server";
import { IMMEDIATE, type DbOrTx, type Tx } from "./tx.server";
import { formatCaseCode } from "~/domain/codes";

const r = schema.referrals;
const o = schema.organisations;

type CaseRow = typeof schema.cases.$inferSelect;
type OrgRow = typeof schema.organisations.$inferSelect;

function sourceOf(db: DbOrTx, c: CaseRow): ReferralSource {
  const unit = c.unitId
    ? db
        .select({ name: schema.units.name, place: schema.units.place })
        .from(schema.units)
        .where(eq(schema.units.id, c.unitId))
        .get()
    : undefined;
  return {
    kind: c.kind,
    reporterRole: c.reporterRole,
    wishes: c.wishes,
    themes: c.themes,
    story: storyOf(db, c.id, c.storyEnc),
    details: decryptJson<CaseDetails>(c.detailsEnc),
    unit: unit ?? null,
    period: periodOf(c.periodFrom, c.periodTo),
    contact: decryptJson<CaseContact>(c.contactEnc),
  };
}

function consentsOf(db: DbOrTx, caseId: number) {
  return db
    .select({
      recipient: schema.consents.recipient,
      given: schema.consents.given,
      withIdentity: schema.consents.withIdentity,
    })
    .from(schema.consents)
    .where(eq(schema.consents.caseId, caseId))
    .all();
}

function liveCase(db: DbOrTx, caseId: number): CaseRow | undefined {
  return db
    .select()
    .from(schema.cases)
    .where(and(eq(schema.cases.id, caseId), isNull(schema.cases.erasedAt)))
    .get();
}

/** What may go to this organisation for this case, read now. */
function optionsFor(db: DbOrTx, c: CaseRow, org: OrgRow): ReferralOptions {
  return referralOptions(
    org,
    { municipalityCode: c.municipalityCode, has: partsPresent(sourceOf(db, c)) },
    consentsOf(db, c.id),
  );
}

// ---------------------------------------------------------------- the mail

const TZ = "Europe/Amsterdam";

export function referralLink(referralId: number, version: number, expiresAt: number): string {
  return `${getEnv().PUBLIC_URL}/verwijzing/${signLink({ referralId, version, expiresAt })}`;
}

/**
 * The mail to the organisation, in Dutch: their name, the reference, the link and until when it works.
 * No story, no case code, nothing about the reporter: the content is only behind the link.
 */
export function referralMail(
  org: { name: string; kind: string },
  referral: { id: number; linkVersion: number; linkExpiresAt: number },
  renewed: boolean,
) {
  const t = getFixedT("nl", "referral");
  const values = {
    // A municipality is stored by its name alone ("Amsterdam"): address its people, not the place.
    greeting: t(org.kind === "gemeente" ? "mail.greetingMunicipality" : "mail.greeting", {
      organisation: org.name,
    }),
    organisation: org.name,
    reference: referralReference(referral.id),
    url: referralLink(referral.id, referral.linkVersion, referral.linkExpiresAt),
    expires: new Intl.DateTimeFormat("nl-NL", { timeZone: TZ, dateStyle: "long" }).format(
      referral.linkExpiresAt,
    ),
  };
  return {
    subject: t(renewed ? "mail.subjectRenewed" : "mail.subject", values),
    bodyText: t(renewed ? "mail.bodyRenewed" : "mail.body", values),
  };
}

/**
 * Queues the mail as a typed message: its purpose (`referral:<id>`) and subject, no body. The body with
 * the link, a bearer token to the story, is made by the worker at send time (renderReferralMail), so no
 * live link is ever at rest in the database, its WAL or a backup.
 */
function queueReferralMail(
  tx: Tx,
  org: OrgRow,
  referral: { id: number; linkVersion: number; linkExpiresAt: number },
  renewed: boolean,
  now: number,
) {
  enqueueMail(
    tx,
    {
      purpose: referralMailPurpose(referral.id),
      to: org.referralEmail!,
      subject: referralMail(org, referral, renewed).subject,
      bodyText: "",
    },
    now,
  );
}

/**
 * A referral's mail as it goes out now, made from the referral as it is (its current link version and
 * expiry; a version above 1 is a renewed link). Null when the purpose is not a referral's, or the
 * referral is gone.
 */
export function renderReferralMail(
  db: DbOrTx,
  purpose: string,
): { subject: string; bodyText: string } | null {
  const id = referralIdOfPurpose(purpose);
  if (id === null) return null;
  const ref = db.select().from(r).where(eq(r.id, id)).get();
  const org =
    ref && db.select({ name: o.name, kind: o.kind }).from(o).where(eq(o.id, ref.organisationId)).get();
  if (!ref || !org) return null;
  return referralMail(org, ref, ref.linkVersion > 1);
}

function addEvent(
  tx: Tx,
  e: {
    caseId: number;
    type: CaseEventType;
    at: number;
    staffId?: number | null;
    referralId: number;
    params: Record<string, string | number | boolean>;
    text?: string;
  },
) {
  tx.insert(schema.caseEvents)
    .values({
      caseId: e.caseId,
      at: e.at,
      type: e.type,
      reporterVisible: caseEventTypes[e.type].reporterVisible,
      staffId: e.staffId ?? null,
      referralId: e.referralId,
      params: e.params,
      dataEnc: e.text ? encrypt(e.text) : null,
    })
    .run();
}

// ---------------------------------------------------------------- the case page

export type SuggestionView = Suggestion & {
  organisation: { id: number; name: string; hasReferralEmail: boolean } | null;
  /** For a municipality: the one coordinating closed youth care in its region, when entered. */
  coordinating: { id: number; name: string; regionName: string } | null;
};

function routingCaseOf(db: DbOrTx, c: CaseRow): RoutingCase {
  return {
    kind: c.kind,
    wishes: c.wishes,
    themes: c.themes,
    safeNow: c.safeNow,
    municipalityCode: c.municipalityCode,
    consents: Object.fromEntries(consentsOf(db, c.id).map((k) => [k.recipient, k])),
  };
}

/** Whether a referral can be mailed there is known before anyone starts one (issue 16, point 9). */
const suggestedOrganisation = {
  id: o.id,
  name: o.name,
  hasReferralEmail: sql<number>`${o.referralEmail} is not null and ${o.referralEmail} <> ''`,
};

function organisationFor(db: DbOrTx, s: Suggestion) {
  if (s.destination === "gemeente" && s.municipalityCode) {
    return db.select(suggestedOrganisation).from(o).where(eq(o.cbsCode, s.municipalityCode)).get() ?? null;
  }
  if (s.destination === "igj" || s.destination === "ozj" || s.destination === "vng") {
    return (
      db.select(suggestedOrganisation).from(o).where(eq(o.kind, s.destination)).orderBy(o.id).get() ?? null
    );
  }
  return null;
}

function withEmailFlag(org: { id: number; name: string; hasReferralEmail: number } | null) {
  return org ? { ...org, hasReferralEmail: Boolean(org.hasReferralEmail) } : null;
}

export function suggestionsFor(c: CaseRow, db: DbOrTx = getDb()): SuggestionView[] {
  return suggestDestinations(routingCaseOf(db, c)).map((s) => ({
    ...s,
    organisation: withEmailFlag(organisationFor(db, s)),
    coordinating:
      s.destination === "gemeente" && s.municipalityCode
        ? coordinatingMunicipalityFor(s.municipalityCode, db)
        : null,
  }));
}

export type ReferralRow = ReturnType<typeof referralsOf>[number];

function referralsOf(db: DbOrTx, caseId: number) {
  const rows = db
    .select({
      id: r.id,
      organisationId: r.organisationId,
      organisation: o.name,
      organisationKind: o.kind,
      parts: r.parts,
      status: r.status,
      createdAt: r.createdAt,
      createdBy: schema.staff.name,
      sentAt: r.sentAt,
      receivedAt: r.receivedAt,
      doneAt: r.doneAt,
      linkExpiresAt: r.linkExpiresAt,
      consentWithdrawnAt: r.consentWithdrawnAt,
    })
    .from(r)
    .innerJoin(o, eq(o.id, r.organisationId))
    .leftJoin(schema.staff, eq(schema.staff.id, r.createdBy))
    .where(eq(r.caseId, caseId))
    .orderBy(desc(r.createdAt), desc(r.id))
    .all();
  if (rows.length === 0) return [];
  const mails = db
    .select({
      purpose: schema.outbox.purpose,
      status: schema.outbox.status,
      attempts: schema.outbox.attempts,
      createdAt: schema.outbox.createdAt,
    })
    .from(schema.outbox)
    .where(
      inArray(
        schema.outbox.purpose,
        rows.map((x) => referralMailPurpose(x.id)),
      ),
    )
    .orderBy(desc(schema.outbox.id))
    .all();
  const updates = db
    .select({
      referralId: schema.caseEvents.referralId,
      at: schema.caseEvents.at,
      params: schema.caseEvents.params,
      dataEnc: schema.caseEvents.dataEnc,
    })
    .from(schema.caseEvents)
    .where(and(eq(schema.caseEvents.caseId, caseId), eq(schema.caseEvents.type, "referral_status")))
    .orderBy(schema.caseEvents.at, schema.caseEvents.id)
    .all();
  return rows.map((x) => {
    const mail = mails.find((m) => m.purpose === referralMailPurpose(x.id));
    return {
      ...x,
      reference: referralReference(x.id),
      mail: mail ? { status: mail.status, attempts: mail.attempts } : null,
      updates: updates
        .filter((u) => u.referralId === x.id)
        .map((u) => ({
          at: u.at,
          status: String(u.params?.status ?? ""),
          note: u.dataEnc ? decrypt(u.dataEnc) : null,
        })),
      mayRenew: x.status !== "blocked" && x.consentWithdrawnAt === null,
    };
  });
}

/** The referral section of the case page (the page itself audits the view of the case). */
export function referralPanel(caseId: number, db: Db = getDb()) {
  const c = liveCase(db, caseId);
  if (!c) return null;
  return {
    caseId,
    closed: c.status === "closed",
    suggestions: suggestionsFor(c, db),
    referrals: referralsOf(db, caseId),
  };
}

// ---------------------------------------------------------------- creating a referral

/** The choices on the "refer" page: suggested organisations first, then the rest. */
export function referralChoices(caseId: number, selectedId: number | null, db: Db = getDb()) {
  const c = liveCase(db, caseId);
  if (!c) return null;
  const suggestions = suggestionsFor(c, db);
  const suggestedIds = new Set(suggestions.flatMap((s) => (s.organisation ? [s.organisation.id] : [])));
  const all = db
    .select({ id: o.id, name: o.name, kind: o.kind })
    .from(o)
    .where(eq(o.active, true))
    .orderBy(o.name)
    .all();
  const own = c.municipalityCode
    ? (db.select({ id: o.id }).from(o).where(eq(o.cbsCode, c.municipalityCode)).get()?.id ?? null)
    : null;
  const org = selectedId ? db.select().from(o).where(eq(o.id, selectedId)).get() : undefined;
  return {
    case: { id: c.id, code: formatCaseCode(c.code), closed: c.status === "closed" },
    suggestions,
    groups: {
      suggested: all.filter((x) => suggestedIds.has(x.id) || x.id === own),
      national: all.filter((x) => x.kind !== "gemeente" && x.kind !== "other" && !suggestedIds.has(x.id)),
      other: all.filter((x) => x.kind === "other" && !suggestedIds.has(x.id)),
      municipalities: all.filter((x) => x.kind === "gemeente" && !suggestedIds.has(x.id) && x.id !== own),
    },
    selected: org
      ? {
          id: org.id,
          name: org.name,
          kind: org.kind,
          options: optionsFor(db, c, org),
          ownMunicipality: own
            ? (db.select({ name: o.name }).from(o).where(eq(o.id, own)).get()?.name ?? null)
            : null,
        }
      : null,
  };
}

/** An earlier referral of this case to the same organisation: the reason to ask before a second one. */
export type EarlierReferral = { reference: string; status: string; createdAt: number };

export type CreateReferralResult =
  | { ok: true; referralId: number }
  | { ok: false; reason: "already_referred"; earlier: EarlierReferral[] }
  | {
      ok: false;
      reason:
        | "not_found"
        | "closed"
        | "organisation_not_found"
        | ReferralBlock
        | "nothing_to_share"
        | "unknown_part"
        | "no_identity_consent"
        | "not_in_case"
        | "refused";
      part?: string;
    };

/** The case's earlier referrals to one organisation, newest first. */
export function earlierReferrals(db: DbOrTx, caseId: number, organisationId: number): EarlierReferral[] {
  return db
    .select({ id: r.id, status: r.status, createdAt: r.createdAt })
    .from(r)
    .where(and(eq(r.caseId, caseId), eq(r.organisationId, organisationId)))
    .orderBy(desc(r.createdAt), desc(r.id))
    .all()
    .map(({ id, ...x }) => ({ ...x, reference: referralReference(id) }));
}

/**
 * A second referral to the same organisation is often a slip (a double click, a colleague who did not
 * see the first): without `confirmRepeat` the server answers with the earlier ones instead.
 */
export function createReferral(
  me: StaffUser,
  caseId: number,
  input: ReferralCreateInput,
  now = Date.now(),
  opts: { confirmRepeat?: boolean } = {},
): CreateReferralResult {
  return getDb().transaction((tx): CreateReferralResult => {
    const c = liveCase(tx, caseId);
    if (!c) return { ok: false, reason: "not_found" };
    if (c.status === "closed") return { ok: false, reason: "closed" };
    const org = tx.select().from(o).where(eq(o.id, input.organisationId)).get();
    if (!org) return { ok: false, reason: "organisation_not_found" };
    const check = checkReferralParts(optionsFor(tx, c, org), input.parts);
    if (!check.ok) {
      const reason = check.reason === "available" ? "refused" : check.reason;
      return { ok: false, reason, part: check.part };
    }
    // The consent module's own guard too, read in this same transaction.
    if (!referralAllowed(tx, caseId, org.id, check.parts).allowed) return { ok: false, reason: "refused" };
    if (!opts.confirmRepeat) {
      const earlier = earlierReferrals(tx, caseId, org.id);
      if (earlier.length > 0) return { ok: false, reason: "already_referred", earlier };
    }

    const content = buildReferralContent(sourceOf(tx, c), check.parts, input.coveringNote);
    const linkExpiresAt = now + REFERRAL_LINK_MS;
    const { id } = tx
      .insert(r)
      .values({
        caseId,
        organisationId: org.id,
        parts: check.parts,
        contentEnc: encryptJson(content),
        status: "pending",
        createdBy: me.id,
        createdAt: now,
        linkVersion: 1,
        linkExpiresAt,
      })
      .returning({ id: r.id })
      .get();
    const reference = referralReference(id);
    addEvent(tx, {
      caseId,
      type: "referral_shared",
      at: now,
      staffId: me.id,
      referralId: id,
      params: { organisationId: org.id, organisation: org.name, reference, parts: check.parts.join(",") },
      text: input.coveringNote || undefined,
    });
    addEvent(tx, {
      caseId,
      type: "referral_created",
      at: now,
      staffId: me.id,
      referralId: id,
      params: { organisationId: org.id, organisation: org.name, reference },
    });
    // Referring is a step by staff: it acknowledges the case if nobody had yet.
    if (c.acknowledgedAt === null) {
      tx.insert(schema.caseEvents)
        .values({
          caseId,
          at: now,
          type: "acknowledged",
          reporterVisible: caseEventTypes.acknowledged.reporterVisible,
          staffId: me.id,
        })
        .run();
    }
    tx.update(schema.cases)
      .set({ status: "referred", acknowledgedAt: c.acknowledgedAt ?? now })
      .where(eq(schema.cases.id, caseId))
      .run();
    queueReferralMail(tx, org, { id, linkVersion: 1, linkExpiresAt }, false, now);
    queueNewsMail(tx, caseId, now);
    refreshCaseClock(tx, caseId);
    audit(
      tx,
      {
        action: "referral_created",
        staffId: me.id,
        caseId,
        detail: { referralId: id, organisationId: org.id, parts: check.parts.join(",") },
      },
      now,
    );
    return { ok: true, referralId: id };
  }, IMMEDIATE);
}

export type RenewResult =
  { ok: true } | { ok: false; reason: "not_found" | "blocked" | "withdrawn" | "inactive" | "no_email" };

/** A new link (30 days): the old one stops working at once, a new mail goes out. */
export function renewReferralLink(
  me: StaffUser,
  caseId: number,
  referralId: number,
  now = Date.now(),
): RenewResult {
  return getDb().transaction((tx): RenewResult => {
    const c = liveCase(tx, caseId);
    const ref = tx
      .select()
      .from(r)
      .where(and(eq(r.id, referralId), eq(r.caseId, caseId)))
      .get();
    if (!c || !ref) return { ok: false, reason: "not_found" };
    if (ref.status === "blocked") return { ok: false, reason: "blocked" };
    if (ref.consentWithdrawnAt !== null) return { ok: false, reason: "withdrawn" };
    const org = tx.select().from(o).where(eq(o.id, ref.organisationId)).get()!;
    if (!org.active) return { ok: false, reason: "inactive" };
    if (!org.referralEmail) return { ok: false, reason: "no_email" };
    const next = { id: ref.id, linkVersion: ref.linkVersion + 1, linkExpiresAt: now + REFERRAL_LINK_MS };
    tx.update(r)
      .set({ linkVersion: next.linkVersion, linkExpiresAt: next.linkExpiresAt })
      .where(eq(r.id, ref.id))
      .run();
    addEvent(tx, {
      caseId,
      type: "referral_link_renewed",
      at: now,
      staffId: me.id,
      referralId: ref.id,
      params: { organisation: org.name, reference: referralReference(ref.id) },
    });
    // A mail with the old link that has not gone yet never will: its link is dead.
    tx.delete(schema.outbox)
      .where(and(eq(schema.outbox.purpose, referralMailPurpose(ref.id)), eq(schema.outbox.status, "queued")))
      .run();
    queueReferralMail(tx, org, next, true, now);
    audit(
      tx,
      { action: "referral_link_renewed", staffId: me.id, caseId, detail: { referralId: ref.id } },
      now,
    );
    return { ok: true };
    // It reads before it writes: IMMEDIATE, so another writer on the file is waited for, not a 500.
  }, IMMEDIATE);
}

// ---------------------------------------------------------------- the organisation's link

export type LinkProblem = "not_found" | "gone";

type Resolved = { referral: typeof r.$inferSelect; org: OrgRow; caseRow: CaseRow };

/**
 * The referral a token opens, or why not. A forged or garbled token is "not found"; an expired, renewed
 * or blocked link, or an erased case, is "gone". Neither says anything more.
 */
function resolveLink(db: DbOrTx, token: string, now: number): Resolved | { problem: LinkProblem } {
  const check = verifyLink(token, now);
  if (!check.ok) return { problem: check.reason === "expired" ? "gone" : "not_found" };
  const referral = db.select().from(r).where(eq(r.id, check.claims.referralId)).get();
  if (!referral) return { problem: "not_found" };
  if (
    referral.linkVersion !== check.claims.version ||
    referral.linkExpiresAt !== check.claims.expiresAt ||
    now > referral.linkExpiresAt ||
    referral.status === "blocked"
  )
    return { problem: "gone" };
  const caseRow = liveCase(db, referral.caseId);
  if (!caseRow) return { problem: "gone" };
  const org = db.select().from(o).where(eq(o.id, referral.organisationId)).get()!;
  return { referral, org, caseRow };
}

export type OrganisationView = {
  reference: string;
  organisation: string;
  sharedAt: number;
  status: typeof r.$inferSelect.status;
  receivedAt: number | null;
  doneAt: number | null;
  linkExpiresAt: number;
  content: ReferralContent | null;
  withdrawn: "all" | "identity" | null;
  reports: { at: number; status: string; note: string | null }[];
};

function viewOf(db: DbOrTx, x: Resolved): OrganisationView {
  const recipient = consentRecipientOf(x.org.kind);
  const consent = consentsOf(db, x.caseRow.id).find((k) => k.recipient === recipient);
  const frozen = decryptJson<ReferralContent>(x.referral.contentEnc);
  const shown = frozen
    ? contentUnderConsent(frozen, consent ? levelOf(consent) : "none")
    : { content: null, withdrawn: null };
  const reports = db
    .select({
      at: schema.caseEvents.at,
      params: schema.caseEvents.params,
      dataEnc: schema.caseEvents.dataEnc,
    })
    .from(schema.caseEvents)
    .where(
      and(eq(schema.caseEvents.referralId, x.referral.id), eq(schema.caseEvents.type, "referral_status")),
    )
    .orderBy(schema.caseEvents.at, schema.caseEvents.id)
    .all()
    .map((e) => ({
      at: e.at,
      status: String(e.params?.status ?? ""),
      note: e.dataEnc ? decrypt(e.dataEnc) : null,
    }));
  return {
    reference: referralReference(x.referral.id),
    organisation: x.org.name,
    sharedAt: x.referral.sentAt ?? x.referral.createdAt,
    status: x.referral.status,
    receivedAt: x.referral.receivedAt,
    doneAt: x.referral.doneAt,
    linkExpiresAt: x.referral.linkExpiresAt,
    content: shown.content,
    withdrawn: shown.withdrawn,
    reports,
  };
}

/** Opening the link: the view, written to the audit log (actor "organisation") in the same transaction. */
export function openReferral(
  token: string,
  now = Date.now(),
): { ok: true; view: OrganisationView } | { ok: false; problem: LinkProblem } {
  return getDb().transaction((tx) => {
    const x = resolveLink(tx, token, now);
    if ("problem" in x) return { ok: false as const, problem: x.problem };
    audit(
      tx,
      {
        action: "referral_viewed",
        actor: "organisation",
        caseId: x.caseRow.id,
        detail: { referralId: x.referral.id, organisationId: x.org.id },
      },
      now,
    );
    return { ok: true as const, view: viewOf(tx, x) };
  });
}

export type ReportResult =
  { ok: true } | { ok: false; problem: LinkProblem } | { ok: false; reason: "blocked" | "same" };

/**
 * The organisation's "received / in progress / done" with an optional note. The status reaches the
 * reporter's /volgen in plain words; the note is for the aanspreekpunt's staff only.
 */
export function reportReferralStatus(
  token: string,
  report: OrganisationReport,
  now = Date.now(),
): ReportResult {
  return getDb().transaction((tx): ReportResult => {
    const x = resolveLink(tx, token, now);
    if ("problem" in x) return { ok: false, problem: x.problem };
    const change = organisationStatusChange(x.referral, report.status, report.note !== "", now);
    if (!change.ok) return { ok: false, reason: change.reason };
    tx.update(r)
      .set({
        status: report.status,
        receivedAt: change.receivedAt,
        doneAt: change.doneAt,
        // A report proves the mail arrived, even if the worker stopped before marking it sent.
        sentAt: x.referral.sentAt ?? now,
      })
      .where(eq(r.id, x.referral.id))
      .run();
    addEvent(tx, {
      caseId: x.caseRow.id,
      type: "referral_status",
      at: now,
      referralId: x.referral.id,
      params: {
        status: report.status,
        organisationId: x.org.id,
        organisation: x.org.name,
        reference: referralReference(x.referral.id),
      },
      text: report.note || undefined,
    });
    queueNewsMail(tx, x.caseRow.id, now);
    queueStaffAlert(tx, "organisation_update", x.caseRow.id, now);
    refreshCaseClock(tx, x.caseRow.id);
    audit(
      tx,
      {
        action: "referral_status_reported",
        actor: "organisation",
        caseId: x.caseRow.id,
        detail: { referralId: x.referral.id, status: report.status, from: x.referral.status },
      },
      now,
    );
    return { ok: true };
  });
}

// ---------------------------------------------------------------- the queue

/**
 * Cases where an organisation reported something since anyone on the team last opened the case: the
 * queue marks them, so a report never goes unnoticed.
 */
export function casesWithOrganisationNews(caseIds: readonly number[], db: Db = getDb()): Set<number> {
  if (caseIds.length === 0) return new Set();
  const rows = db
    .select({ caseId: schema.caseEvents.caseId })
    .from(schema.caseEvents)
    .where(
      and(
        inArray(schema.caseEvents.caseId, [...caseIds]),
        eq(schema.caseEvents.type, "referral_status"),
        sql`${schema.caseEvents.at} > coalesce((SELECT max(${schema.auditLog.at}) FROM ${schema.auditLog}
          WHERE ${schema.auditLog.caseId} = ${schema.caseEvents.caseId}
          AND ${schema.auditLog.action} = 'case_viewed'), 0)`,
      ),
    )
    .groupBy(schema.caseEvents.caseId)
    .all();
  return new Set(rows.map((x) => x.caseId));
}

// ---------------------------------------------------------------- the outbox worker

/** What the worker writes as the "error" of a referral mail it did not send on purpose. */
export const REFERRAL_MAIL_CANCELLED = "cancelled: referral blocked";

/**
 * Asked by the outbox worker right before a mail goes to SMTP: a referral mail goes out only while its
 * referral may still go out (not blocked by a withdrawal, case not erased, consent still there).
 */
export function referralMailAllowed(db: DbOrTx, purpose: string): boolean {
  const id = referralIdOfPurpose(purpose);
  if (id === null) return true;
  const ref = db.select().from(r).where(eq(r.id, id)).get();
  if (!ref || ref.status === "blocked" || !liveCase(db, ref.caseId)) return false;
  return ref.status !== "pending" || referralAllowed(db, ref.caseId, ref.organisationId, ref.parts).allowed;
}

/** After SMTP accepted a referral mail: the referral is sent (audited once, by the system). */
export function referralMailSent(db: DbOrTx, purpose: string, now: number): void {
  const id = referralIdOfPurpose(purpose);
  if (id === null) return;
  const ref = db.select({ caseId: r.caseId }).from(r).where(eq(r.id, id)).get();
  if (!ref) return;
  const changed = db
    .update(r)
    .set({ status: "sent", sentAt: now })
    .where(and(eq(r.id, id), eq(r.status, "pending")))
    .run().changes;
  if (changed === 1)
    audit(
      db,
      { action: "referral_sent", actor: "system", caseId: ref.caseId, detail: { referralId: id } },
      now,
    );
}
