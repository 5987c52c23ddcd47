import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { NonceProvider } from "~/components/nonce";
import { getEnv } from "~/config/env.server";
import { detectLanguage, languageCookieHeader } from "~/i18n/locale.server";
import { ReactHtmlStream } from "~/http/react-stream.server";
import { serverI18n } from "~/i18n/resources.server";

// What server.js needs besides the request handler.
export { boot } from "~/server/boot.server";
export { securityHeaders } from "~/http/security-headers.server";
export { loggedPath, requestGuards } from "~/http/request-guards.server";

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const lng = detectLanguage(request);
  const i18n = serverI18n(lng);
  const nonce = loadContext.cspNonce;
  const cookie = languageCookieHeader(request, getEnv().PUBLIC_URL.startsWith("https://"));
  if (cookie) responseHeaders.append("Set-Cookie", cookie);
  responseHeaders.set("Vary", "Accept-Language, Cookie");
  // Personal data, and the quick exit must not be undone by the back button: pages are never cached.
  if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", "no-store");
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new ReactHtmlStream();
          // Once the page is sent there is nothing left to abort: the timer would only keep the render
          // (and its request) in memory for five more seconds.
          body.once("close", () => clearTimeout(abortTimer));
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Log the error, never the request: URLs and bodies may hold personal data.
          if (shellRendered) console.error(error);
        },
      },
    );
    // onShellReady runs in a later turn, after this is set.
    const abortTimer = setTimeout(abort, ABORT_DELAY);
  });
}

export function handleDataRequest(response: Response) {
  if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
  return response;
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // An unknown address (404), or a post to a page that takes none (405), is an answer for the visitor,
  // not an error for the log: a stack trace per stray request would flood it and hide real errors.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  console.error(error instanceof Error ? error.stack : error);
}
