import { useTranslation } from "react-i18next";
import { TextField, type FieldErrors } from "~/components/ui";
import { PASSWORD_MIN } from "~/domain/staff-forms";

/**
 * A new password typed twice, the same on every page that sets one (new account, change, reset link):
 * the same hint and the same rules (app/domain/staff-forms.ts). Never filled in again after an error.
 */
export function NewPasswordFields({
  errors,
  label,
  againLabel,
}: {
  errors?: FieldErrors;
  label?: string;
  againLabel?: string;
}) {
  const { t } = useTranslation("staff");
  return (
    <>
      <TextField
        name="password"
        type="password"
        label={label ?? t("account.password")}
        hint={t("account.passwordHint", { min: PASSWORD_MIN })}
        autoComplete="new-password"
        error={errors?.password}
      />
      <TextField
        name="passwordAgain"
        type="password"
        label={againLabel ?? t("account.passwordAgain")}
        autoComplete="new-password"
        error={errors?.passwordAgain}
      />
    </>
  );
}
