/**
 * The receipt as a note: the text of the downloaded file and of the copy button. Neutral on purpose — no
 * name of the service, no "story" or "complaint" — so a file or a clipboard someone else sees gives little
 * away; the address is what the person needs to come back.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function receiptNote(t: Translate, r: { code: string; passphrase: string; url: string }): string {
  // CRLF: the simplest text viewers on phones and old Windows show the lines too.
  return [
    t("receipt.note.code", { code: r.code }),
    t("receipt.note.passphrase", { passphrase: r.passphrase }),
    r.url,
  ]
    .join("\r\n")
    .concat("\r\n");
}
