import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OperatorNote } from "~/components/layout/Operator";
import { Paragraphs } from "~/components/layout/Prose";
import type { TimeoutInfo } from "~/components/layout/SessionTimeout";
import { Receipt, ReceiptDone } from "~/components/receipt/Receipt";
import { detectLanguage } from "~/i18n/locale.server";
import type { RouteHandle } from "~/route-handle";
import { whoOf } from "~/domain/contact-request";
import { contactAnswers, deleteContactDraft } from "~/server/contact-draft.server";
import { receiptView } from "~/server/receipt.server";
import followStyles from "~/styles/follow.css?url";

export const handle: RouteHandle = {
  title: (t, data) =>
    t(
      (data as { receipt: unknown } | undefined)?.receipt
        ? "follow:contact.confirmation.title"
        : "follow:contact.confirmation.goneTitle",
    ),
  hydrate: false,
};
export const links = () => [{ rel: "stylesheet", href: followStyles }];

export function loader({ request }: LoaderFunctionArgs) {
  const receipt = receiptView(request, detectLanguage(request), "contact");
  const timeout: TimeoutInfo | undefined = receipt
    ? { kind: "receipt", endsInMs: receipt.endsInMs }
    : undefined;
  return json({ receipt, timeout, young: whoOf(contactAnswers(request)) === "young_person" });
}

/** "I have saved them": the receipt is deleted now rather than in 30 minutes. No CSRF: it only forgets. */
export function action({ request }: ActionFunctionArgs) {
  return redirect("/volgen", { headers: { "Set-Cookie": deleteContactDraft(request) } });
}

export default function ContactConfirmation() {
  const { receipt, young } = useLoaderData<typeof loader>();
  const { t } = useTranslation("follow");
  if (!receipt) {
    return (
      <div className="page">
        <h1>{t("contact.confirmation.goneTitle")}</h1>
        <p>{t("contact.confirmation.gone")}</p>
        <p>
          <a href="/volgen">{t("contact.confirmation.toFollow")}</a>
        </p>
      </div>
    );
  }
  return (
    <div className="page">
      <div className="panel-done">
        <h1>{t("contact.confirmation.title")}</h1>
        <p>{t(young ? "contact.young.confirmation.panel" : "contact.confirmation.panel")}</p>
      </div>
      <Receipt receipt={receipt} />
      <h2>{t("contact.confirmation.nextHeading")}</h2>
      <Paragraphs k={young ? "contact.young.confirmation.next" : "contact.confirmation.next"} ns="follow" />
      <ReceiptDone />
      <OperatorNote />
    </div>
  );
}
