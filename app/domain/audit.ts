/**
 * What the audit log records. Every look at a story or contact details and every change is one of these;
 * the staff locale has a label for each (a test checks).
 */
export const auditActions = [
  "sign_in",
  "sign_in_failed",
  "second_factor_failed",
  "sign_in_locked",
  "recovery_code_used",
  "sign_out",
  "account_created",
  "invitation_created",
  "invitation_withdrawn",
  "role_changed",
  "account_deactivated",
  "account_reactivated",
  "second_factor_reset",
  "second_factor_enrolled",
  "recovery_codes_renewed",
  "password_reset_link_created",
  "password_reset",
  "password_changed",
  "password_check_failed",
  "case_viewed",
  "contact_viewed",
  "case_assigned",
  "case_status_changed",
  "case_urgency_changed",
  "case_reopened",
  "case_entry_started",
  "case_entered",
  "case_facts_changed",
  "note_added",
  "message_sent",
  "case_milestone_marked",
  "follow_up_set",
  "follow_up_done",
  "statistics_viewed",
  "statistics_exported",
  "settings_changed",
  "retention_run",
  "organisation_created",
  "organisation_changed",
  "region_coordination_changed",
  "referral_created",
  "referral_sent",
  "referral_link_renewed",
  "referral_viewed",
  "referral_status_reported",
  "mail_retried",
] as const;

export type AuditAction = (typeof auditActions)[number];

/** Non-identifying parameters only: ids, status names, roles. Never story text or contact details. */
export type AuditDetail = Record<string, string | number | boolean | null>;
