import { ComingSoon } from "~/components/layout/ComingSoon";

export default function StaffHome() {
  return <ComingSoon titleKey="staff:title" />;
}
