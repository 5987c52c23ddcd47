/**
 * Consent per recipient, and the one rule every referral must pass: nothing goes to an organisation unless
 * the reporter agreed to share with that kind of recipient, and contact details only with "with my
 * identity". Pure; app/server/consent.server.ts applies it to the database.
 */
import type { ConsentRecipient, OrganisationKind } from "./vocabulary";

/** What a referral can contain (referrals.parts). Only `contact` identifies the reporter. */
export const referralParts = ["story", "themes", "unit_period", "contact"] as const;
export type ReferralPart = (typeof referralParts)[number];

export type ConsentState = { recipient: ConsentRecipient; given: boolean; withIdentity: boolean };

/** none: share nothing; anonymous: share without contact details; identity: with contact details. */
export const consentLevels = ["none", "anonymous", "identity"] as const;
export type ConsentLevel = (typeof consentLevels)[number];

export function levelOf(c: Pick<ConsentState, "given" | "withIdentity">): ConsentLevel {
  if (!c.given) return "none";
  return c.withIdentity ? "identity" : "anonymous";
}

export function stateOf(recipient: ConsentRecipient, level: ConsentLevel): ConsentState {
  return { recipient, given: level !== "none", withIdentity: level === "identity" };
}

/**
 * Whose consent an organisation needs. The VNG is the municipalities' association (ZIKOS was bought
 * nationally through it), so it falls under "municipality". Other organisations have no consent question
 * in the intake yet, so nothing may be referred to them.
 */
export function recipientFor(kind: OrganisationKind): ConsentRecipient | null {
  switch (kind) {
    case "igj":
      return "igj";
    case "ozj":
      return "ozj";
    case "gemeente":
    case "vng":
      return "gemeente";
    default:
      return null;
  }
}

export type ReferDecision =
  | { allowed: true }
  | { allowed: false; reason: "no_recipient" | "no_consent" | "no_identity_consent" | "nothing_to_share" };

/** May these parts go to this recipient? */
export function canRefer(
  consents: readonly ConsentState[],
  recipient: ConsentRecipient | null,
  parts: readonly string[],
): ReferDecision {
  if (!recipient) return { allowed: false, reason: "no_recipient" };
  if (parts.length === 0) return { allowed: false, reason: "nothing_to_share" };
  const consent = consents.find((c) => c.recipient === recipient);
  if (!consent?.given) return { allowed: false, reason: "no_consent" };
  if (parts.includes("contact") && !consent.withIdentity) {
    return { allowed: false, reason: "no_identity_consent" };
  }
  return { allowed: true };
}

/** What a change takes away: everything, only the identity, or nothing. */
export type Withdrawal = "all" | "identity" | null;

export function withdrawalOf(before: ConsentLevel, after: ConsentLevel): Withdrawal {
  if (before !== "none" && after === "none") return "all";
  if (before === "identity" && after === "anonymous") return "identity";
  return null;
}

/** Does a withdrawal hit a referral with these parts? */
export function withdrawalAffects(withdrawal: Withdrawal, parts: readonly string[]): boolean {
  if (withdrawal === "all") return true;
  if (withdrawal === "identity") return parts.includes("contact");
  return false;
}

/** What the reporter said about being reached, as far as a consent depends on it. */
export type Reach = { contactMethod: "none" | "email" | "phone"; municipalityGiven: boolean };

/**
 * A consent the rest of the answers make impossible to keep: "with my contact details" while nobody may
 * contact them (there are no details to give), or "my municipality" without a municipality (we would not
 * know which one). Accepting either silently lets the person believe someone will act who cannot, so the
 * intake asks back (app/domain/intake/validation.ts) and a case with a conflict cannot be sent.
 */
export type ConsentConflict = {
  recipient: ConsentRecipient;
  problem: "identity_without_contact" | "no_municipality";
};

export function consentConflicts(consents: readonly ConsentState[], reach: Reach): ConsentConflict[] {
  const conflicts: ConsentConflict[] = [];
  for (const c of consents) {
    if (!c.given) continue;
    if (c.withIdentity && reach.contactMethod === "none") {
      conflicts.push({ recipient: c.recipient, problem: "identity_without_contact" });
    }
    if (c.recipient === "gemeente" && !reach.municipalityGiven) {
      conflicts.push({ recipient: c.recipient, problem: "no_municipality" });
    }
  }
  return conflicts;
}
