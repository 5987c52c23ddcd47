/**
 * Every form: POST, `noValidate` (the server validates and our error summary speaks, not the browser's
 * bubbles), the CSRF token, a honeypot, and the GOV.UK error summary that takes focus.
 */
import { Form as RemixForm, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { fieldId } from "./field-parts";

export type FieldErrors = Record<string, string>;

export { CSRF_FIELD, HONEYPOT_FIELD } from "~/domain/form-fields";
import { CSRF_FIELD, HONEYPOT_FIELD } from "~/domain/form-fields";

export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  useEffect(() => {
    if (entries.length > 0) ref.current?.focus();
    // Focus again whenever a new set of errors arrives.
  }, [errors, entries.length]);
  if (entries.length === 0) return null;
  return (
    <div
      ref={ref}
      className="error-summary"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      role="alert"
      // Without JavaScript the browser honours autofocus on the first load of the error page.
      {...{ autoFocus: true }}
    >
      <h2 id="error-summary-title" className="error-summary__title">
        {t("errorSummary.title")}
      </h2>
      <ul className="error-summary__list">
        {entries.map(([field, message]) => (
          <li key={field}>
            <a
              href={`#${fieldId(field)}`}
              onClick={(e) => {
                const target = document.getElementById(fieldId(field));
                const focusable =
                  target?.matches("input, textarea, select") === true
                    ? target
                    : target?.querySelector<HTMLElement>("input, textarea, select");
                if (focusable) {
                  e.preventDefault();
                  focusable.focus();
                  focusable.scrollIntoView({ block: "center" });
                }
              }}
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Form({
  errors,
  children,
  action,
  className,
  id,
}: {
  errors?: FieldErrors;
  children: ReactNode;
  action?: string;
  className?: string;
  id?: string;
}) {
  const root = useRouteLoaderData<{ csrfToken: string }>("root");
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <>
      {errors ? <ErrorSummary errors={errors} /> : null}
      <RemixForm
        method="post"
        action={action}
        noValidate
        className={className}
        id={id}
        aria-busy={navigation.state === "submitting" || undefined}
      >
        <input type="hidden" name={CSRF_FIELD} value={root?.csrfToken ?? ""} />
        {/* `hidden`: no person sees or hears it, in text browsers neither; a form-filling bot still does. */}
        <div className="honeypot" hidden>
          <label htmlFor={`${id ?? "form"}-${HONEYPOT_FIELD}`}>{t("honeypot")}</label>
          <input
            type="text"
            id={`${id ?? "form"}-${HONEYPOT_FIELD}`}
            name={HONEYPOT_FIELD}
            tabIndex={-1}
            autoComplete="off"
            defaultValue=""
          />
        </div>
        {children}
      </RemixForm>
    </>
  );
}
