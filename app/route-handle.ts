import type { TFunction } from "i18next";

/**
 * What a route tells the frame through `export const handle`. The root renders the <title> from it
 * (meta() cannot see action data, and an error state must start the title with "Fout:" / "Error:").
 */
export type RouteHandle = {
  /** i18next key ("ns:key") of the page title, or a function of the loader data. */
  title?: string | ((t: TFunction, data: unknown) => string);
  /** The title when this route's error boundary shows an error (403, 404) of it or a child route. */
  errorTitle?: (t: TFunction, status: number) => string;
  /**
   * `false`: the page does not hydrate (ADR 042). The root then renders neither Remix's scripts nor its
   * scroll restoration, only the small plain-DOM enhancement script (app/enhance). Every link and form on
   * it must work as it does without JavaScript. The deepest route that says wins; the default hydrates.
   */
  hydrate?: boolean;
  /** Which frame: public pages carry the quick exit and crisis lines. Inherited by child routes. */
  frame?: "public" | "staff" | "organisation";
  /**
   * The id of the page's form whose answers the language switch keeps: the switch then submits that form
   * (intent "switch-language") instead of being a link, so nothing typed is lost, with or without JavaScript.
   * A function of the loader data when the form is not always on the page.
   */
  languageForm?: string | ((data: unknown) => string | undefined);
};

/** The value of `intent` that the language switch submits. */
export const SWITCH_LANGUAGE = "switch-language";
