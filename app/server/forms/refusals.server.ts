/**
 * Where each kind of page shows a refused form (app/server/forms/parse-form.server.ts), and in which words.
 * These differ on purpose and are kept as they were before the pipeline: every one keeps what was typed.
 */
import type { Problems } from "~/domain/form-input";
import type { Refusal } from "./parse-form.server";

/** Back office: any refusal reads as an expired form, on the field the error summary links to. */
export const staffRefusal =
  (field: string) =>
  (_why: Refusal): Problems => ({ [field]: { key: "errors:csrf" } });

/** /volgen and /contact pages: on the whole form. */
export const publicRefusal = (why: Refusal): Problems => ({
  form: { key: why === "csrf" ? "errors:csrf" : "follow:errors.honeypot" },
});

/** Intake question and check pages: on the page's first field (or its send button). */
export const intakeRefusal =
  (field: string) =>
  (why: Refusal): Problems => ({ [field]: { key: why === "csrf" ? "errors:csrf" : "errors:formProblem" } });

/** An organisation's report on a referral (/verwijzing/…): the form expired, in that page's words. */
export const organisationRefusal = (_why: Refusal): Problems => ({
  status: { key: "referral:form.errors.csrf" },
});
