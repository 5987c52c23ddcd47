/**
 * Collective patterns: several anonymous stories about the same unit and the same time must be seen
 * together, not handled as isolated complaints. Two cases are related when they name the same unit and
 * their periods overlap. A case that gives only a start or only an end counts as that moment; a case
 * without any period is never matched (we cannot say it overlaps). queue.server.ts runs the same rule
 * in SQL; a test checks both agree.
 */
import type { CaseKind } from "./vocabulary";

export type PeriodCase = {
  id: number;
  unitId: number | null;
  periodFrom: number | null;
  periodTo: number | null;
};

/** The closed range of years a period covers (one known end counts as both): what patterns compare. */
export type YearRange = { from: number; to: number };

export function yearRangeOf(c: Pick<PeriodCase, "periodFrom" | "periodTo">): YearRange | null {
  const from = c.periodFrom ?? c.periodTo;
  const to = c.periodTo ?? c.periodFrom;
  if (from == null || to == null) return null;
  return from <= to ? { from, to } : { from: to, to: from };
}

export function rangesOverlap(a: YearRange, b: YearRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}

export function isRelated(subject: PeriodCase, other: PeriodCase): boolean {
  if (other.id === subject.id || subject.unitId == null || other.unitId !== subject.unitId) return false;
  const a = yearRangeOf(subject);
  const b = yearRangeOf(other);
  return a !== null && b !== null && rangesOverlap(a, b);
}

export type PatternSummary = { total: number; open: number; byKind: Record<CaseKind, number> };

/**
 * The counts staff see on a case page: how many related cases, of which kinds, how many still open.
 * relatedCases() in case-admin/view.server.ts computes the same in one SQL pass; a test holds it to this.
 */
export function summarisePattern(related: { kind: CaseKind; status: string }[]): PatternSummary {
  const byKind: Record<CaseKind, number> = { testimony: 0, complaint: 0, contact: 0 };
  let open = 0;
  for (const r of related) {
    byKind[r.kind]++;
    if (r.status !== "closed") open++;
  }
  return { total: related.length, open, byKind };
}
