/**
 * The receipt of all three journeys (story, complaint, contact request): the code and passphrase that the
 * confirmation page shows, the text file and the copy button hand over, and "I'm still here" extends. The
 * intake keeps it in its draft (drafts.server.ts), the contact request in its own (contact-draft.server.ts);
 * this module reads whichever the browser has, so every receipt says the same things the same way.
 */
import { formatCaseCode } from "~/domain/codes";
import { minutes, RECEIPT_TTL_MS } from "~/domain/lifetimes";
import { formatPassphrase } from "~/domain/passphrase";
import type { Language } from "~/i18n/config";
import { contactReceiptUntil, extendContactReceipt } from "./contact-draft.server";
import { extendReceipt as extendIntakeReceipt, readDraft } from "./drafts.server";

/** Where the text file is served: one neutral name for all three journeys. */
export const RECEIPT_FILE_PATH = "/notitie.txt";

type Found = { code: string; passphrase: string; expiresAt: number };

/** Which journey's receipt: a confirmation page asks for its own; the file and "I'm still here" take either. */
export type ReceiptOf = "intake" | "contact" | "any";

function findReceipt(request: Request, now: number, of: ReceiptOf = "any"): Found | null {
  const draft = of === "contact" ? null : readDraft(request, now);
  if (draft?.data.receipt) return { ...draft.data.receipt, expiresAt: draft.expiresAt };
  if (of === "intake") return null;
  const contact = contactReceiptUntil(request, { now });
  return contact ? { ...contact.receipt, expiresAt: contact.expiresAt } : null;
}

/** What the Receipt component shows. */
export type ReceiptView = {
  code: string;
  passphrase: string;
  downloadHref: string;
  /** "14:35": when the page stops showing the receipt, in Dutch time. */
  until: string;
  /** How long one "I'm still here" gives, in minutes (said on the page). */
  minutes: number;
  endsInMs: number;
};

export const clockTime = (epochMs: number, lang: Language) =>
  new Intl.DateTimeFormat(lang === "nl" ? "nl-NL" : "en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Amsterdam",
  }).format(epochMs);

export function receiptView(
  request: Request,
  lang: Language,
  of: ReceiptOf,
  now = Date.now(),
): ReceiptView | null {
  const found = findReceipt(request, now, of);
  if (!found) return null;
  return {
    code: formatCaseCode(found.code),
    passphrase: formatPassphrase(found.passphrase),
    downloadHref: RECEIPT_FILE_PATH,
    until: clockTime(found.expiresAt, lang),
    minutes: minutes(RECEIPT_TTL_MS),
    endsInMs: found.expiresAt - now,
  };
}

/** The receipt's code and passphrase for the text file, formatted. */
export function receiptForFile(
  request: Request,
  now = Date.now(),
): { code: string; passphrase: string } | null {
  const found = findReceipt(request, now);
  return found ? { code: formatCaseCode(found.code), passphrase: formatPassphrase(found.passphrase) } : null;
}

/** "I'm still here": how long the receipt is shown now, and a cookie to set; null when it is gone. */
export function extendReceiptOf(
  request: Request,
  now = Date.now(),
): { endsInMs: number; setCookie?: string } | null {
  const intake = extendIntakeReceipt(request, now);
  if (intake) return { endsInMs: intake.expiresAt - now, setCookie: intake.setCookie };
  const contact = extendContactReceipt(request, { now });
  return contact ? { endsInMs: contact.expiresAt - now } : null;
}

/** How long the receipt is still shown, without extending it (a second tab may have extended it). */
export function receiptEndsInMs(request: Request, now = Date.now()): number | null {
  const found = findReceipt(request, now);
  return found ? found.expiresAt - now : null;
}
