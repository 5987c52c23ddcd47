/**
 * The production (and development) server: Express serving the Remix build with security headers,
 * compression, long-cached hashed assets, an access log without IP addresses or query strings, and a
 * graceful shutdown. What the app does at start (config, migrations, seed) lives in the app: boot().
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
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

// Rate limits need to tell clients apart without keeping who they are: a keyed hash of the address,
// with a key that lives only in this process's memory. The address itself goes nowhere.
const clientKeySalt = crypto.randomBytes(32);
const clientKey = (req) =>
  crypto
    .createHmac("sha256", clientKeySalt)
    .update(req.socket.remoteAddress ?? "")
    .digest("base64url");

const build = await loadBuild();
const app = build.entry.module;
// A build without boot() (the baseline app) gets a bare runtime: port and host from the environment.
const runtime = app.boot
  ? app.boot()
  : {
      env: { PORT: Number(process.env.PORT ?? 3000), HOST: process.env.HOST ?? "localhost" },
      https: false,
      announce: (address) => console.log(`Serving ${buildDir} on ${address}`),
      shutdown: () => {},
    };
const headersFor = app.securityHeaders ?? (() => ({}));
const { PORT, HOST } = runtime.env;

const server = express();
server.disable("x-powered-by");
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
    // A referral link's token is a credential: it never goes into a log.
    const logged = req.path.startsWith("/verwijzing/") ? "/verwijzing/…" : req.path;
    console.log(`${req.method} ${logged} ${res.statusCode} ${ms.toFixed(1)}ms`);
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

server.all(
  "*",
  createRequestHandler({
    build: vite ? loadBuild : build,
    mode: dev ? "development" : "production",
    // The client key is only made when a rate limit asks for it (an HMAC per request otherwise).
    getLoadContext: (req, res) => {
      let key;
      return {
        cspNonce: res.locals.cspNonce,
        get clientKey() {
          return (key ??= clientKey(req));
        },
      };
    },
  }),
);

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
