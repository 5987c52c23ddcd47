import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The Content-Security-Policy nonce of this response (server.js). */
    cspNonce: string;
  }
}
