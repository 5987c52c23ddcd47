import type { LoaderFunctionArgs } from "@remix-run/node";
import { receiptText } from "~/components/receipt/Receipt";
import { getEnv } from "~/config/env.server";
import { detectLanguage } from "~/i18n/locale.server";
import { getFixedT } from "~/i18n/resources.server";
import { contactReceipt } from "~/server/contact-draft.server";

/** The receipt as a text file, while the confirmation page still shows it. */
export function loader({ request }: LoaderFunctionArgs) {
  const receipt = contactReceipt(request);
  if (!receipt) throw new Response("Not found", { status: 404 });
  const t = getFixedT(detectLanguage(request), "follow");
  const body = receiptText(t, receipt.code, receipt.passphrase, `${getEnv().PUBLIC_URL}/volgen`);
  return new Response(body, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="${t("receipt.file.name")}"`,
      "Cache-Control": "no-store",
    },
  });
}
