import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { refusalOf } from "~/server/forms/parse-form.server";
import { signOut } from "~/server/staff-accounts/sign-in.server";
import { clearSessionCookie, sessionOf } from "~/server/staff-session.server";

/** Sign-out is a POST with the CSRF token, so another site cannot sign anyone out. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const session = sessionOf(request);
  if (refusalOf(request, form)) throw redirect("/medewerker");
  if (session) signOut(session);
  return redirect("/medewerker/inloggen?reden=signedOut", {
    headers: { "Set-Cookie": clearSessionCookie() },
  });
}

export function loader() {
  return redirect("/medewerker");
}
