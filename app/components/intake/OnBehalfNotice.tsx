import { useTranslation } from "react-i18next";
import { Link } from "~/components/ui";
import type { EntryChannel } from "~/domain/new-case";

/**
 * Above every intake page while a staff member fills it in for someone on the phone or at a visit
 * (ADR 040): a reminder that the answers are the other person's, in their words. On the receipt: read the
 * code and passphrase out, then go to the case.
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
  return (
    <div className="notice">
      <p>
        <strong>{t(`onBehalf.${channel}`)}</strong>
      </p>
      {caseId ? (
        <>
          <p>{t("onBehalf.receipt")}</p>
          <p>
            <Link href={`/medewerker/zaken/${caseId}`}>{t("onBehalf.toCase")}</Link>
          </p>
        </>
      ) : (
        <p>{t("onBehalf.words")}</p>
      )}
    </div>
  );
}
