/** The receipt as a plain text file: what the person needs to come back, and nothing of their story. */
import type { IntakeKind } from "./answers";

export type ReceiptView = {
  kind: IntakeKind;
  /** Formatted for reading: 7KQM-2XRT. */
  code: string;
  passphrase: string;
  sentDate: string;
  ackDays: number;
  ackDate: string;
  followUrl: string;
};

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function receiptText(t: Translate, r: ReceiptView): string {
  const context = r.kind === "complaint" ? "complaint" : undefined;
  const lines = [
    t("receipt.heading"),
    "",
    t("receipt.sent", { date: r.sentDate, context }),
    "",
    t("receipt.code", { code: r.code }),
    t("receipt.passphrase", { passphrase: r.passphrase }),
    "",
    t("receipt.keep"),
    t("receipt.answer", { count: r.ackDays, date: r.ackDate }),
    t("receipt.follow", { url: r.followUrl }),
  ];
  // CRLF: the simplest text viewers on phones and old Windows show the lines too.
  return lines.join("\r\n") + "\r\n";
}
