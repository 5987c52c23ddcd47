import { Outlet } from "@remix-run/react";
import type { RouteHandle } from "~/route-handle";

/** Every staff page: the staff frame (no quick exit, no crisis lines). */
export const handle: RouteHandle = { frame: "staff", title: "staff:title" };

export default function StaffLayout() {
  return <Outlet />;
}
