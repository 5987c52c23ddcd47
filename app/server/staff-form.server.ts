import type { z } from "zod";
import { parseForm } from "~/server/forms/parse-form.server";
import { staffRefusal } from "~/server/forms/refusals.server";
import { staffTranslators } from "~/server/staff-i18n.server";

type Translate = ReturnType<typeof staffTranslators>["t"];

export type StaffForm<T> =
  | { ok: true; data: T; form: FormData; t: Translate; tErr: Translate }
  | { ok: false; errors: Record<string, string>; form: FormData; t: Translate; tErr: Translate };

/**
 * A back-office action's form through the one pipeline (app/server/forms/parse-form.server.ts): a refused
 * form (CSRF or honeypot) is answered on `csrfField`, the field the error summary links to; the schema's
 * message keys are staff keys. The route decides the answer: it keeps what was typed in its own shape and
 * picks the status (400 for these).
 *
 * `input` picks what the schema reads (all fields by default); `messageValues` fills the messages'
 * placeholders, such as a maximum length.
 */
export async function parseStaffForm<S extends z.ZodTypeAny>(
  request: Request,
  schema: S,
  opts: {
    csrfField: string;
    input?: (form: FormData) => unknown;
    messageValues?: Record<string, unknown>;
  },
): Promise<StaffForm<z.infer<S>>> {
  const { t, tErr } = staffTranslators(request);
  const f = await parseForm(request, schema, {
    t,
    refusal: staffRefusal(opts.csrfField),
    input: opts.input,
    messageValues: opts.messageValues,
  });
  return f.ok ? { ...f, t, tErr } : { ok: false, errors: f.errors, form: f.form, t, tErr };
}
