/** The fields a new and an existing organisation share: the referral e-mail address and the notes. */
import { useTranslation } from "react-i18next";
import { TextArea, TextField, type FieldErrors } from "~/components/ui";
import { ORG_NOTES_MAX } from "~/domain/organisations";

export function OrganisationFields({
  referralEmail,
  notes,
  errors,
}: {
  referralEmail: string;
  notes: string;
  errors?: FieldErrors;
}) {
  const { t } = useTranslation("staff");
  return (
    <>
      <TextField
        name="referralEmail"
        type="email"
        label={t("organisations.edit.email")}
        hint={t("organisations.edit.emailHint")}
        optional
        autoComplete="off"
        spellCheck={false}
        defaultValue={referralEmail}
        error={errors?.referralEmail}
      />
      <TextArea
        name="notes"
        label={t("organisations.edit.notes")}
        hint={t("organisations.edit.notesHint")}
        optional
        maxLength={ORG_NOTES_MAX}
        rows={4}
        defaultValue={notes}
        error={errors?.notes}
      />
    </>
  );
}
