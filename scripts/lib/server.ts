/**
 * Starting the built server for scripts (benchmarks, the load test): build when the build is missing or
 * older than the sources, pick a free port, spawn `node server.js` in production mode with the given
 * environment and wait until /healthz answers.
 */
import { spawn, spawnSync, type ChildProcess, type StdioOptions } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** What the build is made of: a change to any of these makes build/ stale. */
const buildSources = [
  "app",
  "db",
  "locales",
  "public",
  "vite.config.ts",
  "remix.config.js",
  "package.json",
  "package-lock.json",
];

/** The newest modification time of the build's sources (files and folders, recursively). */
function newestSource(): number {
  let newest = 0;
  for (const name of buildSources) {
    const full = path.join(root, name);
    if (!fs.existsSync(full)) continue;
    newest = Math.max(
      newest,
      fs.statSync(full).isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs,
    );
  }
  return newest;
}

/**
 * `npm run build` when build/ is missing or older than its sources. `npm test` builds once (the security
 * tests come first) and the load and browser tests reuse that build.
 */
export function buildIfNeeded(log: (line: string) => void = console.log) {
  const built = path.join(root, "build/server/index.js");
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newestSource()) return;
  log(fs.existsSync(built) ? "build/ is older than its sources: building…" : "No build yet: building…");
  const res = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (res.status !== 0) throw new Error("The build failed");
}

/** Fresh random secrets, as production needs them. */
export function randomSecrets() {
  return {
    SESSION_SECRET: crypto.randomBytes(32).toString("base64"),
    DATA_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
  };
}

export async function waitForHealth(
  base: string,
  child: ChildProcess,
  timeoutMs = 60_000,
  probe = "/healthz",
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`The server stopped (${child.exitCode ?? child.signalCode})`);
    try {
      if ((await fetch(`${base}${probe}`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The server did not answer ${probe} within ${timeoutMs / 1000} seconds`);
}

export type StartedServer = { base: URL; child: ChildProcess };

/**
 * `node server.js` (NODE_ENV=production, 127.0.0.1, no access log) on `port`, with `env` on top (at least
 * DATABASE_URL and the secrets). Resolves once /healthz answers; kills the child if it never does.
 */
export async function startBuiltServer(opts: {
  port: number;
  env: Record<string, string>;
  stdio?: StdioOptions;
  args?: string[];
  /** Options for node itself, before server.js (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** The address that answers once the server is ready (the minimal benchmark app has no /healthz). */
  probe?: string;
}): Promise<StartedServer> {
  const base = new URL(`http://127.0.0.1:${opts.port}`);
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "server.js", ...(opts.args ?? [])], {
    cwd: root,
    stdio: opts.stdio ?? ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(opts.port),
      HOST: "127.0.0.1",
      PUBLIC_URL: base.origin,
      ACCESS_LOG: "off",
      ...opts.env,
    },
  });
  try {
    await waitForHealth(base.origin, child, 60_000, opts.probe);
  } catch (e) {
    child.kill("SIGKILL");
    throw e;
  }
  return { base, child };
}

/** SIGTERM (a graceful stop) and wait until the process is gone. */
export async function stopServer(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill(signal);
  await exited;
}
