import type { DeadlineBadge as Badge } from "~/domain/working-days";
import { useCachedT } from "./use-cached-t";

export type DeadlineInfo = { which: "ack" | "answer"; dueAt: number; badge: Badge; days: number } | null;

const badgeClass: Record<Badge, string> = {
  on_time: "tag tag--success",
  due_today: "tag tag--warning",
  overdue: "tag tag--error",
  met: "tag",
};

/** "Acknowledge · overdue · 3 working days late": what and how urgent, never by colour alone. */
export function DeadlineBadge({ deadline, compact }: { deadline: DeadlineInfo; compact?: boolean }) {
  const t = useCachedT();
  if (!deadline) return <span className="tag">{t("badges.none")}</span>;
  const when =
    deadline.badge === "overdue"
      ? t("deadline.overdueBy", { count: Math.max(1, -deadline.days) })
      : deadline.badge === "on_time"
        ? t("deadline.daysLeft", { count: deadline.days })
        : null;
  return (
    <span className="deadline">
      {compact ? null : <span className="deadline__which">{t(`deadline.${deadline.which}`)} </span>}
      <span className={badgeClass[deadline.badge]}>{t(`badges.${deadline.badge}`)}</span>
      {when ? <span className="deadline__when"> {when}</span> : null}
    </span>
  );
}
