/** Builds and starts the servers the benchmark measures: the app and the minimal Remix baseline, both via server.js. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function build(label: string, built: string, sources: string[], args: string[]) {
  const newest = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newest) return;
  console.log(`Building ${label} (the build is missing or older than the sources)…`);
  const res = spawnSync("npx", args, { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (res.status !== 0) throw new Error(`The build of ${label} failed`);
}

/** The app into build/, the minimal baseline app into build-minimal/, each only when missing or stale. */
export function buildIfNeeded() {
  build("the app", path.join(root, "build/server/index.js"), ["app", "locales"], ["remix", "vite:build"]);
  build(
    "the minimal Remix app",
    path.join(root, "build-minimal/server/index.js"),
    ["scripts/bench/minimal"],
    ["remix", "vite:build", "--config", "scripts/bench/minimal/vite.config.ts"],
  );
}

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

export type Server = { base: URL; child: ChildProcess; stop: () => Promise<void> };

/** `node server.js [--build DIR]` in production mode on a free loopback port; resolves once /healthz (or /) answers. */
export async function startServer(
  opts: { buildDir?: string; env?: Record<string, string> } = {},
): Promise<Server> {
  const port = await freePort();
  const base = new URL(`http://127.0.0.1:${port}`);
  const args = ["server.js", ...(opts.buildDir ? ["--build", opts.buildDir] : [])];
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      ...opts.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: base.origin,
      ACCESS_LOG: "off",
    },
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  const probe = opts.buildDir ? "/" : "/healthz";
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server stopped with code ${child.exitCode}`);
    try {
      if ((await fetch(base.origin + probe)).ok) return { base, child, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`The server did not answer ${probe} within 60 seconds`);
}

/** CPU milliseconds a process has used so far, from /proc (Linux); undefined elsewhere. */
export function processCpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** One line about the machine: CPU model, cores, memory, load average, Node. */
export function machine(): string {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
  return (
    `${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `${os.type()} ${os.release()}, Node ${process.version}; load average ${load} (1, 5, 15 min)`
  );
}
