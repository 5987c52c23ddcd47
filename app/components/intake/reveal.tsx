/**
 * GOV.UK's conditional reveal for the follow-up fields of a choice (the intake's contact page, the contact
 * request's reach page). Without JavaScript every box shows and each label says when it applies; with
 * React (a page reached by a client-side navigation) CSS shows only the boxes of the chosen way
 * (`intake-reveal--conditional`, app/styles/intake.css); on a page that does not hydrate
 * app/enhance/conditional-reveal.ts does that from the `data-reveal-*` markup rendered here (ADR 042).
 */
import type { ReactNode } from "react";
import { useHydrated } from "~/components/use-hydrated";

export function useReveal(control: string) {
  const hydrated = useHydrated();
  return {
    /** The box around the fields of `way`, shown while one of `values` of the `control` choice is picked. */
    box: (id: string, way: string, values: readonly string[]) => ({
      id,
      className: `intake-reveal intake-reveal--${way}${hydrated ? " intake-reveal--conditional" : ""}`,
      "data-reveal-for": control,
      "data-reveal-when": values.join(" "),
    }),
    /** A field's label, with its condition ("(only if …)") as long as every box shows. */
    label: (text: string, condition: string): ReactNode =>
      hydrated ? (
        text
      ) : (
        <>
          {text}
          <span data-reveal-condition=""> {condition}</span>
        </>
      ),
  };
}
