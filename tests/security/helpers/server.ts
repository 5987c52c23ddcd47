/**
 * Starting the BUILT server (`node server.js`, production mode, a fresh database, random keys) on a free
 * port: for the whole security run (global-setup.ts) and for test files that need a server of their own
 * (other settings, or its log to read).
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../../..");

export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, host, () => {
      const address = s.address();
      s.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function waitFor(url: string, child: ChildProcess, log: () => string, init?: RequestInit) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${url}: the process stopped (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(url, init);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not answer within 60 s:\n${log()}`);
}

/** Ends a child process: SIGTERM, then SIGKILL after a grace period. */
export function stopProcess(child: ChildProcess, graceMs = 12_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, graceMs).unref();
  });
}

/** The environment of a built server under test: production mode on 127.0.0.1 with the given keys. */
export function serverEnv(o: {
  port: number;
  databaseUrl: string;
  sessionSecret: string;
  dataEncryptionKey: string;
}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(o.port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${o.port}`,
    DATABASE_URL: o.databaseUrl,
    SESSION_SECRET: o.sessionSecret,
    DATA_ENCRYPTION_KEY: o.dataEncryptionKey,
    QUICK_EXIT_URL: "https://neutral.example/",
    // Queued mail stays in the outbox table (no worker run during the tests).
    OUTBOX_INTERVAL_MS: "3600000",
  };
}

export type StartedServer = {
  baseUrl: string;
  port: number;
  pid: number;
  databaseUrl: string;
  sessionSecret: string;
  dataEncryptionKey: string;
  /** What the server wrote to stdout (the access log) and stderr (errors) so far. */
  stdout: () => string;
  stderr: () => string;
  stop: () => Promise<void>;
};

export async function startServer(
  opts: { env?: Record<string, string>; publicUrl?: (port: number) => string } = {},
): Promise<StartedServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-security-"));
  const databaseUrl = path.join(dir, "security.db");
  const sessionSecret = crypto.randomBytes(32).toString("base64");
  const dataEncryptionKey = crypto.randomBytes(32).toString("base64");
  let stdout = "";
  let stderr = "";
  const child = spawn(process.execPath, ["server.js"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...serverEnv({ port, databaseUrl, sessionSecret, dataEncryptionKey }),
      PUBLIC_URL: opts.publicUrl?.(port) ?? baseUrl,
      ...opts.env,
    },
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    if (process.env.SECURITY_SERVER_LOG) process.stderr.write(chunk);
  });
  await waitFor(`${baseUrl}/healthz`, child, () => stderr);
  return {
    baseUrl,
    port,
    pid: child.pid!,
    databaseUrl,
    sessionSecret,
    dataEncryptionKey,
    stdout: () => stdout,
    stderr: () => stderr,
    stop: async () => {
      await stopProcess(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
