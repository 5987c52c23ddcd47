/**
 * The receipt of every journey (story, complaint, contact request): code and passphrase, shown once, with
 * ways to keep them — copy and print (with JavaScript), a text file, writing them down — and until when
 * the page shows them. On the pages that do not hydrate (ADR 042) app/enhance/receipt.ts adds copy and
 * print from the server-rendered `<template>`; after a client-side navigation React does. One component and one set of texts (follow:receipt.*), so all three say the same.
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useList } from "~/components/layout/Prose";
import { Button, Form } from "~/components/ui";
import { useHydrated } from "~/components/use-hydrated";
import type { ReceiptView } from "~/server/receipt.server";

type CopyState = "idle" | "copied" | "failed";

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function Receipt({ receipt }: { receipt: ReceiptView }) {
  const { t } = useTranslation("follow");
  const hydrated = useHydrated();
  const tips = useList("receipt.tips", "follow");
  const [copy, setCopy] = useState<CopyState>("idle");
  const note = [
    t("receipt.note.code", { code: receipt.code }),
    t("receipt.note.passphrase", { passphrase: receipt.passphrase }),
  ].join("\n");
  return (
    <section className="receipt" aria-labelledby="receipt-heading">
      <h2 id="receipt-heading" className="receipt__heading">
        {t("receipt.heading")}
      </h2>
      <dl className="receipt__codes">
        <div>
          <dt>{t("receipt.code")}</dt>
          <dd className="receipt__value" translate="no" data-testid="case-code">
            {receipt.code}
          </dd>
        </div>
        <div>
          <dt>{t("receipt.passphrase")}</dt>
          {/* Dutch words, also on an English page: read out as Dutch. */}
          <dd
            className="receipt__value receipt__value--words"
            translate="no"
            lang="nl"
            data-testid="passphrase"
          >
            {receipt.passphrase}
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
        {hydrated ? (
          <>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void copyText(note).then((ok) => setCopy(ok ? "copied" : "failed"))}
            >
              {t("receipt.copy")}
            </button>
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              {t("receipt.print")}
            </button>
          </>
        ) : (
          <>
            {/* Without React: app/enhance/receipt.ts puts these buttons in the hint's place. */}
            <template data-receipt-actions="">
              <button type="button" className="button button--secondary" data-copy={note}>
                {t("receipt.copy")}
              </button>
              <button type="button" className="button button--secondary" data-print="">
                {t("receipt.print")}
              </button>
            </template>
            <p className="receipt__print-hint">{t("receipt.printHint")}</p>
          </>
        )}
        <a className="button button--secondary" href={receipt.downloadHref} download>
          {t("receipt.download")}
        </a>
      </div>
      {/* Always in the page, so the message is read out when it changes. */}
      <p
        className="receipt__copied no-print"
        role="status"
        data-copied={t("receipt.copied")}
        data-copy-failed={t("receipt.copyFailed")}
      >
        {copy === "idle" ? "" : t(copy === "copied" ? "receipt.copied" : "receipt.copyFailed")}
      </p>
      <p className="field__hint no-print">{t("receipt.downloadWarning")}</p>
      <p className="receipt__until no-print">{t("receipt.until", { time: receipt.until })}</p>
    </section>
  );
}

/** "I have saved everything": the page forgets the receipt now rather than later. */
export function ReceiptDone({ error }: { error?: string }) {
  const { t } = useTranslation("follow");
  return (
    <section className="no-print" aria-labelledby="receipt-done-heading">
      <h2 id="receipt-done-heading">{t("receipt.done.heading")}</h2>
      <p>{t("receipt.done.text")}</p>
      <Form id="receipt-saved" errors={error ? { done: error } : undefined}>
        <Button id="field-done">{t("receipt.done.button")}</Button>
      </Form>
    </section>
  );
}
