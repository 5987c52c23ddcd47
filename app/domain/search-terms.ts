/**
 * What the back office can search a case by without decrypting it (ADR 032): normalised contact values,
 * each stored only as a keyed hash. Staff type what a caller says on the phone; the same value must give
 * the same term however it is written, so both sides go through the same normalisation here.
 */
import { normaliseCaseCode } from "./codes";
import type { CaseContact } from "./case-content";

export const searchFields = ["email", "phone", "name", "name_token"] as const;
export type SearchField = (typeof searchFields)[number];
export type SearchTerm = { field: SearchField; value: string };

/** E-mail addresses: trimmed and lower-cased (nobody relies on a case-sensitive local part). */
export function normaliseEmail(input: string): string | null {
  const v = input.normalize("NFKC").trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(v) ? v : null;
}

/**
 * Phone numbers as their digits, with the Dutch prefixes folded: +31 6…, 0031 6… and 06… are one number.
 * Fewer than 6 digits is not a phone number anyone would search for.
 */
export function normalisePhone(input: string): string | null {
  const trimmed = input.normalize("NFKC").trim();
  let digits = trimmed.replace(/\D/g, "");
  if (trimmed.startsWith("+")) digits = `00${digits}`;
  if (digits.startsWith("0031")) digits = digits.slice(4);
  else if (digits.startsWith("00")) return digits.length >= 8 ? digits : null;
  else if (digits.startsWith("0")) digits = digits.slice(1);
  return digits.length >= 6 ? digits : null;
}

/** Names: lower-cased, accents folded (José = jose), punctuation but hyphens and apostrophes dropped. */
export function normaliseName(input: string): string | null {
  const v = input
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\- ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return v.length > 0 ? v : null;
}

/** The terms stored for a case: its contact details and the address it gets news mails at. */
export function caseSearchTerms(contact: CaseContact | null, notifyEmail: string | null): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const add = (field: SearchField, value: string | null) => {
    if (value && !terms.some((t) => t.field === field && t.value === value)) terms.push({ field, value });
  };
  add("email", contact?.email ? normaliseEmail(contact.email) : null);
  add("email", notifyEmail ? normaliseEmail(notifyEmail) : null);
  add("phone", contact?.phone ? normalisePhone(contact.phone) : null);
  const name = contact?.name ? normaliseName(contact.name) : null;
  add("name", name);
  // Every word of the name on its own too, so "Jansen" finds "Sam de Jansen" (and "Sam" finds "Sam").
  if (name) for (const token of name.split(" ")) add("name_token", token);
  return terms;
}

/**
 * What a search box entry looks for: a case code when it reads as one, else exactly one term, so the
 * lookup is a single index range. An address, a phone number, a whole name, or a single word of a name.
 */
export type SearchQuery = { code: string | null; term: SearchTerm | null };

export function parseSearchQuery(input: string): SearchQuery {
  const raw = input.trim();
  if (!raw) return { code: null, term: null };
  const code = normaliseCaseCode(raw);
  if (raw.includes("@")) {
    const email = normaliseEmail(raw);
    return { code: null, term: email ? { field: "email", value: email } : null };
  }
  if (/^[\d\s+()\-./]+$/.test(raw)) {
    const phone = normalisePhone(raw);
    return { code, term: phone ? { field: "phone", value: phone } : null };
  }
  const name = normaliseName(raw);
  if (!name) return { code, term: null };
  // One word finds every name that has it as a word; more words find that whole name.
  return { code, term: { field: name.includes(" ") ? "name" : "name_token", value: name } };
}
