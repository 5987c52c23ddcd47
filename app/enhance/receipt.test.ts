import fs from "node:fs";
import i18next from "i18next";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { Receipt } from "~/components/receipt/Receipt";
import type { ReceiptView } from "~/server/receipt.server";
import { copyMessage } from "./receipt";

const follow = JSON.parse(fs.readFileSync("locales/nl/follow.json", "utf8"));

async function render() {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: "nl", resources: { nl: { follow } } });
  const receipt = { code: "AB12-CD34", passphrase: "appel tafel", downloadHref: "/x", until: "12:00" };
  return renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(Receipt, { receipt: receipt as ReceiptView })),
  );
}

describe("the receipt's copy and print without React", () => {
  it("are in a template the module puts in the print hint's place, with what copy writes", async () => {
    const html = await render();
    const template = /<template data-receipt-actions="">(.*?)<\/template>/s.exec(html)?.[1] ?? "";
    expect(template).toContain(`data-copy="Code: AB12-CD34\nGeheime zin: appel tafel"`);
    expect(template).toContain(`>${follow.receipt.copy}</button>`);
    expect(template).toMatch(new RegExp(`data-print="">${follow.receipt.print}</button>`));
    expect(html).toContain(`class="receipt__print-hint"`);
  });

  it("say in the status whether copying worked, in the page's language", async () => {
    const html = await render();
    expect(html).toMatch(
      /<p class="receipt__copied no-print" role="status" data-copied="[^"]+" data-copy-failed="[^"]+">/,
    );
    const status = { dataset: { copied: follow.receipt.copied, copyFailed: follow.receipt.copyFailed } };
    expect(copyMessage(true, status)).toBe(follow.receipt.copied);
    expect(copyMessage(false, status)).toBe(follow.receipt.copyFailed);
  });
});
