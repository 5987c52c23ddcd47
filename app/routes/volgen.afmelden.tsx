import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { leaveFollowSession } from "~/server/follow-session.server";

/**
 * Signing out. No CSRF check on purpose: the worst another site could do is sign someone out, and a
 * person who wants to leave must never be stopped by an expired form.
 */
export function action({ request }: ActionFunctionArgs) {
  return redirect("/volgen?reden=afgemeld", { headers: { "Set-Cookie": leaveFollowSession(request) } });
}

export function loader() {
  return redirect("/volgen/zaak");
}
