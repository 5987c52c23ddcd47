/**
 * Referrals as rules, without I/O: what may be shared with which organisation (consent per recipient and
 * part), the frozen copy of what was shared, what a receiving organisation may report back, and the
 * forms' schemas. app/server/referrals/ applies these inside its transactions.
 *
 * Consent is asked per recipient in the intake: the IGJ, the OZJ and "your municipality". So:
 * - the VNG and organisations a coordinator adds have no consent question: nothing of a case can go to
 *   them (a covering note alone is not a referral of the case; staff contact them outside this tool);
 * - "your municipality" is the municipality the reporter named, not any municipality.
 */
import { z } from "zod";
import { hasControlChars } from "./form-input";
import type { CaseContact } from "./case-content";
import type { ConsentLevel, ConsentState, ReferralPart } from "./consent";
import { referralParts } from "./consent";
import type { Period } from "./period";
import type { ConsentRecipient, OrganisationKind, ReferralStatus } from "./vocabulary";

export { referralParts, type ReferralPart };

export const REFERRAL_LINK_DAYS = 30;
export const REFERRAL_LINK_MS = REFERRAL_LINK_DAYS * 24 * 60 * 60 * 1000;
export const COVERING_NOTE_MAX = 2000;
export const ORGANISATION_NOTE_MAX = 2000;

/** The reference an organisation quotes: no case code, nothing about the reporter. */
export const referralReference = (id: number) => `R-${id}`;

/** A referral in one of these is over: done by the organisation, or stopped before it went out. */
export const closedReferralStatuses = ["done", "blocked"] as const satisfies readonly ReferralStatus[];

/** Outbox purpose of a referral's mail (the first one and every renewed link). */
export const referralMailPurpose = (id: number) => `referral:${id}`;
export function referralIdOfPurpose(purpose: string): number | null {
  const m = /^referral:([1-9]\d{0,14})$/.exec(purpose);
  return m ? Number(m[1]) : null;
}

/** Whose consent an organisation needs; null when the intake asks no consent for it. */
export function consentRecipientOf(kind: OrganisationKind): ConsentRecipient | null {
  return kind === "igj" || kind === "ozj" || kind === "gemeente" ? kind : null;
}

export type PartState = "available" | "no_consent" | "no_identity_consent" | "not_in_case";

/** Why nothing can be referred to this organisation now (consent first, then practicalities). */
export type ReferralBlock =
  "no_consent_category" | "no_municipality" | "other_municipality" | "no_consent" | "inactive" | "no_email";

export type ReferralTarget = {
  kind: OrganisationKind;
  cbsCode: string | null;
  active: boolean;
  referralEmail: string | null;
};

export type ReferralCaseFacts = {
  municipalityCode: string | null;
  /** Which parts the case has anything for (no story, no contact details, …). */
  has: Record<ReferralPart, boolean>;
};

export type ReferralOptions = { block: ReferralBlock | null; parts: Record<ReferralPart, PartState> };

export function referralOptions(
  target: ReferralTarget,
  c: ReferralCaseFacts,
  consents: readonly Pick<ConsentState, "recipient" | "given" | "withIdentity">[],
): ReferralOptions {
  const recipient = consentRecipientOf(target.kind);
  const consent = recipient ? consents.find((k) => k.recipient === recipient) : undefined;
  let block: ReferralBlock | null = null;
  if (!recipient) block = "no_consent_category";
  else if (recipient === "gemeente" && c.municipalityCode === null) block = "no_municipality";
  else if (recipient === "gemeente" && target.cbsCode !== c.municipalityCode) block = "other_municipality";
  else if (!consent?.given) block = "no_consent";
  else if (!target.active) block = "inactive";
  else if (!target.referralEmail) block = "no_email";
  const consentBlocked = block !== null && block !== "inactive" && block !== "no_email";
  const parts = Object.fromEntries(
    referralParts.map((p): [ReferralPart, PartState] => {
      if (consentBlocked) return [p, "no_consent"];
      if (p === "contact" && !consent?.withIdentity) return [p, "no_identity_consent"];
      if (!c.has[p]) return [p, "not_in_case"];
      return [p, "available"];
    }),
  ) as Record<ReferralPart, PartState>;
  return { block, parts };
}

