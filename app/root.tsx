import { json, type LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Outlet,
  Scripts,
  ScrollRestoration,
  useHref,
  useLoaderData,
  useLocation,
  useMatches,
  useNavigate,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useContext, useEffect, useRef, type ReactNode } from "react";
import { RouterProvider } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { UNSAFE_DataRouterStateContext } from "react-router-dom";
import { Frame } from "~/components/layout/Frame";
import type { Operator } from "~/config/operator";
import { getEnv } from "~/config/env.server";
import { useNonce } from "~/components/nonce";
import { PlainHtmlContext } from "~/components/ui/plain-html";
import { stopWatchingTyping } from "~/components/ui/typed-before-hydration";
import { directionOf, isLanguage, type Language } from "~/i18n/config";
import { detectLanguage } from "~/i18n/locale.server";
import type { RouteHandle } from "~/route-handle";
import { csrfToken } from "~/server/csrf.server";
import stylesUrl from "~/styles/app.css?url";
import { PageTimeout } from "~/components/layout/SessionTimeout";
import enhanceSrc from "virtual:enhance-entry";

export const links = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = detectLanguage(request);
  const csrf = csrfToken(request);
  return json(
    { lang, dir: directionOf(lang), csrfToken: csrf.token, operator: getEnv().operator },
    { headers: csrf.setCookie ? { "Set-Cookie": csrf.setCookie } : undefined },
  );
}

// The root data (language, CSRF token, operator) only changes with a full page load.
export const shouldRevalidate = () => false;

export type RootData = { lang: Language; dir: "ltr" | "rtl"; csrfToken: string; operator: Operator };

/** true when the current route's action answered with validation errors. */
function useActionHasErrors(): boolean {
  const state = useContext(UNSAFE_DataRouterStateContext);
  return Object.values(state?.actionData ?? {}).some(
    (d) =>
      d !== null &&
      typeof d === "object" &&
      "errors" in d &&
      d.errors !== null &&
      typeof d.errors === "object" &&
      Object.keys(d.errors).length > 0,
  );
}

/** The title a route's error boundary asks for (handle.errorTitle), when a nested route failed. */
function useNestedErrorTitle(matches: ReturnType<typeof useMatches>): string | undefined {
  const { t } = useTranslation();
  const state = useContext(UNSAFE_DataRouterStateContext);
  const [boundaryId, error] = Object.entries(state?.errors ?? {})[0] ?? [];
  if (!boundaryId) return undefined;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const upToBoundary = matches.slice(0, matches.findIndex((m) => m.id === boundaryId) + 1);
  for (const m of upToBoundary.reverse()) {
    const errorTitle = (m.handle as RouteHandle | undefined)?.errorTitle;
    if (errorTitle) return errorTitle(t, status);
  }
  return undefined;
}

function usePageTitle(): string {
  const { t } = useTranslation();
  const matches = useMatches();
  const hasErrors = useActionHasErrors();
  const routeError = useRouteError();
  const nestedErrorTitle = useNestedErrorTitle(matches);
  if (routeError) {
    const key = isRouteErrorResponse(routeError) && routeError.status === 404 ? "notFound" : "serverError";
    return `${t(`pages:${key}.title`)} – ${t("siteName")}`;
  }
  if (nestedErrorTitle) return `${nestedErrorTitle} – ${t("siteName")}`;
  let page = "";
  for (const m of [...matches].reverse()) {
    const title = (m.handle as RouteHandle | undefined)?.title;
    if (typeof title === "function") page = title(t, m.data);
    else if (title) page = t(title);
    if (page) break;
  }
  const site = t("siteName");
  const full = page && page !== site ? `${page} – ${site}` : site;
  return hasErrors ? `${t("errorTitlePrefix")}${full}` : full;
}

function useFrameVariant(): NonNullable<RouteHandle["frame"]> {
  const matches = useMatches();
  for (const m of [...matches].reverse()) {
    const frame = (m.handle as RouteHandle | undefined)?.frame;
    if (frame) return frame;
  }
  return "public";
}

