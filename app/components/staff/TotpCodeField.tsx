import { TextField } from "~/components/ui";

/**
 * The second-factor code field, the same on every staff page that asks for it (sign-in, the one-step
 * sign-in while locked, enrolment): the browser may offer a code from an authenticator app; no spelling
 * checks on a code. Enrolment takes only the six digits of the app (a numeric keyboard); sign-in also takes
 * a recovery code of letters.
 */
export function TotpCodeField({
  label,
  hint,
  error,
  digitsOnly = false,
}: {
  label: string;
  hint: string;
  error?: string;
  digitsOnly?: boolean;
}) {
  return (
    <TextField
      name="code"
      label={label}
      hint={hint}
      autoComplete="one-time-code"
      inputMode={digitsOnly ? "numeric" : undefined}
      width="medium"
      spellCheck={false}
      error={error}
    />
  );
}
