/**
 * The whole data model. Columns ending in `Enc` hold AES-256-GCM ciphertext (app/server/crypto.server.ts);
 * nothing a reporter writes is ever stored in a plain column. Times are epoch milliseconds.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  caseKinds,
  caseStatuses,
  clockKinds,
  closedAsKinds,
  consentRecipients,
  linkKinds,
  organisationKinds,
  referralStatuses,
  staffRoles,
} from "../app/domain/vocabulary";
import { staffAlertKinds } from "../app/domain/staff-alerts";

// The value lists belong to the domain (app/domain/vocabulary.ts); server code may keep reading them here.
export * from "../app/domain/vocabulary";

const now = sql`(unixepoch('subsec') * 1000)`;

/**
 * The Amsterdam calendar month ("2026-07") of an instant in epoch ms, in SQL: UTC+2 from the last Sunday
 * of March 01:00 UTC to the last Sunday of October 01:00 UTC, UTC+1 otherwise (the EU rule). The
 * statistics count per month inside the database with it (ADR 013); a unit test checks it against
 * `Intl` for every quarter hour of 2000–2060.
 */
export function amsterdamMonth(column: string): string {
  const s = `${column} / 1000`;
  const year = `strftime('%Y', ${s}, 'unixepoch')`;
  const summer = `${s} >= unixepoch(${year} || '-03-25 01:00', 'weekday 0') AND ${s} < unixepoch(${year} || '-10-25 01:00', 'weekday 0')`;
  return `strftime('%Y-%m', ${s} + CASE WHEN ${summer} THEN 7200 ELSE 3600 END, 'unixepoch')`;
}

// ---------------------------------------------------------------- reference data

export const regions = sqliteTable("regions", {
  code: text("code").primaryKey(), // CBS jeugdregio code, e.g. JZ13
  name: text("name").notNull(),
});

export const organisations = sqliteTable(
  "organisations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: organisationKinds }).notNull(),
    name: text("name").notNull(),
    /** CBS municipality code (GM0363) for kind = gemeente. */
    cbsCode: text("cbs_code"),
    province: text("province"),
    regionCode: text("region_code").references(() => regions.code),
    referralEmail: text("referral_email"),
    notes: text("notes"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("organisations_cbs_code").on(t.cbsCode), index("organisations_kind").on(t.kind)],
);

/** Which municipality coordinates closed youth care for a youth-care region (entered by coordinators). */
export const regionCoordination = sqliteTable("region_coordination", {
  regionCode: text("region_code")
    .primaryKey()
    .references(() => regions.code),
  organisationId: integer("organisation_id")
    .notNull()
    .references(() => organisations.id),
});

/** Municipalities that ended since 2018, so an old name still finds today's municipality. */
export const municipalityRenames = sqliteTable("municipality_renames", {
  oldCode: text("old_code").primaryKey(),
  oldName: text("old_name").notNull(),
  endedOn: text("ended_on").notNull(),
  successorCode: text("successor_code").notNull(),
});

export const units = sqliteTable("units", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  place: text("place").notNull(),
  operator: text("operator").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
});

/**
 * Tunable numbers (deadlines, retention) as key/value. Each key with its bounds and default is defined once,
 * in `settingFields` (app/domain/settings-form.ts); deadline-settings.server.ts and retention.server.ts
 * read them through `settingsFrom`, so a missing or out-of-range value falls back to that default.
 */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: integer("updated_at").notNull().default(now),
});

// ---------------------------------------------------------------- staff

export const staff = sqliteTable("staff", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  totpSecretEnc: text("totp_secret_enc"),
  role: text("role", { enum: staffRoles }).notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  /** The last accepted TOTP time step: a code is accepted once, also across a restart (ADR 017). */
  totpLastStep: integer("totp_last_step"),
  createdAt: integer("created_at").notNull().default(now),
});

/**
 * Staff sign-in failures per email address typed, by a keyed hash of the address, whether or not an
 * account has it (so counters and locks behave the same for unknown addresses). Password attempts and
 * second-factor attempts are counted apart; see docs/decisions/019.
 */
