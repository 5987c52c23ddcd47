/**
 * A second built server of a test's own, on a free port and a database file the test chooses, with the
 * keys of the main server under test (so this process's app modules can seed data for it). For tests that
 * restart a server or start two on one file; everything else uses the server global-setup.ts started.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { inject } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");

export type OwnServer = {
  baseUrl: string;
  child: ChildProcess;
  stderr: () => string;
  stdout: () => string;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

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
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: baseUrl,
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: keys.sessionSecret,
      DATA_ENCRYPTION_KEY: keys.dataEncryptionKey,
      QUICK_EXIT_URL: "https://neutral.example/",
      ACCESS_LOG: "off",
      OUTBOX_INTERVAL_MS: "3600000",
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
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) {
      throw new Error(`The server stopped (${server.child.exitCode}):\n${server.stderr()}`);
    }
    try {
      if ((await fetch(`${server.baseUrl}/healthz`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`The server did not answer within 60 s:\n${server.stderr()}`);
}

export async function startServer(databaseUrl: string): Promise<OwnServer> {
  return whenHealthy(await spawnServer(databaseUrl));
}
