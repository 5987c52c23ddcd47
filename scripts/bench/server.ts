/** Builds and starts the servers the benchmark measures: the app and the minimal Remix baseline, both via server.js. */
import { spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  buildIfNeeded as buildApp,
  freePort,
  newestMtime,
  root,
  startBuiltServer,
  stopServer,
} from "../lib/server";

export { freePort, root };

/** The app into build/, the minimal baseline app into build-minimal/, each only when missing or stale. */
export function buildIfNeeded() {
  buildApp();
  const built = path.join(root, "build-minimal/server/index.js");
  if (
    fs.existsSync(built) &&
    fs.statSync(built).mtimeMs >= newestMtime(path.join(root, "scripts/bench/minimal"))
  )
    return;
  console.log("Building the minimal Remix app (the build is missing or older than the sources)…");
  const args = ["remix", "vite:build", "--config", "scripts/bench/minimal/vite.config.ts"];
  const res = spawnSync("npx", args, { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (res.status !== 0) throw new Error("The build of the minimal Remix app failed");
}

export type Server = { base: URL; child: ChildProcess; stop: () => Promise<void> };

/** `node server.js [--build DIR]` in production mode on a free loopback port, ready to answer. */
export async function startServer(
  opts: { buildDir?: string; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<Server> {
  const { base, child } = await startBuiltServer({
    port: await freePort(),
    env: opts.env ?? {},
    args: opts.buildDir ? ["--build", opts.buildDir] : [],
    nodeArgs: opts.nodeArgs,
    probe: opts.buildDir ? "/" : "/healthz",
  });
  return { base, child, stop: () => stopServer(child) };
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
