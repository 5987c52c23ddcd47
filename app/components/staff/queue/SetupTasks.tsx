import { Link } from "@remix-run/react";
import { useCachedT } from "~/components/staff/use-cached-t";
import type { QueueData } from "./queue-data";

/** A coordinator's reminder of what the setup still lacks: organisations without an address, regions. */
export function SetupTasks({ tasks }: { tasks: NonNullable<QueueData["tasks"]> }) {
  const t = useCachedT();
  if (tasks.organisations.length === 0 && tasks.regions.length === 0) return null;
  return (
    <section className="notice setup-tasks" aria-labelledby="setup-heading">
      <h2 id="setup-heading">{t("setupTasks.heading")}</h2>
      <p>{t("setupTasks.intro")}</p>
      <ul>
        {tasks.organisations.length > 0 ? (
          <li>
            <Link to="/medewerker/organisaties?zonderadres=1">
              {t("setupTasks.organisations", { count: tasks.organisations.length })}
            </Link>
            {tasks.organisations.length <= 5
              ? `: ${tasks.organisations.map((o) => o.name).join(", ")}`
              : null}
          </li>
        ) : null}
        {tasks.regions.length > 0 ? (
          <li>
            <Link to="/medewerker/organisaties/regios">
              {t("setupTasks.regions", { count: tasks.regions.length })}
            </Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
