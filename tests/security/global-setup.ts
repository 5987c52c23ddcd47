/**
 * Starts the BUILT server for the security tests: `npm run build` first when build/ is missing or older
 * than the sources, then `node server.js` in production mode on a free port with a fresh database and
 * random keys. The tests get the address and keys through vitest's provide/inject (setup-env.ts).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

const root = path.resolve(import.meta.dirname, "../..");
const serverEntry = path.join(root, "build/server/index.js");

export type SecurityServer = {
  baseUrl: string;
  databaseUrl: string;
  sessionSecret: string;
  dataEncryptionKey: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    securityServer: SecurityServer;
  }
}

/** The newest modification time under the given paths (files and folders, recursively). */
function newest(paths: string[]): number {
  let max = 0;
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== "node_modules") visit(path.join(p, name));
    } else {
      max = Math.max(max, st.mtimeMs);
    }
  };
  for (const p of paths) visit(path.join(root, p));
  return max;
}

function buildIfStale() {
  const sources = newest([
    "app",
    "db",
    "locales",
    "public",
    "vite.config.ts",
    "remix.config.js",
    "package.json",
    "package-lock.json",
  ]);
  const built = fs.existsSync(serverEntry) ? fs.statSync(serverEntry).mtimeMs : 0;
  if (built >= sources) return;
  console.log(built ? "build/ is older than the sources: building…" : "No build yet: building…");
  const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm run build failed");
}

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

async function waitForHealth(url: string, child: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server stopped (${child.exitCode}):\n${stderr()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`The server did not answer ${url} within 60 s:\n${stderr()}`);
}

let child: ChildProcess | undefined;

export default async function setup(project: TestProject) {
  buildIfStale();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-security-"));
  const server: SecurityServer = {
    baseUrl,
    databaseUrl: path.join(dir, "security.db"),
    sessionSecret: crypto.randomBytes(32).toString("base64"),
    dataEncryptionKey: crypto.randomBytes(32).toString("base64"),
  };
  let errors = "";
  child = spawn(process.execPath, ["server.js"], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: baseUrl,
      DATABASE_URL: server.databaseUrl,
      SESSION_SECRET: server.sessionSecret,
      DATA_ENCRYPTION_KEY: server.dataEncryptionKey,
      QUICK_EXIT_URL: "https://neutral.example/",
      ACCESS_LOG: "off",
      FINISH_LIMIT_PER_10_MIN: "1000",
      DRAFT_LIMIT_PER_HOUR: "100000",
      // Queued mail stays in the outbox table (no worker run during the tests).
      OUTBOX_INTERVAL_MS: "3600000",
    },
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
    if (process.env.SECURITY_SERVER_LOG) process.stderr.write(chunk);
  });
  await waitForHealth(`${baseUrl}/healthz`, child, () => errors);
  project.provide("securityServer", server);

  return async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once("exit", () => resolve());
      c.kill("SIGTERM");
      setTimeout(() => {
        c.kill("SIGKILL");
        resolve();
      }, 12_000).unref();
    });
    fs.rmSync(dir, { recursive: true, force: true });
    // A failure on the server (a 500, an unhandled rejection) leaves a stack trace on its stderr. Any
    // input the tests send is the visitor's mistake, never the server's: the run fails when it logged one.
    if (errors.trim() !== "") {
      throw new Error(`The server logged errors during the security tests:\n${errors.slice(0, 4000)}`);
    }
  };
}