export const signInThrottle = sqliteTable(
  "sign_in_throttle",
  {
    addressKey: text("address_key").primaryKey(),
    failures: integer("failures").notNull().default(0),
    lockedUntil: integer("locked_until"),
    locks: integer("locks").notNull().default(0),
    codeFailures: integer("code_failures").notNull().default(0),
    codeLockedUntil: integer("code_locked_until"),
    codeLocks: integer("code_locks").notNull().default(0),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("sign_in_throttle_updated").on(t.updatedAt)],
);

export const recoveryCodes = sqliteTable("recovery_codes", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  staffId: integer("staff_id")
    .notNull()
    .references(() => staff.id, { onDelete: "cascade" }),
  codeHash: text("code_hash").notNull(),
  usedAt: integer("used_at"),
});

export const staffSessions = sqliteTable("staff_sessions", {
  /** sha256 of the cookie token; the token itself is never stored. */
  idHash: text("id_hash").primaryKey(),
  staffId: integer("staff_id")
    .notNull()
    .references(() => staff.id, { onDelete: "cascade" }),
  /** false until the second factor is checked. */
  verified: integer("verified", { mode: "boolean" }).notNull().default(false),
  createdAt: integer("created_at").notNull(),
  lastSeenAt: integer("last_seen_at").notNull(),
  revokedAt: integer("revoked_at"),
});

/**
 * One-time links: the first-coordinator setup link, staff invitations, and password reset links (for the
 * account in `forStaffId`; `role` is then that account's role when the link was made).
 */
export const accessTokens = sqliteTable("access_tokens", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  purpose: text("purpose", { enum: ["setup", "invite", "password_reset"] }).notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  role: text("role", { enum: staffRoles }).notNull(),
  forStaffId: integer("for_staff_id").references(() => staff.id, { onDelete: "cascade" }),
  createdBy: integer("created_by").references(() => staff.id),
  createdAt: integer("created_at").notNull(),
  expiresAt: integer("expires_at").notNull(),
  usedAt: integer("used_at"),
});

/**
 * Rate-limit counters (fixed windows) and the /volgen sign-in counters (ADR 017, 018). `keyHash` is the
 * sha256 of the key (a keyed hash of a client address, a case code, or both), never the key itself; rows
 * whose window has ended are deleted now and then and by the hourly retention job.
 */
