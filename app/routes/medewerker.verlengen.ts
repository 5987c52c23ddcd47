import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { refusalOf } from "~/server/forms/parse-form.server";
import {
  requireStaff,
  requireStaffUntouched,
  staffSessionEndsInMs,
  touchSession,
} from "~/server/staff-session.server";

/**
 * The staff frame's timer (SessionTimeout, ADR 038), under /medewerker because the staff cookie is. GET:
 * how long the session still lasts, without counting as use (another tab may have used it). POST, with
 * the CSRF token: "keep working", and the keep-alive while someone types. Answers `{ endsInMs }`; an
 * ended session gets the redirect to sign-in every staff route gives.
 */
const noStore = { "Cache-Control": "no-store" };

export function loader({ request }: LoaderFunctionArgs) {
  const me = requireStaffUntouched(request);
  return json({ endsInMs: staffSessionEndsInMs(me) }, { headers: noStore });
}

export async function action({ request }: ActionFunctionArgs) {
  const me = requireStaff(request);
  const form = await request.formData();
  if (refusalOf(request, form)) return json({ endsInMs: null }, { status: 400, headers: noStore });
  touchSession(me);
  return json({ endsInMs: staffSessionEndsInMs(me) }, { headers: noStore });
}
