import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEnv } from "~/config/env.server";
import { receiptNote } from "~/domain/receipt-note";
import { detectLanguage } from "~/i18n/locale.server";
import { getFixedT } from "~/i18n/resources.server";
import { receiptForFile } from "~/server/receipt.server";

/**
 * The receipt of any journey as a text file, while its confirmation page still shows it. Its address and
 * its file name are neutral ("notitie.txt"): they stay in the browser's download list.
 */
export function loader({ request }: LoaderFunctionArgs) {
  const receipt = receiptForFile(request);
  if (!receipt) throw new Response("Not found", { status: 404 });
  const t = getFixedT(detectLanguage(request), "follow");
  const body = receiptNote((key, options) => t(key, options ?? {}), {
    ...receipt,
    url: `${getEnv().PUBLIC_URL}/volgen`,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="${t("receipt.note.fileName")}"`,
      "Cache-Control": "no-store",
    },
  });
}