/**
 * Whether this response hydrates: false when the deepest route with a `hydrate` says so (ADR 042). Decided
 * on the server only: a browser running this has hydrated already, and after a client-side navigation to
 * such a page it keeps Remix's scripts (removing them would not unload them, only confuse the router).
 */
function useHydrates(): boolean {
  const matches = useMatches();
  if (typeof document !== "undefined") return true;
  for (const m of [...matches].reverse()) {
    const hydrate = (m.handle as RouteHandle | undefined)?.hydrate;
    if (hydrate !== undefined) return hydrate;
  }
  return true;
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const { i18n } = useTranslation();
  const nonce = useNonce();
  const lang: Language = data?.lang ?? (isLanguage(i18n.language) ? i18n.language : "nl");
  const title = usePageTitle();
  // Tells entry.client.tsx which texts the page needs (namespacesFor).
  const frame = useFrameVariant();
  // The address this page was drawn for. With JavaScript the address bar changes before React has drawn
  // the new page; the browser tests wait for this to match before they press anything (tests/e2e/expect.ts).
  const location = useLocation();
  const hydrates = useHydrates();
  return (
    <html
      lang={lang}
      dir={data?.dir ?? directionOf(lang)}
      data-frame={frame}
      data-path={location.pathname + location.search}
    >
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="color-scheme" content="light" />
        {/*
          react-aria reads the nonce from here for the small <style> its press handling adds. It is in the
          `nonce` attribute (which browsers hide from scripts of other origins), not in `content`; the
          empty `content` keeps the element valid HTML.
        */}
        <meta name="csp-nonce" content="" nonce={nonce} />
        <title>{title}</title>
        <Links />
      </head>
      <body>
        <PlainHtmlContext.Provider value={!hydrates}>{children}</PlainHtmlContext.Provider>
        {hydrates ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : (
          <script type="module" nonce={nonce} src={enhanceSrc} />
        )}
      </body>
    </html>
  );
}

/**
 * After a client-side navigation, focus goes to the main content, as a full page load would start a screen
 * reader at the top. Left alone, it stays on the link or button that was pressed, which the new page may have
 * removed (focus lost: the next Tab starts somewhere in the middle) or kept (nothing says the page changed).
 * An error summary takes focus itself (ErrorSummary). When only the query changes (a filter, a page of
 * results) and the focused control is still there, focus stays on it.
 */
function useFocusAfterNavigation() {
  const location = useLocation();
  const previous = useRef(location);
  useEffect(() => {
    const before = previous.current;
    previous.current = location;
    if (before.pathname === location.pathname && before.search === location.search) return;
    const active = document.activeElement;
    if (active?.closest(".error-summary")) return;
    const lost = !active || active === document.body || !active.isConnected;
    if (before.pathname === location.pathname && !lost) return;
    document.getElementById("main")?.focus({ preventScroll: true });
  }, [location]);
}

export default function App() {
  const { lang } = useLoaderData<typeof loader>();
  useFocusAfterNavigation();
  // The fields' first effects (children run theirs first) have adopted what was typed before hydration.
  useEffect(() => stopWatchingTyping(), []);
  const navigate = useNavigate();
  const variant = useFrameVariant();
  return (
    <RouterProvider navigate={(to, options) => navigate(to, options)} useHref={useHref}>
      <Frame lang={lang} variant={variant}>
        <Outlet />
        <PageTimeout />
      </Frame>
    </RouterProvider>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t, i18n } = useTranslation("pages");
  const lang: Language = isLanguage(i18n.language) ? i18n.language : "nl";
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const key = notFound ? "notFound" : "serverError";
  return (
    <Frame lang={lang} variant="public">
      <div className="page">
        <h1>{t(`${key}.title`)}</h1>
        <p className="lead">{t(`${key}.text`)}</p>
        <p>
          <a href="/">{t(`${key}.home`)}</a>
        </p>
      </div>
    </Frame>
  );
}