export type ReferralCheck =
  | { ok: true; parts: ReferralPart[] }
  | { ok: false; reason: ReferralBlock | "nothing_to_share" | "unknown_part" | PartState; part?: string };

/**
 * The server's check of what a worker ticked: every part must be available for this organisation. A part
 * the reporter did not consent to is refused even when the form was tampered with.
 */
export function checkReferralParts(options: ReferralOptions, requested: readonly string[]): ReferralCheck {
  if (options.block) return { ok: false, reason: options.block };
  const unique = [...new Set(requested)];
  if (unique.length === 0) return { ok: false, reason: "nothing_to_share" };
  for (const part of unique) {
    if (!(referralParts as readonly string[]).includes(part))
      return { ok: false, reason: "unknown_part", part };
    const state = options.parts[part as ReferralPart];
    if (state !== "available") return { ok: false, reason: state, part };
  }
  // Always in the same order, whatever order the form sent.
  return { ok: true, parts: referralParts.filter((p) => unique.includes(p)) };
}

// ---------------------------------------------------------------- the frozen copy

export type ReferralSource = {
  kind: "testimony" | "complaint" | "contact";
  reporterRole: string | null;
  wishes: readonly string[];
  themes: readonly string[];
  story: { text: string; additions?: { at: number; text: string }[] } | null;
  details: {
    complaintAbout?: string;
    desiredOutcome?: string;
    themeOther?: string;
    unitOther?: string;
    question?: string;
  } | null;
  unit: { name: string; place: string } | null;
  period: Period;
  contact: CaseContact | null;
};

/** Exactly what the organisation can read: stored encrypted in referrals.contentEnc, never changed. */
export type ReferralContent = {
  v: 1;
  kind: ReferralSource["kind"];
  parts: ReferralPart[];
  coveringNote: string;
  story?: {
    text: string;
    additions: { at: number; text: string }[];
    reporterRole: string | null;
    wishes: string[];
    complaintAbout?: string;
    desiredOutcome?: string;
    question?: string;
  };
  themes?: { keys: string[]; other?: string };
  /** The period's years are spread in (a Period), as version 1 of the copy stores them. */
  unitPeriod?: Period & {
    unit: string | null;
    place: string | null;
    other?: string;
  };
  contact?: CaseContact;
};

/** Which parts a case has anything for. */
export function partsPresent(s: ReferralSource): Record<ReferralPart, boolean> {
  const contact = s.contact;
  return {
    story: Boolean(
      s.story?.text || s.details?.complaintAbout || s.details?.desiredOutcome || s.details?.question,
    ),
    themes: s.themes.length > 0 || Boolean(s.details?.themeOther),
    unit_period: Boolean(s.unit || s.details?.unitOther || s.period.fromYear || s.period.toYear),
    contact: Boolean(contact && (contact.name || contact.email || contact.phone)),
  };
}

/** Optional free-text fields only when they say something. */
function ifText<K extends string>(key: K, value: string | undefined): { [k in K]?: string } {
  return value ? ({ [key]: value } as { [k in K]: string }) : {};
}

