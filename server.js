/**
 * The production (and development) server: Express serving the Remix build with security headers,
 * compression, long-cached hashed assets, an access log without IP addresses or query strings, and a
 * graceful shutdown. What the app does at start (config, migrations, seed) lives in the app: boot().
 */
// First: it changes how @remix-run/router is loaded, so it must run before anything requires it.
import "./route-matching-cache.js";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import compression from "compression";
import express from "express";

const dev = process.argv.includes("--dev");
const here = import.meta.dirname;
// `--build DIR` serves another Remix build the same way (the benchmark's minimal baseline app).
const buildFlag = process.argv.indexOf("--build");
const buildDir = buildFlag > 0 ? path.resolve(process.argv[buildFlag + 1]) : path.join(here, "build");

const vite = dev
  ? await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }))
  : undefined;

async function loadBuild() {
  if (vite) return vite.ssrLoadModule("virtual:remix/server-build");
  try {
    return await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href);
  } catch (e) {
    if (e?.code === "ERR_MODULE_NOT_FOUND" && String(e.message).includes(path.join(buildDir, "server"))) {
      console.error("There is no build yet. Run `npm run build` first (`npm start` does both).");
      process.exit(1);
    }
    throw e;
  }
}

const build = await loadBuild();
const app = build.entry.module;
const baselineKey = crypto.randomBytes(32);
// A build without boot() (the baseline app) gets a bare runtime: port and host from the environment.
const runtime = app.boot
  ? app.boot()
  : {
      env: { PORT: Number(process.env.PORT ?? 3000), HOST: process.env.HOST ?? "localhost" },
      https: false,
      trustProxy: false,
      clientKey: (address) =>
        crypto
          .createHmac("sha256", baselineKey)
          .update(address ?? "")
          .digest("base64url"),
      announce: (address) => console.log(`Serving ${buildDir} on ${address}`),
      shutdown: () => {},
    };
const headersFor = app.securityHeaders ?? (() => ({}));
const loggedPath = app.loggedPath ?? ((p) => p);
const guards = app.requestGuards?.() ?? ((_req, _res, next) => next());
const { PORT, HOST } = runtime.env;

const server = express();
server.disable("x-powered-by");
// Behind a reverse proxy (TRUST_PROXY), req.ip and req.protocol come from X-Forwarded-For/-Proto, but only
// as far as the peers saying so are trusted; otherwise req.ip is the TCP peer and those headers are ignored.
server.set("trust proxy", runtime.trustProxy);
server.use(compression());

server.use((req, res, next) => {
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  const headers = headersFor({ nonce, https: runtime.https, dev });
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  next();
});

// Access log: method, path without query string, status, duration. Never an IP address.
server.use((req, res, next) => {
  const start = process.hrtime.bigint();
  res.on("finish", () => {
    if (req.path.startsWith("/assets/") || process.env.ACCESS_LOG === "off") return;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    // Referral, setup and invitation links carry a credential: loggedPath keeps it out of the log.
    console.log(`${req.method} ${loggedPath(req.path)} ${res.statusCode} ${ms.toFixed(1)}ms`);
  });
  next();
});

// With `Referrer-Policy: no-referrer` browsers send `Origin: null` on our own form posts, which Remix's
// origin check reads as a foreign host and refuses: every form without JavaScript would fail. When the
// browser says the post came from this origin (Sec-Fetch-Site), the meaningless header is dropped; a
// cross-site post keeps it and is still refused. Forms carry our CSRF token besides (csrf.server.ts).
server.use((req, _res, next) => {
  if (req.headers.origin === "null" && req.headers["sec-fetch-site"] === "same-origin")
    delete req.headers.origin;
  next();
});

if (vite) {
  server.use(vite.middlewares);
} else {
  const client = path.join(buildDir, "client");
  server.use("/assets", express.static(path.join(client, "assets"), { immutable: true, maxAge: "1y" }));
  // The other files of the client build (the favicons) are listed once, so a page request no longer asks
  // the file system for a file of its name first. Paths with an escape (%) still go to the file server.
  const rootStatic = express.static(client, { maxAge: "1h" });
  const rootFiles = new Set(
    fs
      .readdirSync(client, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => "/" + path.relative(client, path.join(f.parentPath, f.name)).replaceAll(path.sep, "/")),
  );
  server.use((req, res, next) =>
    rootFiles.has(path.posix.normalize(req.path)) || req.path.includes("%")
      ? rootStatic(req, res, next)
      : next(),
  );
}

// Size limit, damaged cookies, cross-site posts, bodies that are not forms: answered before Remix.
server.use(guards);

const handleRequest = createRequestHandler(vite ? loadBuild : build, dev ? "development" : "production");

/**
 * The Remix request of an Express request, as @remix-run/express builds it, except that the body is the
 * one the guards already read (within the size limit) instead of the socket stream.
 */
function remixRequest(req, res) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const v of [value ?? []].flat()) headers.append(name, v);
  }
  const port = /:(\d+)$/.exec(req.get("host") ?? "")?.[1];
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url.href, {
    method: req.method,
    headers,
    signal: controller.signal,
    body: hasBody ? (req.body ?? null) : undefined,
  });
}

async function sendRemixResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

server.all("*", async (req, res, next) => {
  // An absolute-form request target (`GET http://host/path`) is for proxies, not for us: refused, not a 500.
  if (!req.originalUrl.startsWith("/")) {
    res.status(400).type("text/plain").end("Bad request");
    return;
  }
  try {
    let key;
    const context = {
      cspNonce: res.locals.cspNonce,
      // The client key is only made when a rate limit asks for it (an HMAC per request otherwise). req.ip
      // is the client as far as TRUST_PROXY lets a proxy tell; the socket's peer otherwise.
      get clientKey() {
        return (key ??= runtime.clientKey(req.ip ?? req.socket.remoteAddress));
      },
    };
    await sendRemixResponse(res, await handleRequest(remixRequest(req, res), context));
  } catch (error) {
    next(error);
  }
});

const listener = server.listen(PORT, HOST, () => {
  const addr = listener.address();
  runtime.announce(typeof addr === "string" ? addr : `${addr.address}:${addr.port}`);
});

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received: finishing open requests, then stopping.`);
  listener.close(() => {
    runtime.shutdown();
    process.exit(0);
  });
  listener.closeIdleConnections();
  setTimeout(() => {
    console.error("Requests still open after 10 seconds: stopping anyway.");
    runtime.shutdown();
    process.exit(1);
  }, 10_000).unref();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
