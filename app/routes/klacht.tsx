import { ComingSoon } from "~/components/layout/ComingSoon";
import type { RouteHandle } from "~/route-handle";

export const handle: RouteHandle = { title: "pages:home.doors.complaint.title" };

export default function ComplaintComingSoon() {
  return <ComingSoon titleKey="pages:home.doors.complaint.title" />;
}