export const rateLimits = sqliteTable(
  "rate_limits",
  {
    bucket: text("bucket").notNull(),
    keyHash: text("key_hash").notNull(),
    count: integer("count").notNull(),
    resetAt: integer("reset_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.keyHash] }), index("rate_limits_reset").on(t.resetAt)],
);

// ---------------------------------------------------------------- reporters' cases

/** Server-side draft of an unfinished intake, keyed by a random id held in an httpOnly cookie. */
export const drafts = sqliteTable("drafts", {
  idHash: text("id_hash").primaryKey(),
  kind: text("kind", { enum: caseKinds }).notNull(),
  dataEnc: text("data_enc").notNull(),
  createdAt: integer("created_at").notNull(),
  expiresAt: integer("expires_at").notNull(),
});

export const cases = sqliteTable(
  "cases",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(),
    passphraseHash: text("passphrase_hash").notNull(),
    /** The draft/submission this case came from: a second submit of the same draft finds this row. */
    submissionKey: text("submission_key").notNull().unique(),
    kind: text("kind", { enum: caseKinds }).notNull(),
    status: text("status", { enum: caseStatuses }).notNull().default("received"),
    urgent: integer("urgent", { mode: "boolean" }).notNull().default(false),
    language: text("language", { enum: ["nl", "en"] }).notNull(),
    reporterRole: text("reporter_role"), // young_person | close | other
    unitId: integer("unit_id").references(() => units.id),
    /** Calendar years as the reporter gave them (2021), not epoch ms: see app/domain/period.ts. */
    periodFrom: integer("period_from"),
    periodTo: integer("period_to"),
    /** JSON arrays of fixed option keys (not free text), so statistics can count them. */
    themes: text("themes", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    wishes: text("wishes", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    safeNow: text("safe_now"), // yes | no | rather_not_say
    municipalityCode: text("municipality_code"),
    contactMethod: text("contact_method"), // none | email | phone
    /** Story, complaint details, contact details: encrypted JSON blobs. */
    storyEnc: text("story_enc"),
    detailsEnc: text("details_enc"),
    contactEnc: text("contact_enc"),
    notifyEmailEnc: text("notify_email_enc"),
    /** When the last "there is news" mail was queued: later news within minutes rides on that mail. */
    newsMailQueuedAt: integer("news_mail_queued_at"),
    outcomeEnc: text("outcome_enc"),
    assigneeId: integer("assignee_id").references(() => staff.id),
    receivedAt: integer("received_at").notNull(),
    /** The Amsterdam month of receipt, computed by SQLite: what the statistics count by. */
    receivedMonth: text("received_month").generatedAlwaysAs(sql.raw(amsterdamMonth("received_at")), {
      mode: "virtual",
    }),
    ackDueAt: integer("ack_due_at").notNull(),
    answerDueAt: integer("answer_due_at").notNull(),
    acknowledgedAt: integer("acknowledged_at"),
    firstAnswerAt: integer("first_answer_at"),
    closedAt: integer("closed_at"),
    /** How a closed case was closed, when not simply with its outcome: "duplicate" (ADR 041). */
    closedAs: text("closed_as", { enum: closedAsKinds }),
    erasedAt: integer("erased_at"),
    /**
     * The nearest clock of the case and when it is due (ADR 039), computed by nextDue() in
     * app/domain/case-clocks.ts whenever the case changes, so the queue sorts by one indexed column.
     * 9999-12-31 and no kind for a closed case; a trigger fills it for a case inserted without it.
     */
    nextDueAt: integer("next_due_at").notNull().default(253402300799999),
    nextDueKind: text("next_due_kind", { enum: clockKinds }),
    /** A follow-up date a worker set (the end of that Amsterdam day) and its reason, encrypted. */
    followUpAt: integer("follow_up_at"),
    followUpReasonEnc: text("follow_up_reason_enc"),
    /** The next due date a deadline alert was last sent for, and which (staff-alerts.ts dueAlertFor). */
    dueAlertedAt: integer("due_alerted_at"),
    dueAlertedKind: text("due_alerted_kind"),
  },
  (t) => [
    index("cases_queue").on(t.status, t.urgent, t.ackDueAt),
    index("cases_received").on(t.receivedAt),
    // The cases whose acknowledgement or first answer is still awaited: whether they are "open" or "late"
    // depends on the moment the report is made, so the statistics count them live (ADR 013).
    index("cases_ack_pending")
      .on(t.receivedMonth, t.ackDueAt)
      .where(sql`acknowledged_at IS NULL AND kind != 'contact'`),
    index("cases_answer_pending")
      .on(t.receivedMonth, t.answerDueAt)
      .where(sql`first_answer_at IS NULL AND kind != 'contact'`),
    index("cases_unit").on(t.unitId),
    index("cases_assignee").on(t.assigneeId),
  ],
);

/**
 * Blind indexes for the back office's search (ADR 032): a keyed hash of each normalised contact value
 * (e-mail, phone, name, name word), so a case is found by what a caller says without decrypting every
 * case. Filled at intake and on every change; an erased case has none.
 */
export const caseSearchTerms = sqliteTable(
  "case_search_terms",
  {
    term: text("term").notNull(),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.term, t.caseId] }), index("case_search_terms_case").on(t.caseId)],
);

/**
 * A reporter's session on /volgen (ADR 017): the sha256 of the cookie token, never the token. Ends after
 * 30 minutes idle or 8 hours; expired rows are deleted on sight and by the hourly retention job.
 */
