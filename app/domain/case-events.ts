/**
 * Timeline events (table case_events): the kinds, what each one carries, and what follows from one. Every
 * event is written by recordEvent() in app/server/case-events.server.ts, the only writer of that table.
 * `reporterVisible` decides what /volgen shows; free text (a closing outcome, an organisation's note) goes
 * encrypted into `dataEnc` (the event's `text`), never into `params`.
 */
import type { MessageRole } from "./case-clocks";
import type { LinkRole } from "./case-links";
import type { EntryChannel } from "./new-case";
import type { OrganisationStatus } from "./referrals";
import type { CaseKind, CaseStatus, ConsentRecipient } from "./vocabulary";

export const caseEventTypes = {
  received: { reporterVisible: true },
  acknowledged: { reporterVisible: true },
  answered: { reporterVisible: false },
  follow_up_set: { reporterVisible: false },
  follow_up_done: { reporterVisible: false },
  assigned: { reporterVisible: false },
  status_changed: { reporterVisible: true },
  urgent_marked: { reporterVisible: false },
  message_from_staff: { reporterVisible: true },
  message_from_reporter: { reporterVisible: true },
  information_added: { reporterVisible: true },
  note_added: { reporterVisible: false },
  consent_changed: { reporterVisible: true },
  referral_created: { reporterVisible: true },
  referral_shared: { reporterVisible: false },
  referral_link_renewed: { reporterVisible: false },
  referral_status: { reporterVisible: true },
  referral_blocked: { reporterVisible: false },
  closed: { reporterVisible: true },
  reopened: { reporterVisible: true },
  fact_changed: { reporterVisible: false },
  erasure_requested: { reporterVisible: true },
  // Staff-only metadata (ADR 041): never on /volgen.
  tag_added: { reporterVisible: false },
  tag_removed: { reporterVisible: false },
  case_linked: { reporterVisible: false },
  case_unlinked: { reporterVisible: false },
} as const;

export type CaseEventType = keyof typeof caseEventTypes;

/** Done by a member of staff, who is named on the row (`staff_id`). */
type ByStaff = { staffId: number };
type How = "message" | "outside";
type Referral = { referralId: number };
type ReferralNames = { organisationId: number; organisation: string; reference: string };

/**
 * One event as its writer hands it over. `text` is stored encrypted (an empty text stores nothing); the
 * rest goes into the row as it is. Events without `staffId` were the reporter's, an organisation's or
 * the system's doing.
 */
export type CaseEvent =
  | {
      type: "received";
      /** Staff who entered the case for someone (by phone, on paper); null when the reporter sent it. */
      staffId: number | null;
      params: { kind: CaseKind; urgent: boolean; channel?: EntryChannel };
    }
  /** No `how` when a status step or a referral acknowledged the case. */
  | ({ type: "acknowledged"; params?: { how: How } } & ByStaff)
  | ({ type: "answered"; params: { how: How } } & ByStaff)
  | ({ type: "follow_up_set"; params: { date: string }; text: string } & ByStaff)
  | ({ type: "follow_up_done" } & ByStaff)
  /** `to` is 0 when the case was unassigned. */
  | ({ type: "assigned"; params: { to: number } } & ByStaff)
  | ({ type: "status_changed"; by: "staff"; params: { from: CaseStatus; to: CaseStatus } } & ByStaff)
  /** The reporter's answer takes a case that waited for them back to us. */
  | { type: "status_changed"; by: "reporter"; params: { from: "waiting"; to: "in_progress" } }
  | ({ type: "urgent_marked"; params: { urgent: boolean } } & ByStaff)
  | ({ type: "message_from_staff"; params: { messageId: number; role: MessageRole } } & ByStaff)
  | { type: "message_from_reporter" }
  | { type: "information_added" }
  | ({ type: "note_added"; params: { noteId: number } } & ByStaff)
  | {
      type: "consent_changed";
      params: { recipient: ConsentRecipient; given: boolean; withIdentity: boolean };
    }
  | ({ type: "referral_created"; params: ReferralNames } & ByStaff & Referral)
  /** `parts` joined with commas; `text` is the covering note. */
  | ({ type: "referral_shared"; params: ReferralNames & { parts: string }; text?: string } & ByStaff &
      Referral)
  | ({ type: "referral_link_renewed"; params: { organisation: string; reference: string } } & ByStaff &
      Referral)
  /** Reported by the organisation through its link; `text` is its note, for staff only. */
  | ({
      type: "referral_status";
      params: ReferralNames & { status: OrganisationStatus };
      text?: string;
    } & Referral)
  | ({
      type: "referral_blocked";
      params: { recipient: ConsentRecipient; withdrawal: "all" | "identity" };
    } & Referral)
  /** `text` is the outcome the reporter sees. */
  | ({ type: "closed"; params: { from: CaseStatus; as?: "duplicate" }; text: string } & ByStaff)
  /** `text` is the reason, which the reporter sees. */
  | ({ type: "reopened"; params: { from: "closed"; to: "in_progress" }; text: string } & ByStaff)
  /** Names, years and theme keys, not ids: the timeline reads them as they were. */
  | ({ type: "fact_changed"; params: { fact: string; from: string; to: string } } & ByStaff)
  | { type: "erasure_requested"; params: { by: "reporter" | "retention" } }
  /** `text` is the tag itself. */
  | ({ type: "tag_added" | "tag_removed"; params: { tagId: number }; text: string } & ByStaff)
  /** The other case, and the role it has to this one. */
  | ({
      type: "case_linked" | "case_unlinked";
      params: { code: string; caseId: number; role: LinkRole };
    } & ByStaff);

/**
 * Whether the reporter gets a "there is news" mail for this event (coalesced per case: news-mail.ts): for
 * what they can see on /volgen and did not do themselves. Their own message, addition, consent change or
 * erasure, and the case they just sent (or that staff entered for them), bring no news.
 */
export function bringsNews(event: CaseEvent): boolean {
  if (!caseEventTypes[event.type].reporterVisible) return false;
  switch (event.type) {
    case "received":
    case "message_from_reporter":
    case "information_added":
    case "consent_changed":
    case "erasure_requested":
      return false;
    case "status_changed":
      return event.by === "staff";
    default:
      return true;
  }
}
