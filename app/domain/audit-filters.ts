/**
 * The audit log's filters from the URL (GET, bookmarkable). Dates are Amsterdam calendar days; "to" is
 * inclusive. Unknown values are dropped rather than refused.
 */
import { z } from "zod";
import { auditActions, type AuditAction } from "./audit";
import { addDays, endOfAmsterdamDay, type PlainDate } from "./working-days";

export type AuditFilterInput = {
  staffId?: number;
  action?: AuditAction;
  caseCode?: string;
  from?: PlainDate;
  to?: PlainDate;
  page: number;
};

const empty = (v: unknown) => (v === "" || v === null ? undefined : v);
const date = z
  .preprocess(
    empty,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)))
      .optional(),
  )
  .catch(undefined);

const schema = z.object({
  staff: z
    .preprocess(empty, z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional())
    .catch(undefined),
  action: z.preprocess(empty, z.enum(auditActions).optional()).catch(undefined),
  case: z
    .preprocess(
      (v) => (typeof v === "string" ? v.trim().toUpperCase() || undefined : undefined),
      z.string().max(40).optional(),
    )
    .catch(undefined),
  from: date,
  to: date,
  page: z.preprocess(empty, z.coerce.number().int().min(1).max(100_000).default(1)).catch(1),
});

export function parseAuditFilters(params: URLSearchParams): AuditFilterInput {
  const raw = Object.fromEntries(
    ["staff", "action", "case", "from", "to", "page"].map((k) => [k, params.get(k)]),
  );
  const f = schema.parse(raw);
  return { staffId: f.staff, action: f.action, caseCode: f.case, from: f.from, to: f.to, page: f.page };
}

/** The instants a day range covers: from the start of `from` to the end of `to`, in Amsterdam. */
export function dayRange(from?: PlainDate, to?: PlainDate): { from?: number; to?: number } {
  return {
    from: from ? endOfAmsterdamDay(addDays(from, -1)) + 1 : undefined,
    to: to ? endOfAmsterdamDay(to) + 1 : undefined,
  };
}

export function auditSearch(f: AuditFilterInput, page: number): string {
  const p = new URLSearchParams();
  if (f.staffId) p.set("staff", String(f.staffId));
  if (f.action) p.set("action", f.action);
  if (f.caseCode) p.set("case", f.caseCode);
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  if (page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `?${s}` : "";
}
