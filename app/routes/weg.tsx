import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEnv } from "~/config/env.server";
import { endReporterSession } from "~/server/reporter-session.server";

/**
 * The quick exit. Ends the reporter's session, asks the browser to clear this site's data, and sends
 * the person to a neutral site. No page of our own is rendered, so nothing of ours stays on screen.
 */
export function loader({ request }: LoaderFunctionArgs) {
  const headers = new Headers({
    Location: getEnv().QUICK_EXIT_URL,
    "Clear-Site-Data": '"cache", "cookies", "storage"',
    "Cache-Control": "no-store",
  });
  for (const cookie of endReporterSession(request)) headers.append("Set-Cookie", cookie);
  return new Response(null, { status: 303, headers });
}
