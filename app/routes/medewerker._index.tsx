/**
 * The queue, the back office's start page. The loader is app/server/queue-page.server.ts; the parts are in
 * app/components/staff/queue/.
 */
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { QueueView } from "~/components/staff/queue/QueueView";
import { SearchForm, SearchResults } from "~/components/staff/queue/Search";
import { SetupTasks } from "~/components/staff/queue/SetupTasks";
import { ViewTabs } from "~/components/staff/queue/ViewTabs";
import { useCachedT } from "~/components/staff/use-cached-t";
import type { QueueFilters } from "~/domain/queue";
import type { RouteHandle } from "~/route-handle";
import { queuePage } from "~/server/queue-page.server";
import { requireStaff } from "~/server/staff-session.server";

export const handle: RouteHandle = { title: "staff:queue.title" };

export function loader({ request }: LoaderFunctionArgs) {
  const me = requireStaff(request);
  return json(queuePage(me, new URL(request.url)));
}

export default function Queue() {
  const data = useLoaderData<typeof loader>();
  const t = useCachedT();
  return (
    <>
      <div className="queue-head">
        <h1>{t("queue.title")}</h1>
        {data.mode === "queue" ? <ViewTabs filters={data.filters as QueueFilters} /> : null}
        <SearchForm query={data.mode === "search" ? data.query : ""} />
      </div>
      {data.tasks ? <SetupTasks tasks={data.tasks} /> : null}
      {data.mode === "search" ? <SearchResults data={data} /> : <QueueView data={data} />}
    </>
  );
}
