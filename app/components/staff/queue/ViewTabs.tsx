import { Link } from "@remix-run/react";
import { useCachedT } from "~/components/staff/use-cached-t";
import { queueSearch, type QueueFilters } from "~/domain/queue";

/** "All cases" and "My cases": the two views a worker switches between all day, other filters kept. */
export function ViewTabs({ filters }: { filters: QueueFilters }) {
  const t = useCachedT();
  return (
    <nav className="view-tabs" aria-label={t("queue.viewNav")}>
      <ul>
        <li>
          <Link
            to={`/medewerker${queueSearch(filters, { assignee: undefined })}`}
            aria-current={filters.assignee === undefined ? "page" : undefined}
          >
            {t("queue.views.all")}
          </Link>
        </li>
        <li>
          <Link
            to={`/medewerker${queueSearch(filters, { assignee: "mine" })}`}
            aria-current={filters.assignee === "mine" ? "page" : undefined}
          >
            {t("queue.views.mine")}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
