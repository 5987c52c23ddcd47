/**
 * Tags: short free words staff put on a case to find it again ("media", "herhaald", "tolk nodig"). Staff
 * only: never on /volgen nor on a referral. Typed freely, so one idea must give one tag however it is
 * written: trimmed, spaces collapsed, lower-cased (NFKC, so a full-width or ligature letter reads as the
 * plain one). They may hold a name, so they are stored encrypted (ADR 041). Pure.
 */

/** Characters of one tag: a word or two, not a sentence (a sentence belongs in a note). */
export const TAG_MAX_LENGTH = 30;
/** Tags on one case: enough to sort by, few enough to read at a glance in the queue. */
export const TAGS_PER_CASE_MAX = 8;

// Control characters (tab and newlines too: a tag is one line) and the invisible format characters
// (zero-width space, bidi overrides) that make two tags look alike while they differ.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/;

export type TagProblem = "required" | "tooLong" | "controlChars";
export type TagResult = { ok: true; tag: string } | { ok: false; problem: TagProblem };

/** A typed tag in its one stored form, or why it cannot be one. */
export function normaliseTag(input: string): TagResult {
  if (FORBIDDEN.test(input)) return { ok: false, problem: "controlChars" };
  const tag = input.normalize("NFKC").replace(/\s+/g, " ").trim().toLocaleLowerCase("nl");
  if (!tag) return { ok: false, problem: "required" };
  if ([...tag].length > TAG_MAX_LENGTH) return { ok: false, problem: "tooLong" };
  return { ok: true, tag };
}

export type AddTagRefusal = "already" | "tooMany";

/** Whether `tag` (normalised) may go on a case that has `current` (normalised) already. */
export function addTagRefusal(current: readonly string[], tag: string): AddTagRefusal | null {
  if (current.includes(tag)) return "already";
  if (current.length >= TAGS_PER_CASE_MAX) return "tooMany";
  return null;
}
