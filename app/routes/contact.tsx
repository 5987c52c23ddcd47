import { ComingSoon } from "~/components/layout/ComingSoon";
import type { RouteHandle } from "~/route-handle";

export const handle: RouteHandle = { title: "pages:home.doors.contact.title" };

export default function ContactComingSoon() {
  return <ComingSoon titleKey="pages:home.doors.contact.title" />;
}
