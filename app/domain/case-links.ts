/**
 * Links between cases (issue 16, point 5): the same story sent twice, or two cases a worker wants to read
 * together. A link is one row between two cases; a "duplicate" link says which of the two is the
 * duplicate, so that one can be closed as such while the other is handled. Staff only (ADR 041). Pure.
 */

/** What the worker says about this case and the other one. */
export const linkChoices = ["duplicate_of", "original_of", "related"] as const;
export type LinkChoice = (typeof linkChoices)[number];

import { linkKinds, type LinkKind } from "./vocabulary";

export { linkKinds, type LinkKind };

/** A stored link seen from one case: what this case is to the other one. */
export type LinkRole = "duplicate_of" | "original_of" | "related";

export type StoredLink = { caseId: number; linkedCaseId: number; kind: LinkKind };

/** The row to store for a worker's choice on case `self` about case `other`. */
export function linkRow(self: number, other: number, choice: LinkChoice): StoredLink {
  if (choice === "original_of") return { caseId: other, linkedCaseId: self, kind: "duplicate" };
  return { caseId: self, linkedCaseId: other, kind: choice === "duplicate_of" ? "duplicate" : "related" };
}

/** What `self` is to the other case of a stored link. */
export function roleOf(self: number, link: StoredLink): LinkRole {
  if (link.kind === "related") return "related";
  return link.caseId === self ? "duplicate_of" : "original_of";
}

export type LinkRefusal =
  "self" | "already" | "duplicateAlready" | "duplicateHasDuplicates" | "originalIsDuplicate";

/**
 * Whether a link may be made. `links` are all the stored links that touch either case. One link per pair
 * of cases; a case is a duplicate of at most one other case; and no chains: a duplicate is not the
 * original of another, so one link always leads to the case that is handled.
 */
export function linkRefusal(links: readonly StoredLink[], row: StoredLink): LinkRefusal | null {
  if (row.caseId === row.linkedCaseId) return "self";
  const pair = (l: StoredLink) =>
    (l.caseId === row.caseId && l.linkedCaseId === row.linkedCaseId) ||
    (l.caseId === row.linkedCaseId && l.linkedCaseId === row.caseId);
  if (links.some(pair)) return "already";
  if (row.kind !== "duplicate") return null;
  const isDuplicate = (id: number) => links.some((l) => l.kind === "duplicate" && l.caseId === id);
  const isOriginal = (id: number) => links.some((l) => l.kind === "duplicate" && l.linkedCaseId === id);
  if (isDuplicate(row.caseId)) return "duplicateAlready";
  if (isOriginal(row.caseId)) return "duplicateHasDuplicates";
  if (isDuplicate(row.linkedCaseId)) return "originalIsDuplicate";
  return null;
}
