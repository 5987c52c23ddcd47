import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { refusalOf } from "~/server/forms/parse-form.server";
import { extendFollowSession, followSessionEndsInMs } from "~/server/follow-session.server";
import { extendReceiptOf, receiptEndsInMs } from "~/server/receipt.server";

/**
 * The timer of a page that ends (SessionTimeout, ADR 029). GET: how long the follow session or the receipt
 * still lasts, without using it (another tab may have extended it). POST, with the CSRF token: "I'm still
 * here" and the keep-alive while someone types — the session or receipt lasts longer. Answers
 * `{ endsInMs }`, null when it has ended.
 */
const noStore = { "Cache-Control": "no-store" };

const whatOf = (value: FormDataEntryValue | string | null) => (value === "bewijs" ? "receipt" : "follow");

export function loader({ request }: LoaderFunctionArgs) {
  const what = whatOf(new URL(request.url).searchParams.get("wat"));
  const endsInMs = what === "receipt" ? receiptEndsInMs(request) : followSessionEndsInMs(request);
  return json({ endsInMs }, { headers: noStore });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  if (refusalOf(request, form)) return json({ endsInMs: null }, { status: 403, headers: noStore });
  if (whatOf(form.get("wat")) === "follow") {
    return json({ endsInMs: extendFollowSession(request) }, { headers: noStore });
  }
  const extended = extendReceiptOf(request);
  const headers = new Headers(noStore);
  if (extended?.setCookie) headers.set("Set-Cookie", extended.setCookie);
  return json({ endsInMs: extended?.endsInMs ?? null }, { headers });
}
