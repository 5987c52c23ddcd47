import { createContext, useContext } from "react";
import { ButtonContext, LinkContext } from "react-aria-components";

/**
 * true while the server renders a page that will not hydrate (ADR 042, `handle.hydrate: false`): the
 * root provides it. Such a page never runs react-aria in the browser, so a component may render the
 * same markup as plain HTML instead of going through react-aria's press, hover and focus hooks on the
 * server (ADR 048). Always false in the browser (a browser running React has hydrated).
 */
export const PlainHtmlContext = createContext(false);

/** Whether every key of `props` is one the plain rendering knows how to write as react-aria does. */
export function onlyKnownProps(props: object, known: ReadonlySet<string>): boolean {
  for (const k in props) if (!known.has(k)) return false;
  return true;
}

/**
 * Whether a Button or Link here may render plain HTML: the page does not hydrate, and no surrounding
 * react-aria component (a combo box, a dialog…) hands it props through react-aria's contexts, which only
 * react-aria's own Button and Link would take.
 */
export function usePlainRendering(): boolean {
  const page = useContext(PlainHtmlContext);
  const button = useContext(ButtonContext);
  const link = useContext(LinkContext);
  return page && link === null && (button == null || Object.keys(button).length === 0);
}

/**
 * An address react-aria's Link would write unchanged: a path on this site. The root's RouterProvider
 * passes a link's href through Remix's useHref, which resolves a relative one against the route.
 */
export const isSitePath = (href: string | undefined) =>
  href !== undefined && href.startsWith("/") && !href.startsWith("//");
