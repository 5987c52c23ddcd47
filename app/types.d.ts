import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The Content-Security-Policy nonce of this response (server.js). */
    cspNonce: string;
    /** A keyed hash of the client address for rate limits (server.js); never the address itself. */
    clientKey: string;
  }
}
