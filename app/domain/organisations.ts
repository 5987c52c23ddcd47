/**
 * The organisation registry as coordinators edit it: search parameters from the URL and the edit forms'
 * rules. Pure: zod schemas that give message keys of the staff locale (`organisations.errors.*`).
 */
import { z } from "zod";
import { hasControlChars } from "./form-input";
import { organisationKinds, type OrganisationKind } from "./vocabulary";

export { organisationKinds };

export const ORGANISATIONS_PAGE_SIZE = 25;
export const ORG_NAME_MAX = 200;
export const ORG_NOTES_MAX = 2000;
const QUERY_MAX = 100;
const MAX_PAGE = 1000;

export type OrganisationFilters = {
  q: string;
  kind?: OrganisationKind;
  /** Also show organisations a coordinator switched off. */
  inactive: boolean;
  /** Only organisations without a referral address: the coordinator's setup task. */
  noAddress: boolean;
  page: number;
};

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

const filterSchema = z.object({
  q: z
    .string()
    .nullish()
    .transform((v) => (v ?? "").trim().slice(0, QUERY_MAX)),
  kind: z.preprocess(emptyToUndefined, z.enum(organisationKinds).optional()).catch(undefined),
  inactive: z.preprocess(emptyToUndefined, z.enum(["1"]).optional()).catch(undefined),
  noAddress: z.preprocess(emptyToUndefined, z.enum(["1"]).optional()).catch(undefined),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(MAX_PAGE).default(1)).catch(1),
});

/** Filters from the URL; anything unknown falls back to the default (an old bookmark still opens). */
export function parseOrganisationFilters(params: URLSearchParams): OrganisationFilters {
  const f = filterSchema.parse({
    q: params.get("q"),
    kind: params.get("soort"),
    inactive: params.get("inactief"),
    noAddress: params.get("zonderadres"),
    page: params.get("pagina"),
  });
  return {
    q: f.q,
    kind: f.kind,
    inactive: f.inactive === "1",
    noAddress: f.noAddress === "1",
    page: f.page,
  };
}

/** The query string for a list view, defaults left out. */
export function organisationSearch(f: OrganisationFilters, change: Partial<OrganisationFilters> = {}) {
  const next = { ...f, page: 1, ...change };
  const p = new URLSearchParams();
  if (next.q) p.set("q", next.q);
  if (next.kind) p.set("soort", next.kind);
  if (next.inactive) p.set("inactief", "1");
  if (next.noAddress) p.set("zonderadres", "1");
  if (next.page > 1) p.set("pagina", String(next.page));
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** A CBS municipality code as people type it: "363", "0363", "gm0363" → "GM0363". */
export function asCbsCode(q: string): string | null {
  const m = /^(?:gm)?\s*(\d{1,4})$/i.exec(q.trim());
  return m ? `GM${m[1]!.padStart(4, "0")}` : null;
}

// Control characters other than tab and newlines cannot be shown or stored safely.

const optionalText = (max: number) =>
  z
    .string()
    .nullish()
    .transform((v) => (v ?? "").replace(/\r\n/g, "\n").trim())
    .pipe(
      z
        .string()
        .max(max, "organisations.errors.notesTooLong")
        .refine((v) => !hasControlChars(v), "organisations.errors.controlChars"),
    );

/** Empty means "no referral address" (nothing can be referred then); otherwise a real address. */
const emailField = z
  .string()
  .nullish()
  .transform((v) => (v ?? "").trim())
  .superRefine((v, ctx) => {
    if (v !== "" && (v.length > 254 || !z.string().email().safeParse(v).success))
      ctx.addIssue({ code: "custom", message: "organisations.errors.emailInvalid" });
  });

export const organisationEditSchema = z.object({
  referralEmail: emailField,
  notes: optionalText(ORG_NOTES_MAX),
  active: z
    .string()
    .nullish()
    .transform((v) => v === "yes"),
  regionCode: z
    .string()
    .nullish()
    .transform((v) => (v ? v.trim() : null))
    .pipe(
      z
        .string()
        .regex(/^JZ\d{2}$/, "organisations.errors.regionInvalid")
        .nullable(),
    ),
});
export type OrganisationEdit = z.infer<typeof organisationEditSchema>;

export const organisationNewSchema = z.object({
  name: z
    .string({ required_error: "organisations.errors.nameRequired" })
    .nullish()
    .transform((v) => (v ?? "").replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(1, "organisations.errors.nameRequired")
        .max(ORG_NAME_MAX, "organisations.errors.nameTooLong")
        .refine((v) => !hasControlChars(v), "organisations.errors.controlChars"),
    ),
  referralEmail: emailField,
  notes: optionalText(ORG_NOTES_MAX),
});
export type OrganisationNew = z.infer<typeof organisationNewSchema>;

export const regionCoordinationSchema = z.object({
  organisationId: z
    .string({ required_error: "organisations.errors.coordinatorRequired" })
    .regex(/^(none|[1-9]\d{0,14})$/, "organisations.errors.coordinatorRequired")
    .transform((v) => (v === "none" ? null : Number(v))),
});
