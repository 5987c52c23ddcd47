import { Outlet } from "@remix-run/react";
import { intakeLinks } from "~/components/intake/route-parts";

/** The complaint intake: every page under /klacht shares the intake stylesheet. */
export const links = intakeLinks;

export default function IntakeLayout() {
  return <Outlet />;
}