export const followSessions = sqliteTable(
  "follow_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
    /**
     * What a /volgen form held when the person switched language (ADR 023), encrypted: kept as typed
     * until that form is sent, and gone with the session.
     */
    unsavedEnc: text("unsaved_enc"),
  },
  (t) => [
    index("follow_sessions_case").on(t.caseId),
    index("follow_sessions_last_seen").on(t.lastSeenAt),
    index("follow_sessions_created").on(t.createdAt),
  ],
);

/**
 * What a reporter typed on /volgen but could not send because the session had ended (ADR 029): kept
 * encrypted, tied to the case, for a day at most, and put back in the box once after signing in again.
 */
export const unsentFields = ["message", "addition"] as const;
export const unsentTexts = sqliteTable(
  "unsent_texts",
  {
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    field: text("field", { enum: unsentFields }).notNull(),
    textEnc: text("text_enc").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.field] }), index("unsent_texts_expires").on(t.expiresAt)],
);

/**
 * What a staff member typed on a case page and sent after their session had ended by itself (ADR 038):
 * kept encrypted for that person and case, put back in its box once after they sign in again, and gone
 * after a working day.
 */
export const staffUnsentFields = ["note", "message", "outcome", "reason"] as const;
export const staffUnsentTexts = sqliteTable(
  "staff_unsent_texts",
  {
    staffId: integer("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    field: text("field", { enum: staffUnsentFields }).notNull(),
    textEnc: text("text_enc").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.staffId, t.caseId, t.field] }),
    index("staff_unsent_texts_expires").on(t.expiresAt),
  ],
);

/**
 * The e-mail alerts a staff member turned off (issue 16, point 2). No row: the alert is on, so a new
 * colleague hears about urgent cases from day one.
 */
export const staffAlertOptOuts = sqliteTable(
  "staff_alert_opt_outs",
  {
    staffId: integer("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: staffAlertKinds }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.kind] })],
);

/**
 * Tags staff put on cases (ADR 041): one row per distinct tag, its normalised text encrypted, since a tag
 * may hold a name. Few (hundreds), so the server decrypts them all to compare or suggest. A tag no case
 * carries any more is deleted with its last use.
 */
export const tags = sqliteTable("tags", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  nameEnc: text("name_enc").notNull(),
  createdAt: integer("created_at").notNull(),
});

export const caseTags = sqliteTable(
  "case_tags",
  {
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
    addedAt: integer("added_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.tagId] }), index("case_tags_tag").on(t.tagId, t.caseId)],
);

/**
 * Links between two cases (ADR 041, app/domain/case-links.ts): `duplicate` means case_id is a duplicate of
 * linked_case_id; `related` has no direction. One row per pair, checked in the transaction that adds it.
 */
export const caseLinks = sqliteTable(
  "case_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    linkedCaseId: integer("linked_case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: linkKinds }).notNull(),
    staffId: integer("staff_id").references(() => staff.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("case_links_pair").on(t.caseId, t.linkedCaseId),
    index("case_links_linked").on(t.linkedCaseId),
  ],
);

/** Per-recipient consent. `withIdentity` = contact details may be shared too. */
export const consents = sqliteTable(
  "consents",
  {
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    recipient: text("recipient", { enum: consentRecipients }).notNull(),
    given: integer("given", { mode: "boolean" }).notNull(),
    withIdentity: integer("with_identity", { mode: "boolean" }).notNull().default(false),
    changedAt: integer("changed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.recipient] })],
);

/** The timeline. `reporterVisible` events show on /volgen; `dataEnc` holds any free text. */
export const caseEvents = sqliteTable(
  "case_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    at: integer("at").notNull(),
    type: text("type").notNull(),
    reporterVisible: integer("reporter_visible", { mode: "boolean" }).notNull(),
    staffId: integer("staff_id").references(() => staff.id),
    referralId: integer("referral_id"),
    /** Non-identifying parameters (status names, organisation ids). */
    params: text("params", { mode: "json" }).$type<Record<string, string | number | boolean>>(),
    dataEnc: text("data_enc"),
  },
  (t) => [index("case_events_case").on(t.caseId, t.at)],
);

export const messages = sqliteTable(
  "messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    at: integer("at").notNull(),
    author: text("author", { enum: ["staff", "reporter"] }).notNull(),
    staffId: integer("staff_id").references(() => staff.id),
    bodyEnc: text("body_enc").notNull(),
    readAt: integer("read_at"),
  },
  (t) => [index("messages_case").on(t.caseId, t.at)],
);

/**
 * What a reporter added to their story on /volgen, one row (and one ciphertext) per addition, so adding
 * never decrypts and re-encrypts the story. `chars` is the length of the text (its ciphertext shows about
 * as much), kept so the cap on a story's total size costs a SUM, not a decryption of every addition.
 * Older cases may still hold additions inside `cases.story_enc` (CaseStory.additions); they are read too.
 */
export const storyAdditions = sqliteTable(
  "story_additions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    at: integer("at").notNull(),
    chars: integer("chars").notNull(),
    textEnc: text("text_enc").notNull(),
  },
  (t) => [index("story_additions_case").on(t.caseId, t.at)],
);

