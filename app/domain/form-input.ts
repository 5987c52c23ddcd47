/**
 * zod building blocks for public forms, GOV.UK style: the server is the validator, every message is an
 * i18n key (with values), and what a person typed is kept as typed. Free text refuses control characters
 * (and bidirectional overrides, which can make text read differently from how it is stored). Pure.
 */
import { z } from "zod";

/** An i18n key ("ns:key") and its values; routes translate it in the person's language. */
export type Problem = { key: string; values?: Record<string, string | number> };
export type Problems = Record<string, Problem>;

// The one control-character policy of every form, public and staff: C0 controls except tab, newline and
// carriage return; DEL; C1 controls; bidi embeddings and isolates (they can make a text show other than
// it reads: a name, a note or a message that looks harmless to the next reader).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

export const hasControlChars = (s: string) => CONTROL.test(s);

/** Windows line ends become "\n", composed characters are joined (NFC), and outer spaces go. */
export function normaliseText(s: string): string {
  return s.replace(/\r\n?/g, "\n").normalize("NFC").trim();
}

const asString = (v: unknown) => (typeof v === "string" ? normaliseText(v) : "");

const issue = (ctx: z.RefinementCtx, key: string, values?: Problem["values"]) =>
  ctx.addIssue({ code: z.ZodIssueCode.custom, message: key, params: values ? { values } : undefined });

export function freeText(opts: { max: number; optional?: boolean; requiredKey?: string }) {
  return z.preprocess(
    asString,
    z.string().superRefine((v, ctx) => {
      if (v === "") {
        if (!opts.optional) issue(ctx, opts.requiredKey ?? "errors:required");
        return;
      }
      if (hasControlChars(v)) issue(ctx, "errors:controlChars");
      else if (v.length > opts.max) issue(ctx, "errors:tooLong", { max: opts.max });
    }),
  );
}

/** One of fixed option keys; an empty answer gets `requiredKey`, an unknown one "choose from the list". */
export function choice<const T extends readonly string[]>(options: T, requiredKey = "errors:choose") {
  return z.preprocess(
    asString,
    z.string().transform((v, ctx): T[number] => {
      if (!(options as readonly string[]).includes(v)) {
        issue(ctx, v === "" ? requiredKey : "errors:invalidChoice");
        return z.NEVER;
      }
      return v;
    }),
  );
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
export const isEmail = (v: string) => v.length <= 254 && EMAIL.test(v);

/** Digits with spaces, dashes, dots, brackets and an optional leading +: 8 to 15 digits. */
export function isPhone(v: string): boolean {
  if (!/^\+?[0-9 ()\-.]+$/.test(v)) return false;
  const digits = v.replace(/\D/g, "").length;
  return digits >= 8 && digits <= 15;
}

export function emailAddress(opts: { optional?: boolean; requiredKey?: string } = {}) {
  return z.preprocess(
    asString,
    z.string().superRefine((v, ctx) => {
      if (v === "") {
        if (!opts.optional) issue(ctx, opts.requiredKey ?? "errors:required");
        return;
      }
      if (hasControlChars(v) || !isEmail(v)) issue(ctx, "errors:email");
    }),
  );
}

export function phoneNumber(opts: { optional?: boolean } = {}) {
  return z.preprocess(
    asString,
    z.string().superRefine((v, ctx) => {
      if (v === "") {
        if (!opts.optional) issue(ctx, "errors:required");
        return;
      }
      if (!isPhone(v)) issue(ctx, "errors:phone");
    }),
  );
}

/** The first problem of each field, in the order the fields were checked. */
export function problemsOf(error: z.ZodError): Problems {
  const out: Problems = {};
  for (const i of error.issues) {
    const field = String(i.path[0] ?? "form");
    if (out[field]) continue;
    const values = i.code === z.ZodIssueCode.custom ? (i.params?.values as Problem["values"]) : undefined;
    out[field] = { key: i.message, values };
  }
  return out;
}

/** The fields of a form as strings (a repeated field keeps its last value), for echoing back. */
export function formValues(form: FormData, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) {
    const v = form.get(n);
    out[n] = typeof v === "string" ? v : "";
  }
  return out;
}
