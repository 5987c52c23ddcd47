import { useTranslation } from "react-i18next";
import { Link } from "~/components/ui";
import type { EntryChannel } from "~/domain/new-case";

/**
 * Above every intake page while a staff member fills it in for someone on the phone or at a visit
 * (ADR 040): a reminder that the answers are the other person's, in their words. On the receipt only what
 * to do now: read the code and passphrase out, then go to the case (the filling in is over).
 */
export function OnBehalfNotice({
  channel,
  caseId,
}: {
  channel: EntryChannel | null;
  caseId?: number | null;
}) {
  const { t } = useTranslation("intake");
  if (!channel) return null;
  if (caseId)
    return (
      <div className="notice">
        <p>
          <strong>{t("onBehalf.receipt")}</strong>
        </p>
        <p>
          <Link href={`/medewerker/zaken/${caseId}`}>{t("onBehalf.toCase")}</Link>
        </p>
      </div>
    );
  return (
    <div className="notice">
      <p>
        <strong>{t(`onBehalf.${channel}`)}</strong>
      </p>
      <p>{t("onBehalf.words")}</p>
    </div>
  );
}
