/** The queue page's data, for its parts in this folder (type-only: no server code reaches the browser). */
import type { useLoaderData } from "@remix-run/react";
import type { loader } from "~/routes/medewerker._index";

export type QueueData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The link to a case carries the view it was opened from, so "back to the queue" returns there. */
export const caseHref = (id: number, from: string) =>
  `/medewerker/zaken/${id}${from ? `?terug=${encodeURIComponent(from)}` : ""}`;
