import { ComingSoon } from "~/components/layout/ComingSoon";
import type { RouteHandle } from "~/route-handle";

export const handle: RouteHandle = { title: "pages:home.doors.follow.title" };

export default function FollowComingSoon() {
  return <ComingSoon titleKey="pages:home.doors.follow.title" />;
}
