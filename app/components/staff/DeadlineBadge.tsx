import type { DeadlineInfo as Info } from "~/domain/case-status";
import type { DeadlineBadge as Badge } from "~/domain/working-days";
import { formatDate, formatDayMonth, isoDate } from "./format";
import { useCachedT } from "./use-cached-t";

export type DeadlineInfo = Info | null;

const badgeClass: Record<Badge, string> = {
  on_time: "tag tag--success",
  due_today: "tag tag--warning",
  overdue: "tag tag--error",
  met: "tag",
};

/**
 * "Call back · 12 Dec · overdue · 3 working days late": which clock, its date and how urgent, never by
 * colour alone. Only a closed case has none (ADR 039).
 */
export function DeadlineBadge({
  deadline,
  compact,
  short,
}: {
  deadline: DeadlineInfo;
  compact?: boolean;
  /** The queue's one-line form: "Acknowledge: 12 Dec · on time", or "… · overdue · 3 wd late". */
  short?: boolean;
}) {
  const t = useCachedT();
  if (!deadline) return <span className="tag">{t("badges.none")}</span>;
  const suffix = short ? "Short" : "";
  // The queue's one line says how late, not how much time is left: "on time" is enough there, and the
  // column must leave room for the others at 1280 px (the sweep found the last column cut off).
  const when =
    deadline.badge === "overdue"
      ? t(`deadline.overdueBy${suffix}`, { count: Math.max(1, -deadline.days) })
      : deadline.badge === "on_time" && !short
        ? t("deadline.daysLeft", { count: deadline.days })
        : null;
  return (
    <span className={short ? "deadline deadline--short" : "deadline"}>
      {compact ? null : <span className="deadline__which">{t(`deadline.${deadline.which}${suffix}`)} </span>}
      <time className="deadline__date" dateTime={isoDate(deadline.dueAt)}>
        {short ? formatDayMonth(deadline.dueAt, t) : formatDate(deadline.dueAt, t)}
      </time>{" "}
      <span className={badgeClass[deadline.badge]}>{t(`badges.${deadline.badge}`)}</span>
      {when ? <span className="deadline__when"> {when}</span> : null}
    </span>
  );
}
