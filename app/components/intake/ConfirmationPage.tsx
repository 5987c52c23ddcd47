/**
 * After sending a story or complaint: the receipt (shared with the contact request), what happens next and
 * by when, and how to follow the case.
 */
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OperatorNote } from "~/components/layout/Operator";
import { Receipt, ReceiptDone } from "~/components/receipt/Receipt";
import { Link } from "~/components/ui";
import type { confirmationAction, confirmationLoader } from "~/server/intake/finish.server";
import { kindContext } from "./kind";
import { OnBehalfNotice } from "./OnBehalfNotice";

export function ConfirmationPage() {
  const data = useLoaderData<typeof confirmationLoader>();
  const action = useActionData<typeof confirmationAction>();
  const { t } = useTranslation("intake");
  const context = kindContext(data.kind);
  const receipt = data.receipt;

  if (!receipt) {
    return (
      <div className="page intake">
        <h1>{t("confirmation.gone.title")}</h1>
        <p>{t("confirmation.gone.text")}</p>
        <p>{t("confirmation.gone.lost")}</p>
        <p>
          <Link href="/volgen">{t("confirmation.followLink")}</Link>
        </p>
        <p>
          <Link href="/">{t("confirmation.gone.home")}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="page intake intake-confirmation">
      <OnBehalfNotice channel={data.onBehalf} caseId={data.caseId} />
      <div className="intake-panel">
        <h1 className="intake-panel__title">{t("confirmation.title", { context })}</h1>
        <p className="intake-panel__text">{t("confirmation.thanks")}</p>
      </div>

      <Receipt receipt={receipt} />

      <h2>{t("confirmation.nextHeading")}</h2>
      <ul>
        <li>{t("confirmation.next.read", { context })}</li>
        <li>{t("confirmation.next.answer", { count: receipt.ackDays, date: receipt.ackDate })}</li>
        {receipt.urgent ? <li>{t("confirmation.next.urgent")}</li> : null}
        <li>{t("confirmation.next.share")}</li>
      </ul>

      <h2>{t("confirmation.followHeading")}</h2>
      <p>{t("confirmation.follow")}</p>
      <p>
        <Link href="/volgen">{t("confirmation.followLink")}</Link>
        {/* On paper a link is only its address. */}
        <span className="intake-print-only"> {receipt.followUrl}</span>
      </p>

      <ReceiptDone error={action?.errors.done} />
      <OperatorNote />
    </div>
  );
}
