/**
 * Debian's nginx in front of the built server, for the proxy test and `npm run test:load -- --proxy`: a
 * temporary prefix with its own config, pid, logs and temp folders, a self-signed certificate made with
 * openssl for the run, free ports, and docs/deploy/nginx.conf (the shipped example) rendered into it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, root } from "./server";

export const NGINX = process.env.NGINX ?? "/usr/sbin/nginx";
export const SITE_TEMPLATE = path.join(root, "docs/deploy/nginx.conf");

export type RunningNginx = {
  /** https://127.0.0.1:<port>: TLS, proxied to the server. */
  https: URL;
  /** http://127.0.0.1:<port>: only redirects to https. */
  http: URL;
  accessLog: () => string;
  errorLog: () => string;
  stop: () => Promise<void>;
};

/**
 * The shipped site config with this run's ports, certificate, log file and upstream. Every replaced text
 * must occur in the template, so the test breaks when the example changes shape instead of silently
 * testing something else.
 */
export function renderSite(
  template: string,
  run: { httpPort: number; httpsPort: number; appPort: number; cert: string; key: string; accessLog: string },
): string {
  const replacements: [string, string][] = [
    ["listen 80;", `listen 127.0.0.1:${run.httpPort};`],
    ["listen 443 ssl;", `listen 127.0.0.1:${run.httpsPort} ssl;`],
    ["server 127.0.0.1:3000;", `server 127.0.0.1:${run.appPort};`],
    ["/etc/letsencrypt/live/aanspreekpunt.example.nl/fullchain.pem", run.cert],
    ["/etc/letsencrypt/live/aanspreekpunt.example.nl/privkey.pem", run.key],
    ["/var/log/nginx/aanspreekpunt.access.log", run.accessLog],
  ];
  let site = template;
  for (const [from, to] of replacements) {
    if (!site.includes(from)) throw new Error(`${SITE_TEMPLATE} no longer contains "${from}"`);
    site = site.replaceAll(from, to);
  }
  return site;
}

function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, "cert.pem");
  const key = path.join(dir, "key.pem");
  const res = spawnSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
      ...["-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1"],
      ...["-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
    ],
    { encoding: "utf8" },
  );
  if (res.status !== 0) throw new Error(`openssl could not make a certificate:\n${res.stderr}`);
  return { cert, key };
}

async function waitForNginx(url: URL, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx stopped (${child.exitCode}):\n${log()}`);
    try {
      // The http port answers with a redirect once nginx is ready.
      await fetch(url, { redirect: "manual" });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`nginx did not start within 20 s:\n${log()}`);
}

/** `httpsPort`: when the server must know its public address (PUBLIC_URL) before nginx starts. */
export async function startNginx(opts: { appPort: number; httpsPort?: number }): Promise<RunningNginx> {
  if (!fs.existsSync(NGINX)) {
    throw new Error(`nginx is missing (${NGINX}): apt-get install nginx`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-nginx-"));
  // As root, nginx's workers run as nobody and must reach their temp folders under this directory.
  fs.chmodSync(dir, 0o755);
  const { cert, key } = selfSignedCertificate(dir);
  const httpPort = await freePort();
  const httpsPort = opts.httpsPort ?? (await freePort());
  const accessLog = path.join(dir, "access.log");
  const errorLog = path.join(dir, "error.log");
  fs.writeFileSync(
    path.join(dir, "site.conf"),
    renderSite(fs.readFileSync(SITE_TEMPLATE, "utf8"), {
      httpPort,
      httpsPort,
      appPort: opts.appPort,
      cert,
      key,
      accessLog,
    }),
  );
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((name) => `  ${name}_temp_path ${path.join(dir, name)};`)
    .join("\n");
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      "daemon off;",
      "worker_processes 1;",
      `pid ${path.join(dir, "nginx.pid")};`,
      `error_log ${errorLog} warn;`,
      "events { worker_connections 1024; }",
      "http {",
      temp,
      `  include ${path.join(dir, "site.conf")};`,
      "}",
      "",
    ].join("\n"),
  );
  let output = "";
  const child = spawn(NGINX, ["-p", dir, "-e", errorLog, "-c", path.join(dir, "nginx.conf")], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "");
  const http = new URL(`http://127.0.0.1:${httpPort}`);
  try {
    await waitForNginx(http, child, () => output + read(errorLog));
  } catch (e) {
    child.kill("SIGKILL");
    throw e;
  }
  return {
    https: new URL(`https://127.0.0.1:${httpsPort}`),
    http,
    accessLog: () => read(accessLog),
    errorLog: () => read(errorLog),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        // SIGTERM is nginx's fast shutdown.
        child.kill("SIGTERM");
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
