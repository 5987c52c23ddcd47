/**
 * A small HTTP client for benchmarks and the load test: keep-alive per virtual visitor, cookies, and a
 * chosen source address.
 */
import http from "node:http";
import https from "node:https";

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };

/**
 * An answer nginx gives itself because the server behind it is down (during the load test's kill): a
 * refused connection, as a client straight to the server would see it, not an answer of the server's.
 */
export class ProxyGatewayError extends Error {
  readonly code = "EPROXYGATEWAY";
}

export class Visitor {
  private readonly agent: http.Agent;
  private readonly secure: boolean;
  private readonly cookies = new Map<string, string>();

  /**
   * `localAddress`: a loopback address of its own (127.x.y.z), so each visitor is a different client to
   * the server's per-client rate limits, as real people are.
   */
  /** `onReply`: sees every answer (the load test counts 5xx with it). */
  constructor(
    private readonly base: URL,
    private readonly localAddress?: string,
    private readonly onReply?: (reply: Reply) => void,
  ) {
    this.secure = base.protocol === "https:";
    // Through the test proxy (npm run test:load -- --proxy) over https, with a certificate made for the run.
    this.agent = this.secure
      ? new https.Agent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false })
      : new http.Agent({ keepAlive: true, maxSockets: 1 });
  }

  close() {
    this.agent.destroy();
  }

  request(method: "GET" | "POST", path: string, form?: URLSearchParams): Promise<Reply> {
    const body = form?.toString();
    const headers: http.OutgoingHttpHeaders = {
      Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      "Accept-Language": "nl",
    };
    if (body !== undefined) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      headers["Content-Length"] = Buffer.byteLength(body);
    }
    const start = performance.now();
    return new Promise((resolve, reject) => {
      const req = (this.secure ? https : http).request(
        {
          host: this.base.hostname,
          port: this.base.port,
          path,
          method,
          headers,
          agent: this.agent,
          localAddress: this.localAddress,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            for (const cookie of res.headers["set-cookie"] ?? []) {
              const [pair] = cookie.split(";");
              const [name, ...value] = pair!.split("=");
              if (/Max-Age=0/i.test(cookie)) this.cookies.delete(name!);
              else this.cookies.set(name!, value.join("="));
            }
            // The app sends no Server header; nginx does.
            const fromProxy = String(res.headers.server ?? "").startsWith("nginx");
            if (fromProxy && [502, 503, 504].includes(res.statusCode ?? 0)) {
              return reject(new ProxyGatewayError(`${res.statusCode} from the proxy: the server is down`));
            }
            const reply: Reply = {
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString("utf8"),
              ms: performance.now() - start,
            };
            this.onReply?.(reply);
            resolve(reply);
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }
}
