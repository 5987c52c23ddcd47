import { useActionData, useLocation } from "@remix-run/react";
import { useRef } from "react";

/**
 * A React `key` for a page's forms: after a change that worked (a new address, no action data) they start
 * afresh; after an answer with errors they are drawn once with what was sent back, and then left alone.
 *
 * Keying on `location.key` alone lost text: with JavaScript, React Router shows an action's errors while
 * it still reloads the page's data, and changes the location only when that is done. Whatever a person
 * typed in between (a second on a slow line) was wiped by the new location's key (CI, stop 22:
 * staff-journey, the outcome typed after "close" was refused).
 */
export function useFormsKey(): string {
  const location = useLocation();
  const actionData = useActionData();
  const answers = useRef<{ data: unknown; count: number }>({ data: undefined, count: 0 });
  if (actionData !== undefined && actionData !== null && actionData !== answers.current.data) {
    answers.current = { data: actionData, count: answers.current.count + 1 };
  }
  return actionData === undefined || actionData === null ? location.key : `answer-${answers.current.count}`;
}
