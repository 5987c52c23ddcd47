import { Outlet } from "@remix-run/react";
import { intakeLinks } from "~/components/intake/route-parts";

/** The testimony intake: every page under /verhaal shares the intake stylesheet. */
export const links = intakeLinks;

export default function IntakeLayout() {
  return <Outlet />;
}
