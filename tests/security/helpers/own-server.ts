/**
 * A second built server of a test's own, on a free port and a database file the test chooses, with the
 * keys of the main server under test (so this process's app modules can seed data for it). For tests that
 * restart a server or start two on one file; everything else uses the server global-setup.ts started.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { inject } from "vitest";
import { freePort, root, serverEnv, waitFor } from "./server";

export type OwnServer = {
  baseUrl: string;
  child: ChildProcess;
  stderr: () => string;
  stdout: () => string;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

/** Spawns `node server.js` on `databaseUrl`; does not wait for it to answer (see `whenHealthy`). */
export async function spawnServer(databaseUrl: string): Promise<OwnServer> {
  const keys = inject("securityServer");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let out = "";
  let err = "";
  const child = spawn(process.execPath, ["server.js"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...serverEnv({
        port,
        databaseUrl,
        sessionSecret: keys.sessionSecret,
        dataEncryptionKey: keys.dataEncryptionKey,
      }),
      ACCESS_LOG: "off",
    },
  });
  child.stdout?.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    baseUrl,
    child,
    stderr: () => err,
    stdout: () => out,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}

/** Waits until the server answers /healthz; fails with its stderr when it stops first. */
export async function whenHealthy(server: OwnServer): Promise<OwnServer> {
  await waitFor(`${server.baseUrl}/healthz`, server.child, server.stderr);
  return server;
}

export async function startServer(databaseUrl: string): Promise<OwnServer> {
  return whenHealthy(await spawnServer(databaseUrl));
}
