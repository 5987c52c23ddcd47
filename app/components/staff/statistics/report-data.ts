/** The statistics page's data, for its sections in this folder (type-only: no server code in the browser). */
import type { useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import type { loader } from "~/routes/medewerker.statistieken";

export type ReportData = ReturnType<typeof useLoaderData<typeof loader>>;

/** "2024-03" as "maart 2024". */
export const monthLabel = (t: TFunction, m: string) =>
  `${t(`staff:date.months.${Number(m.slice(5))}`)} ${m.slice(0, 4)}`;
