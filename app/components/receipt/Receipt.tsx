/**
 * The receipt: a case code and a passphrase, shown once, with ways to keep them (print, a text file, or
 * writing them down). Generic: the intake and the contact request both end here.
 */
import { useTranslation } from "react-i18next";
import { useList } from "~/components/layout/Prose";
import { useHydrated } from "~/components/use-hydrated";
import { formatCaseCode } from "~/domain/codes";
import { formatPassphrase } from "~/domain/passphrase";

export function Receipt({
  code,
  passphrase,
  downloadHref,
}: {
  code: string;
  passphrase: string;
  downloadHref: string;
}) {
  const { t } = useTranslation("follow");
  const hydrated = useHydrated();
  const tips = useList("receipt.tips", "follow");
  return (
    <section className="receipt" aria-labelledby="receipt-heading">
      <h2 id="receipt-heading" className="receipt__heading">
        {t("receipt.heading")}
      </h2>
      <dl className="receipt__codes">
        <div>
          <dt>{t("receipt.code")}</dt>
          <dd className="receipt__value" translate="no">
            {formatCaseCode(code)}
          </dd>
        </div>
        <div>
          <dt>{t("receipt.passphrase")}</dt>
          <dd className="receipt__value" translate="no">
            {formatPassphrase(passphrase)}
          </dd>
        </div>
      </dl>
      <p className="receipt__once">
        <strong>{t("receipt.once")}</strong>
      </p>
      <ul>
        {tips.map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ul>
      <div className="receipt__actions no-print">
        <a className="button button--secondary" href={downloadHref} download>
          {t("receipt.download")}
        </a>
        {hydrated ? (
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            {t("receipt.print")}
          </button>
        ) : (
          <p className="receipt__print-hint">{t("receipt.printHint")}</p>
        )}
      </div>
    </section>
  );
}

/** The text of the downloadable receipt. */
export function receiptText(
  t: (key: string, values?: Record<string, string>) => string,
  code: string,
  passphrase: string,
  followUrl: string,
): string {
  return `${t("receipt.file.text", { code: formatCaseCode(code), passphrase: formatPassphrase(passphrase), url: followUrl })}\n`;
}
