/**
 * Timeline event types (table case_events). `reporterVisible` decides what /volgen shows; free text (a
 * closing outcome, an organisation's note) goes encrypted into `dataEnc`, never into `params`.
 */
export const caseEventTypes = {
  received: { reporterVisible: true },
  acknowledged: { reporterVisible: true }, // params: { how: "message" | "outside" } (none: a status step or referral)
  answered: { reporterVisible: false }, // params: { how: "message" | "outside" }
  follow_up_set: { reporterVisible: false }, // params: { date }, dataEnc: the reason
  follow_up_done: { reporterVisible: false },
  assigned: { reporterVisible: false },
  status_changed: { reporterVisible: true }, // params: { from, to }
  urgent_marked: { reporterVisible: false },
  message_from_staff: { reporterVisible: true },
  message_from_reporter: { reporterVisible: true },
  information_added: { reporterVisible: true },
  note_added: { reporterVisible: false },
  consent_changed: { reporterVisible: true }, // params: { recipient, given, withIdentity }
  referral_created: { reporterVisible: true }, // params: { organisationId, organisation, reference }, referralId
  referral_shared: { reporterVisible: false }, // params: { organisationId, organisation, reference, parts }, dataEnc: covering note
  referral_link_renewed: { reporterVisible: false }, // params: { organisation, reference }
  referral_status: { reporterVisible: true }, // params: { status, organisation, reference }, dataEnc: the organisation's note (staff only)
  referral_blocked: { reporterVisible: false },
  closed: { reporterVisible: true }, // params: { from, as? }, dataEnc: the outcome text the reporter sees
  reopened: { reporterVisible: true }, // params: { from, to }, dataEnc: the reason, which the reporter sees
  fact_changed: { reporterVisible: false }, // params: { fact, from, to } (names, years, theme keys)
  erasure_requested: { reporterVisible: true },
  // Staff-only metadata (ADR 041): never on /volgen.
  tag_added: { reporterVisible: false }, // params: { tagId }, dataEnc: the tag
  tag_removed: { reporterVisible: false }, // params: { tagId }, dataEnc: the tag
  case_linked: { reporterVisible: false }, // params: { code, caseId, role } of the other case
  case_unlinked: { reporterVisible: false }, // params: { code, caseId, role }
} as const;

export type CaseEventType = keyof typeof caseEventTypes;
