/**
 * What a reporter sees of their case on /volgen: the status in five plain steps, the next promise we made
 * (a date), and the timeline of the events meant for them. Pure; the words live in locales/* /follow.json.
 */
import type { CaseStatus, ConsentRecipient, ReferralStatus } from "./vocabulary";
import { caseEventTypes } from "./case-events";
import type { ConsentLevel } from "./consent";

export const reporterStatuses = ["received", "handling", "referred", "waiting", "closed"] as const;
export type ReporterStatus = (typeof reporterStatuses)[number];

export function reporterStatus(status: CaseStatus): ReporterStatus {
  switch (status) {
    case "received":
      return "received";
    case "acknowledged":
    case "in_progress":
      return "handling";
    case "referred":
      return "referred";
    case "waiting":
      return "waiting";
    case "closed":
      return "closed";
  }
}

export type DeadlineFacts = {
  status: CaseStatus;
  ackDueAt: number;
  answerDueAt: number;
  acknowledgedAt: number | null;
  firstAnswerAt: number | null;
};

export type NextDeadline = { kind: "acknowledge" | "answer"; dueAt: number; overdue: boolean };

/** The next thing we promised and by when, or null when every promise is kept or the case is closed. */
export function nextDeadline(c: DeadlineFacts, now: number): NextDeadline | null {
  if (c.status === "closed") return null;
  if (c.acknowledgedAt === null && c.status === "received") {
    return { kind: "acknowledge", dueAt: c.ackDueAt, overdue: now > c.ackDueAt };
  }
  if (c.firstAnswerAt === null) {
    return { kind: "answer", dueAt: c.answerDueAt, overdue: now > c.answerDueAt };
  }
  return null;
}

/** A row of case_events, with the reporter-visible text already decrypted (the closing outcome). */
export type TimelineEvent = {
  at: number;
  type: string;
  reporterVisible: boolean;
  referralId: number | null;
  params: Record<string, string | number | boolean> | null;
  text: string | null;
};

export type ReferralFacts = { organisationId: number; status: ReferralStatus };

export type TimelineItem =
  | { key: "received"; at: number }
  | { key: "acknowledged"; at: number }
  | { key: "status"; at: number; status: ReporterStatus }
  | { key: "informationAdded"; at: number }
  | { key: "consentChanged"; at: number; recipient: ConsentRecipient; level: ConsentLevel }
  | { key: "referralCreated"; at: number; organisationId: number; state: "sending" | "sent" | "blocked" }
  | {
      key: "referralStatus";
      at: number;
      organisationId: number;
      status: "received" | "in_progress" | "done";
    }
  | { key: "closed"; at: number; outcome: string | null }
  | { key: "reopened"; at: number; reason: string | null }
  | { key: "erasureRequested"; at: number };

const isRecipient = (v: unknown): v is ConsentRecipient => v === "igj" || v === "ozj" || v === "gemeente";
const isCaseStatus = (v: unknown): v is CaseStatus =>
  typeof v === "string" &&
  ["received", "acknowledged", "in_progress", "referred", "waiting", "closed"].includes(v);

function isVisible(e: TimelineEvent): boolean {
  const known = caseEventTypes[e.type as keyof typeof caseEventTypes];
  // Both the stored flag and today's rule must allow it: a staff-only event never leaks by a bad row.
  return e.reporterVisible && known?.reporterVisible === true;
}

/**
 * The reporter's timeline, oldest first. Messages are left out (they have their own thread); status
 * changes are shown only when they add something the other events do not already say; an organisation's
 * own note is never shown (it is written for the aanspreekpunt, who passes on what matters).
 */
export function reporterTimeline(
  events: readonly TimelineEvent[],
  referrals: ReadonlyMap<number, ReferralFacts>,
): TimelineItem[] {
  const items: TimelineItem[] = [];
  let shown: ReporterStatus = "received";
  const sorted = [...events].sort((a, b) => a.at - b.at);
  for (const e of sorted) {
    if (!isVisible(e)) continue;
    const p = e.params ?? {};
    switch (e.type) {
      case "received":
        items.push({ key: "received", at: e.at });
        break;
      case "acknowledged":
        items.push({ key: "acknowledged", at: e.at });
        shown = "handling";
        break;
      case "status_changed": {
        if (!isCaseStatus(p.to)) break;
        const status = reporterStatus(p.to);
        // Referred and closed have their own, richer events.
        if (status === shown || status === "referred" || status === "closed") break;
        items.push({ key: "status", at: e.at, status });
        shown = status;
        break;
      }
      case "information_added":
        items.push({ key: "informationAdded", at: e.at });
        break;
      case "consent_changed": {
        if (!isRecipient(p.recipient)) break;
        const level: ConsentLevel =
          p.given !== true ? "none" : p.withIdentity === true ? "identity" : "anonymous";
        items.push({ key: "consentChanged", at: e.at, recipient: p.recipient, level });
        break;
      }
      case "referral_created": {
        const referral = e.referralId !== null ? referrals.get(e.referralId) : undefined;
        if (!referral) break;
        const state =
          referral.status === "blocked" ? "blocked" : referral.status === "pending" ? "sending" : "sent";
        items.push({ key: "referralCreated", at: e.at, organisationId: referral.organisationId, state });
        shown = "referred";
        break;
      }
      case "referral_status": {
        const referral = e.referralId !== null ? referrals.get(e.referralId) : undefined;
        const status = p.status;
        if (!referral || (status !== "received" && status !== "in_progress" && status !== "done")) break;
        items.push({ key: "referralStatus", at: e.at, organisationId: referral.organisationId, status });
        break;
      }
      case "closed":
        items.push({ key: "closed", at: e.at, outcome: e.text });
        shown = "closed";
        break;
      case "reopened":
        items.push({ key: "reopened", at: e.at, reason: e.text });
        shown = "handling";
        break;
      case "erasure_requested":
        items.push({ key: "erasureRequested", at: e.at });
        break;
    }
  }
  return items;
}

const TZ = "Europe/Amsterdam";

/** "vrijdag 5 december" / "Friday 5 December"; the year only when it is not this year's. */
export function formatDay(epochMs: number, lang: "nl" | "en", now: number): string {
  const sameYear =
    new Intl.DateTimeFormat("en", { timeZone: TZ, year: "numeric" }).format(epochMs) ===
    new Intl.DateTimeFormat("en", { timeZone: TZ, year: "numeric" }).format(now);
  return new Intl.DateTimeFormat(lang === "nl" ? "nl-NL" : "en-GB", {
    timeZone: TZ,
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(sameYear ? {} : { year: "numeric" }),
  }).format(epochMs);
}

/** "5 december 2026 om 14:05" style parts: the date and the time, in Amsterdam. */
export function formatMoment(epochMs: number, lang: "nl" | "en"): { date: string; time: string } {
  const locale = lang === "nl" ? "nl-NL" : "en-GB";
  return {
    date: new Intl.DateTimeFormat(locale, {
      timeZone: TZ,
      day: "numeric",
      month: "long",
      year: "numeric",
    }).format(epochMs),
    time: new Intl.DateTimeFormat(locale, { timeZone: TZ, hour: "2-digit", minute: "2-digit" }).format(
      epochMs,
    ),
  };
}

/** "j…@example.nl": enough to recognise your own address, not enough for someone looking over a shoulder. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "…";
  return `${email.slice(0, 1)}…${email.slice(at)}`;
}
