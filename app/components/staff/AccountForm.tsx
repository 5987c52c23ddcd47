/**
 * Creating an account from a setup or invitation link: who you are, a password, and linking the
 * authenticator app (QR code, or the secret typed by hand) proven by one code from it.
 */
import { useTranslation } from "react-i18next";
import { Button, Form, TextField, type FieldErrors } from "~/components/ui";
import { NewPasswordFields } from "./NewPasswordFields";
import { TotpEnrolment } from "./TotpEnrolment";

export function AccountForm({
  errors,
  values,
  enrolment,
}: {
  errors?: FieldErrors;
  values?: { name?: string; email?: string };
  enrolment: { qrSvg: string; secretGrouped: string };
}) {
  const { t } = useTranslation("staff");
  return (
    <Form errors={errors} id="account">
      <h2>{t("account.aboutYou")}</h2>
      <TextField
        name="name"
        label={t("account.name")}
        autoComplete="name"
        defaultValue={values?.name}
        error={errors?.name}
      />
      <TextField
        name="email"
        // "username" is what password managers look for, and the HTML spec allows it on a text input
        // only (not type=email): text with the e-mail keyboard on phones.
        inputMode="email"
        label={t("account.email")}
        hint={t("account.emailHint")}
        autoComplete="username"
        spellCheck={false}
        defaultValue={values?.email}
        error={errors?.email}
      />
      <NewPasswordFields errors={errors} />
      <TotpEnrolment enrolment={enrolment} error={errors?.code} />
      <Button>{t("account.submit")}</Button>
    </Form>
  );
}
