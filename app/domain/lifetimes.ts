/**
 * How long what a visitor leaves with us lasts (docs/decisions/029). One place, so the code, the pages that
 * say "valid until" and the privacy statement cannot drift apart. Pure: the client reads it too.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Signed in on /volgen: ends after this long without a request… */
export const FOLLOW_IDLE_MS = 30 * MINUTE;
/** …and this long after signing in, whatever happens. */
export const FOLLOW_MAX_MS = 8 * HOUR;

/** The receipt (code and passphrase) can be shown this long after the last "I'm still here"… */
export const RECEIPT_TTL_MS = 30 * MINUTE;
/** …and never longer than this after sending. */
export const RECEIPT_MAX_MS = 8 * HOUR;

/** An unfinished story, complaint or contact request. Over 20 hours: no warning is needed (WCAG 2.2.1). */
export const DRAFT_TTL_MS = 24 * HOUR;

/** A message or addition that could not be sent because the session had ended, kept for signing in again. */
export const UNSENT_TTL_MS = 24 * HOUR;

/** The warning comes this long before a session or receipt ends. */
export const WARN_BEFORE_MS = 5 * MINUTE;
/** While someone types, the session is kept alive at most this often. */
export const KEEP_ALIVE_EVERY_MS = 2 * MINUTE;

export const minutes = (ms: number) => Math.round(ms / MINUTE);
export const hours = (ms: number) => Math.round(ms / HOUR);
