import { useTranslation } from "react-i18next";
import { TotpCodeField } from "./TotpCodeField";

/** Linking an authenticator app: the QR code, the secret as text, and the first code as proof. */
export function TotpEnrolment({
  enrolment,
  error,
}: {
  enrolment: { qrSvg: string; secretGrouped: string };
  error?: string;
}) {
  const { t } = useTranslation("staff");
  return (
    <>
      <h2>{t("enrol.heading")}</h2>
      <p>{t("enrol.intro")}</p>
      <ol className="enrol__steps">
        <li>{t("enrol.step1")}</li>
        <li>{t("enrol.step2")}</li>
        <li>{t("enrol.step3")}</li>
      </ol>
      <div className="enrol">
        <div
          className="enrol__qr"
          role="img"
          aria-label={t("enrol.qrLabel")}
          // Our own SVG markup from the qrcode library: paths only, no scripts, nothing fetched.
          dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
        />
        <p className="enrol__secret">
          {t("enrol.secretLabel")}
          <br />
          <code className="enrol__secret-value">{enrolment.secretGrouped}</code>
        </p>
      </div>
      <TotpCodeField label={t("enrol.code")} hint={t("enrol.codeHint")} error={error} digitsOnly />
    </>
  );
}
