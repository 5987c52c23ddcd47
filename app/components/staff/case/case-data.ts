/**
 * The case page's data, for its sections in this folder: they render only inside
 * app/routes/medewerker.zaken.$caseId.tsx, so they read its loader and action data themselves instead of
 * passing a dozen props down. Type-only imports of the route: no server code reaches the browser bundle.
 */
import { useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import type { action, loader } from "~/routes/medewerker.zaken.$caseId";

export type CaseData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { erased: false }>;

/** The loader data of a case that is still there (the sections are only rendered for those). */
export const useCaseData = () => useLoaderData<typeof loader>() as CaseData;

/** The answer of the last action when it came back with errors (or asks to confirm), per form. */
export function useCaseAction() {
  const actionData = useActionData<typeof action>();
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : undefined);
  // The tag, link and close forms' input when one came back with an error (the other action answers have none).
  const typed = (actionData?.values ?? {}) as Partial<{
    tag: string;
    linkCode: string;
    linkKind: string;
    asDuplicate: boolean;
  }>;
  const data = useCaseData();
  /**
   * What a text box of a form shows: what was sent when that form came back with an error, else the text
   * kept when the session ran out (ADR 038), else nothing.
   */
  const keptOrTyped = (intent: string, field: keyof CaseData["kept"]) =>
    errorsFor(intent) ? actionData?.values[field] : (data.kept[field] ?? "");
  return { actionData, errorsFor, typed, keptOrTyped };
}

/** The status as the page names it: "closed as a duplicate" rather than only "closed". */
export const statusTextOf = (t: TFunction, c: CaseData["case"]) =>
  c.closedAs ? t(`closedAs.${c.closedAs}`) : t(`statuses.${c.status}`);
