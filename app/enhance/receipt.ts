/**
 * The receipt's copy and print buttons on a page that does not hydrate: what `Receipt.tsx` does with React,
 * in plain DOM. The server renders them in a `<template>` (without a script there is no button, only the
 * hint to print with the browser's menu); this puts them in the hint's place. Copy writes the code and
 * passphrase (`data-copy`) with the Clipboard API and says in the polite status whether that worked (its
 * texts in `data-copied`, `data-copy-failed`).
 */

/** What the status says after a copy. */
export const copyMessage = (ok: boolean, status: { dataset: DOMStringMap }) =>
  (ok ? status.dataset.copied : status.dataset.copyFailed) ?? "";

export function enhanceReceipt(doc: Document) {
  const actions = doc.querySelector<HTMLTemplateElement>("template[data-receipt-actions]");
  const status = doc.querySelector<HTMLElement>(".receipt__copied");
  if (!actions || !status) return;
  const copy = actions.content.querySelector<HTMLButtonElement>("[data-copy]")!;
  copy.addEventListener("click", () =>
    navigator.clipboard.writeText(copy.dataset.copy!).then(
      () => (status.textContent = copyMessage(true, status)),
      () => (status.textContent = copyMessage(false, status)),
    ),
  );
  actions.content.querySelector("[data-print]")!.addEventListener("click", () => print());
  doc.querySelector(".receipt__print-hint")?.remove();
  actions.replaceWith(actions.content);
}
