import type { ReactNode } from "react";
import { Form, type FieldErrors } from "./Form";

/**
 * A form for one action of a page with several: the hidden `intent` its route's action switches on, the
 * hidden values that action needs (an id, a yes or no), then what the person fills in or presses, often one
 * button. Form adds the CSRF token, the honeypot and the error summary; `id` keeps the honeypot's id unique.
 */
export function ActionForm({
  intent,
  values = {},
  id,
  errors,
  className,
  children,
}: {
  intent: string;
  values?: Record<string, string | number>;
  id: string;
  errors?: FieldErrors;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form id={id} errors={errors} className={className}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </Form>
  );
}
