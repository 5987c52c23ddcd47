/**
 * A small HTTP client for the security tests: real requests to the built server, a cookie jar per
 * client, no redirects followed, and a loopback source address of its own (127.a.b.c) so each client is
 * a different person to the server's per-client rate limits.
 */
import http from "node:http";
import https from "node:https";
import { inject } from "vitest";

export const baseUrl = () => inject("securityServer").baseUrl;

export type Reply = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  location: string | undefined;
};

export type Body = URLSearchParams | string | [string, string][] | Record<string, string>;

let nextAddress = 0;
/** A fresh loopback address for each client in this test file (pid-based, so files do not share one). */
export function freshAddress(): string {
  const n = (process.pid % 200) * 250 + nextAddress++;
  return `127.${10 + Math.floor(n / 62_500)}.${Math.floor(n / 250) % 250}.${1 + (n % 250)}`;
}

function encode(body: Body): string {
  if (typeof body === "string") return body;
  if (body instanceof URLSearchParams) return body.toString();
  const params = new URLSearchParams();
  for (const [k, v] of Array.isArray(body) ? body : Object.entries(body)) params.append(k, v);
  return params.toString();
}

export class Client {
  readonly cookies = new Map<string, string>();
  readonly address: string;

  /** `base`: another server than the run's (a server of the test's own, or a proxy in front of one). */
  constructor(opts: { address?: string; lang?: string; base?: string } = {}) {
    this.address = opts.address ?? freshAddress();
    this.lang = opts.lang ?? "nl";
    this.base = opts.base;
  }
  private readonly lang: string;
  private readonly base: string | undefined;

  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  /** Takes the cookies of a Set-Cookie header the way a browser would (path ignored: one site). */
  takeCookies(setCookie: string | string[] | undefined) {
    for (const cookie of [setCookie ?? []].flat()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair!.split("=");
      if (/Max-Age=0(;|$)/i.test(cookie) || value.join("=") === "") this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join("="));
    }
  }

  request(
    method: string,
    path: string,
    opts: { body?: Body; headers?: Record<string, string>; rawBody?: string; contentType?: string } = {},
  ): Promise<Reply> {
    // The path goes out as written: `//evil.example/x` is a path here, not another host. A full URL
    // (`http://127.0.0.1:port/x`, a server of the test's own) is sent to that server.
    const absolute = /^https?:\/\//.test(path) ? new URL(path) : undefined;
    if (absolute) path = absolute.pathname + absolute.search;
    const url = absolute ?? new URL(this.base ?? baseUrl());
    const body = opts.rawBody ?? (opts.body === undefined ? undefined : encode(opts.body));
    const headers: http.OutgoingHttpHeaders = { "Accept-Language": this.lang, ...opts.headers };
    if (this.cookies.size > 0) headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (body !== undefined) {
      headers["Content-Type"] = opts.contentType ?? "application/x-www-form-urlencoded";
      headers["Content-Length"] = Buffer.byteLength(body);
    }
    const secure = url.protocol === "https:";
    return new Promise((resolve, reject) => {
      const req = (secure ? https : http).request(
        {
          // The test proxy's certificate is self-signed, made for the run.
          ...(secure ? { rejectUnauthorized: false } : {}),
          host: url.hostname,
          port: url.port,
          path,
          method,
          headers,
          localAddress: this.address,
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            this.takeCookies(res.headers["set-cookie"]);
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString("utf8"),
              location: res.headers.location,
            });
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request("GET", path, { headers });
  }

  post(path: string, body: Body, headers?: Record<string, string>) {
    return this.request("POST", path, { body, headers });
  }

  /** The CSRF token of this client (GET a page first when there is none yet). */
  async csrf(path = "/"): Promise<string> {
    // Over https (the proxy tests) the cookie carries the __Host- prefix.
    const held = () => this.cookies.get("ap_csrf") ?? this.cookies.get("__Host-ap_csrf");
    if (!held()) await this.get(path);
    const token = held();
    if (!token) throw new Error(`GET ${path} set no CSRF cookie`);
    return token;
  }

  /** POSTs a form with this client's CSRF token in it. */
  async postForm(path: string, fields: [string, string][] | Record<string, string>) {
    const token = await this.csrf();
    const entries = Array.isArray(fields) ? fields : Object.entries(fields);
    return this.post(path, [["csrf", token], ...entries]);
  }
}

/** HTML-escaped as React writes text (and attribute values). */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");
}