export const notes = sqliteTable("notes", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  caseId: integer("case_id")
    .notNull()
    .references(() => cases.id, { onDelete: "cascade" }),
  at: integer("at").notNull(),
  staffId: integer("staff_id")
    .notNull()
    .references(() => staff.id),
  bodyEnc: text("body_enc").notNull(),
});

// ---------------------------------------------------------------- referrals and mail

export const referrals = sqliteTable(
  "referrals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** Which consented parts were shared: story, themes, unit_period, contact. */
    parts: text("parts", { mode: "json" }).$type<string[]>().notNull(),
    /** A frozen, encrypted copy of exactly what was shared. */
    contentEnc: text("content_enc"),
    status: text("status", { enum: referralStatuses }).notNull().default("pending"),
    createdBy: integer("created_by").references(() => staff.id),
    createdAt: integer("created_at").notNull(),
    /** The Amsterdam month the referral was made, computed by SQLite: what the statistics count by. */
    createdMonth: text("created_month").generatedAlwaysAs(sql.raw(amsterdamMonth("created_at")), {
      mode: "virtual",
    }),
    sentAt: integer("sent_at"),
    receivedAt: integer("received_at"),
    doneAt: integer("done_at"),
    linkVersion: integer("link_version").notNull().default(1),
    linkExpiresAt: integer("link_expires_at").notNull(),
    consentWithdrawnAt: integer("consent_withdrawn_at"),
  },
  (t) => [index("referrals_case").on(t.caseId), index("referrals_org").on(t.organisationId)],
);

export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** referral | news | ... */
    purpose: text("purpose").notNull(),
    toEnc: text("to_enc").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    status: text("status", { enum: ["queued", "sending", "sent", "failed"] })
      .notNull()
      .default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
    sentAt: integer("sent_at"),
  },
  (t) => [index("outbox_due").on(t.status, t.nextAttemptAt)],
);

// ---------------------------------------------------------------- audit and statistics

/** Append-only: a trigger in the migration refuses UPDATE and DELETE. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    staffId: integer("staff_id"),
    actor: text("actor").notNull(), // staff | reporter | organisation | system
    action: text("action").notNull(),
    caseId: integer("case_id"),
    detail: text("detail"),
  },
  (t) => [index("audit_at").on(t.at), index("audit_case").on(t.caseId)],
);

/**
 * Non-identifying counts that outlive erased cases, so a report for a past period gives the same
 * numbers after retention as before. One row per (month, dimension, value).
 */
export const statCounts = sqliteTable(
  "stat_counts",
  {
    month: text("month").notNull(), // YYYY-MM
    dimension: text("dimension").notNull(),
    value: text("value").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.dimension, t.value] })],
);
