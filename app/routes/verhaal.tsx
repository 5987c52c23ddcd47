import { ComingSoon } from "~/components/layout/ComingSoon";
import type { RouteHandle } from "~/route-handle";

export const handle: RouteHandle = { title: "pages:home.doors.story.title" };

export default function StoryComingSoon() {
  return <ComingSoon titleKey="pages:home.doors.story.title" />;
}