/** The copy of the chosen parts; anything not chosen is simply absent. */
export function buildReferralContent(
  s: ReferralSource,
  parts: readonly ReferralPart[],
  coveringNote: string,
): ReferralContent {
  const content: ReferralContent = { v: 1, kind: s.kind, parts: [...parts], coveringNote };
  if (parts.includes("story")) {
    content.story = {
      text: s.story?.text ?? "",
      additions: s.story?.additions ?? [],
      reporterRole: s.reporterRole,
      wishes: [...s.wishes],
      ...ifText("complaintAbout", s.details?.complaintAbout),
      ...ifText("desiredOutcome", s.details?.desiredOutcome),
      ...ifText("question", s.details?.question),
    };
  }
  if (parts.includes("themes")) {
    content.themes = { keys: [...s.themes], ...ifText("other", s.details?.themeOther) };
  }
  if (parts.includes("unit_period")) {
    content.unitPeriod = {
      unit: s.unit?.name ?? null,
      place: s.unit?.place ?? null,
      ...ifText("other", s.details?.unitOther),
      fromYear: s.period.fromYear,
      toYear: s.period.toYear,
    };
  }
  if (parts.includes("contact") && s.contact) content.contact = { ...s.contact };
  return content;
}

/**
 * What the organisation may still read through its link, by the reporter's consent as it is now: after a
 * full withdrawal nothing of the case (what they already read stays with them), after withdrawing only the
 * identity everything but the contact details.
 */
export function contentUnderConsent(
  content: ReferralContent,
  level: ConsentLevel,
): { content: ReferralContent | null; withdrawn: "all" | "identity" | null } {
  if (level === "none") return { content: null, withdrawn: "all" };
  if (level === "anonymous" && content.parts.includes("contact")) {
    const { contact: _contact, ...rest } = content;
    return { content: { ...rest, parts: rest.parts.filter((p) => p !== "contact") }, withdrawn: "identity" };
  }
  return { content, withdrawn: null };
}

// ---------------------------------------------------------------- the organisation reports back

export const organisationStatuses = ["received", "in_progress", "done"] as const;
export type OrganisationStatus = (typeof organisationStatuses)[number];

export type OrganisationStatusChange =
  { ok: false; reason: "blocked" | "same" } | { ok: true; receivedAt: number; doneAt: number | null };

/**
 * An organisation's report. "In progress" or "done" also means received. Going back from "done" to "in
 * progress" reopens it. The same status again is only an update when it comes with a note.
 */
export function organisationStatusChange(
  current: { status: ReferralStatus; receivedAt: number | null; doneAt: number | null },
  to: OrganisationStatus,
  hasNote: boolean,
  now: number,
): OrganisationStatusChange {
  if (current.status === "blocked") return { ok: false, reason: "blocked" };
  if (current.status === to && !hasNote) return { ok: false, reason: "same" };
  return {
    ok: true,
    receivedAt: current.receivedAt ?? now,
    doneAt: to === "done" ? (current.status === "done" ? (current.doneAt ?? now) : now) : null,
  };
}

// ---------------------------------------------------------------- forms

// Control characters other than tab and newlines cannot be shown or stored safely.

const optionalText = (max: number, tooLong: string, control: string) =>
  z
    .string()
    .nullish()
    .transform((v) => (v ?? "").replace(/\r\n/g, "\n").trim())
    .pipe(
      z
        .string()
        .max(max, tooLong)
        .refine((v) => !hasControlChars(v), control),
    );

export const referralCreateSchema = z.object({
  organisationId: z
    .string({ required_error: "routing.errors.organisationRequired" })
    .regex(/^[1-9]\d{0,14}$/, "routing.errors.organisationRequired")
    .transform(Number),
  parts: z.array(z.string()).min(1, "routing.errors.partsRequired"),
  coveringNote: optionalText(COVERING_NOTE_MAX, "routing.errors.noteTooLong", "routing.errors.controlChars"),
});
export type ReferralCreateInput = z.infer<typeof referralCreateSchema>;

export const organisationReportSchema = z.object({
  status: z.enum(organisationStatuses, { errorMap: () => ({ message: "form.errors.statusRequired" }) }),
  note: optionalText(ORGANISATION_NOTE_MAX, "form.errors.noteTooLong", "form.errors.controlChars"),
});
export type OrganisationReport = z.infer<typeof organisationReportSchema>;
