import type { z } from "zod";
import { fieldErrors } from "~/domain/staff-forms";
import { checkForm } from "~/server/csrf.server";
import { staffTranslators, translateErrors } from "~/server/staff-i18n.server";

type Translate = ReturnType<typeof staffTranslators>["t"];

export type StaffForm<T> =
  | { ok: true; data: T; form: FormData; t: Translate; tErr: Translate }
  | { ok: false; errors: Record<string, string>; form: FormData; t: Translate; tErr: Translate };

/**
 * The one way a back-office action reads its form (issue 18): the CSRF token and honeypot first (refused
 * on `csrfField`, the field the error summary links to), then the zod schema, whose message keys come back
 * translated into the reader's language, the first per field. The route decides the answer: it keeps what
 * was typed in its own shape and picks the status (400 for these).
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
  const form = await request.formData();
  const { t, tErr } = staffTranslators(request);
  if (checkForm(request, form) !== "ok") {
    return { ok: false, errors: { [opts.csrfField]: tErr("csrf") }, form, t, tErr };
  }
  const parsed = schema.safeParse(opts.input ? opts.input(form) : Object.fromEntries(form));
  if (!parsed.success) {
    const errors = translateErrors(fieldErrors(parsed.error), t, opts.messageValues);
    return { ok: false, errors, form, t, tErr };
  }
  return { ok: true, data: parsed.data as z.infer<S>, form, t, tErr };
}
