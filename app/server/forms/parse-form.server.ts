/**
 * The one form pipeline of every action, public and staff (issue 18): the form is read once, refused when
 * it is not one of this site's (CSRF first, then the honeypot), parsed by its zod schema, and every
 * problem comes back as a message in the reader's language, the first per field. The wrappers
 * (`parseStaffForm`, `formProblem`/`messagesOf` of the /volgen and /contact pages, the intake) only say
 * where a refusal is shown and which translator reads the keys.
 *
 * Written once elsewhere, and not repeated here: the body size (server.js refuses a body over
 * MAX_BODY_BYTES with 413 before Remix sees it, app/http/request-guards.server.ts) and the
 * control-character policy (`hasControlChars` in app/domain/form-input.ts, used by every schema).
 *
 * Nothing here answers the request: the route keeps what was typed in its own shape and picks the status
 * (400 for these), because a language switch or a rate limit sits between the steps on some pages.
 */
import type { z } from "zod";
import { problemsOf, type Problems } from "~/domain/form-input";
import { checkForm, type FormCheck } from "~/server/csrf.server";

/** Why a form was refused before its fields were read. */
export type Refusal = Exclude<FormCheck, "ok">;

/** A translator bound to the reader's language (i18next's `getFixedT`). */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

export type Messages = Record<string, string>;

/** The CSRF token first, then the honeypot; null for a form of this site. */
export function refusalOf(request: Request, form: FormData): Refusal | null {
  const check = checkForm(request, form);
  return check === "ok" ? null : check;
}

/** The form, read once, and whether it is refused. */
export async function readForm(request: Request): Promise<{ form: FormData; refused: Refusal | null }> {
  const form = await request.formData();
  return { form, refused: refusalOf(request, form) };
}

/** The schema's answer: the value, or the first problem (message key and values) of each field. */
export function parseInput<S extends z.ZodTypeAny>(
  schema: S,
  input: unknown,
): { ok: true; data: z.infer<S> } | { ok: false; problems: Problems } {
  const parsed = schema.safeParse(input);
  return parsed.success
    ? { ok: true, data: parsed.data as z.infer<S> }
    : { ok: false, problems: problemsOf(parsed.error) };
}

/**
 * Problems as messages. `shared` fills placeholders every message of the form may have (a maximum
 * length); a problem's own values (the maximum of its field) go before them.
 */
export function translateProblems(
  t: Translate,
  problems: Problems,
  shared: Record<string, unknown> = {},
): Messages {
  return Object.fromEntries(
    Object.entries(problems).map(([field, p]) => [field, t(p.key, { ...shared, ...p.values })]),
  );
}

export type FormOptions = {
  /** Reads the message keys: the page's language, in the namespace its schema's keys are written for. */
  t: Translate;
  /** Where a refused form's message goes (the field the error summary links to) and which it is. */
  refusal: (why: Refusal) => Problems;
  /** What the schema reads from the form: all fields by default. */
  input?: (form: FormData) => unknown;
  /** Placeholders every message may use, such as a maximum length. */
  messageValues?: Record<string, unknown>;
};

export type ParsedForm<T> =
  | { ok: true; data: T; form: FormData }
  | { ok: false; errors: Messages; refused: Refusal | null; form: FormData };

/** Refusal, schema and messages for a form already read (a page that looks at a field first). */
export function parseFormData<S extends z.ZodTypeAny>(
  request: Request,
  form: FormData,
  schema: S,
  opts: FormOptions,
): ParsedForm<z.infer<S>> {
  const refused = refusalOf(request, form);
  if (refused) return { ok: false, errors: translateProblems(opts.t, opts.refusal(refused)), refused, form };
  const parsed = parseInput(schema, opts.input ? opts.input(form) : Object.fromEntries(form));
  if (!parsed.ok) {
    return {
      ok: false,
      errors: translateProblems(opts.t, parsed.problems, opts.messageValues),
      refused: null,
      form,
    };
  }
  return { ok: true, data: parsed.data, form };
}

/** The whole pipeline: read the form, refuse it or parse it, translate what is wrong. */
export async function parseForm<S extends z.ZodTypeAny>(
  request: Request,
  schema: S,
  opts: FormOptions,
): Promise<ParsedForm<z.infer<S>>> {
  return parseFormData(request, await request.formData(), schema, opts);
}
