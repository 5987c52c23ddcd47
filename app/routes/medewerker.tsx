import { json, type LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  type ClientLoaderFunctionArgs,
  Outlet,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaffBar } from "~/components/staff/StaffBar";
import { navFor } from "~/domain/roles";
import type { RouteHandle } from "~/route-handle";
import type { TimeoutInfo } from "~/components/layout/SessionTimeout";
import { loadAllNamespaces } from "~/i18n/resources.client";
import { optionalStaff, staffSessionEndsInMs } from "~/server/staff-session.server";
import staffStylesUrl from "~/styles/staff.css?url";

/** Every staff page: the staff frame (no quick exit, no crisis lines), who is signed in, the staff menu. */
export const handle: RouteHandle = {
  frame: "staff",
  title: "staff:title",
  errorTitle: (t, status) => t(status === 403 ? "staff:forbidden.title" : "staff:notFound.title"),
};

export const links = () => [{ rel: "stylesheet", href: staffStylesUrl }];

// For showing the name and menu, and the session's timer (ADR 038); every child route checks the session
// and role itself.
export function loader({ request }: LoaderFunctionArgs) {
  const me = optionalStaff(request);
  return json({
    me: me ? { name: me.name, role: me.role, nav: navFor(me.role) } : null,
    timeout: me ? ({ kind: "staff", endsInMs: staffSessionEndsInMs(me) } satisfies TimeoutInfo) : undefined,
  });
}

// Arriving from a public page without a page load: the staff texts first (ADR 042).
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  await loadAllNamespaces();
  return serverLoader();
}

export default function StaffLayout() {
  const { me } = useLoaderData<typeof loader>();
  return (
    <div className="staff">
      {me ? <StaffBar me={me} /> : null}
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("routes/medewerker");
  const { t } = useTranslation("staff");
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!forbidden && !notFound) throw error;
  const key = forbidden ? "forbidden" : "notFound";
  return (
    <div className="staff">
      {data?.me ? <StaffBar me={data.me} /> : null}
      <div className="page">
        <h1>{t(`${key}.title`)}</h1>
        <p className="lead">{t(`${key}.text`)}</p>
        <p>
          <a href="/medewerker">{t(`${key}.back`)}</a>
        </p>
      </div>
    </div>
  );
}
