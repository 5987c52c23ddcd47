/**
 * Benchmark of the back office: seeds 100,000 realistic cases into a fresh temporary database, starts the
 * built server on it, signs in (a staff account and session made directly in the database) and measures
 * the queue and the case page. Budget: p95 ≤ 100 ms for each.
 *
 *   npx tsx scripts/bench/staff.ts            (builds first when there is no build)
 *   BENCH_CASES=20000 BENCH_REQUESTS=100 npx tsx scripts/bench/staff.ts
 *
 * Requests are sent one after another (no concurrency), so the figures are the server's own time per page
 * plus the loopback round trip. run() returns the figures for scripts/bench/index.ts.
 */
import type { ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildIfNeeded, freePort, startBuiltServer, stopServer } from "../lib/server";

export const BUDGET_P95_MS = 100;

export type BenchResult = {
  name: string;
  requests: number;
  p50: number;
  p95: number;
  max: number;
  /** The server's own CPU time per request (Linux only): a figure other load on the machine hardly moves. */
  cpuPerRequest?: number;
  ok: boolean;
};

/** CPU milliseconds a process has used so far, from /proc (Linux); undefined elsewhere. */
function processCpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

async function measure(
  name: string,
  urls: () => string,
  cookie: string,
  requests: number,
  serverPid?: number,
): Promise<BenchResult> {
  const times: number[] = [];
  for (let i = 0; i < Math.min(20, requests); i++)
    await (await fetch(urls(), { headers: { Cookie: cookie } })).text();
  const cpuBefore = processCpuMs(serverPid);
  for (let i = 0; i < requests; i++) {
    const url = urls();
    const start = performance.now();
    const res = await fetch(url, { headers: { Cookie: cookie }, redirect: "manual" });
    await res.text();
    times.push(performance.now() - start);
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  }
  const cpuAfter = processCpuMs(serverPid);
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  return {
    name,
    requests,
    p50: Math.round(percentile(times, 50) * 10) / 10,
    p95: Math.round(p95 * 10) / 10,
    max: Math.round(times.at(-1)! * 10) / 10,
    cpuPerRequest:
      cpuBefore !== undefined && cpuAfter !== undefined
        ? Math.round(((cpuAfter - cpuBefore) / requests) * 10) / 10
        : undefined,
    ok: p95 <= BUDGET_P95_MS,
  };
}

export async function run(
  opts: { cases?: number; requests?: number; log?: (line: string) => void } = {},
): Promise<BenchResult[]> {
  const cases = opts.cases ?? Number(process.env.BENCH_CASES ?? 100_000);
  const requests = opts.requests ?? Number(process.env.BENCH_REQUESTS ?? 300);
  const log = opts.log ?? ((line: string) => console.log(line));

  buildIfNeeded(log);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-bench-staff-"));
  const env = {
    DATABASE_URL: path.join(dir, "bench.db"),
    SESSION_SECRET: crypto.randomBytes(32).toString("base64"),
    DATA_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
  };
  // This process writes the encrypted seed with the same key the server reads it with.
  Object.assign(process.env, env, { NODE_ENV: "test", PUBLIC_URL: "http://127.0.0.1" });
  const { openDatabase, prepareDatabase, setDb, closeDb, schema } =
    await import("../../app/server/db.server");
  const { seedManyCases } = await import("../../app/server/dev-seed.server");
  const { hashPassword, newTotpSecret } = await import("../../app/server/staff-auth.server");
  const { encrypt } = await import("../../app/server/crypto.server");
  const { startSession } = await import("../../app/server/staff-session.server");

  let server: ChildProcess | undefined;
  try {
    const db = openDatabase(env.DATABASE_URL);
    setDb(db);
    prepareDatabase(db);
    const staffIds: number[] = [];
    for (const [i, role] of (
      ["coordinator", "ombudsworker", "ombudsworker", "ombudsworker"] as const
    ).entries()) {
      const row = db
        .insert(schema.staff)
        .values({
          name: `Bench ${role} ${i}`,
          email: `bench-${i}@example.org`,
          passwordHash: await hashPassword(crypto.randomBytes(16).toString("hex")),
          totpSecretEnc: encrypt(newTotpSecret()),
          role,
          createdAt: Date.now(),
        })
        .returning({ id: schema.staff.id })
        .get();
      staffIds.push(row.id);
    }

    const started = Date.now();
    const progress = (done: number) => {
      const s = ((Date.now() - started) / 1000).toFixed(0);
      const line = `Seeding cases: ${done.toLocaleString("en")} / ${cases.toLocaleString("en")} (${s} s)`;
      if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
      else if (done % 10_000 === 0 || done === cases) log(line);
    };
    seedManyCases(db, cases, { staffIds, onProgress: progress });
    if (process.stdout.isTTY) process.stdout.write("\n");
    const setCookie = startSession(db, staffIds[1]!, true);
    const cookie = setCookie.split(";")[0]!;
    const caseIds = db
      .select({ id: schema.cases.id })
      .from(schema.cases)
      .all()
      .map((r) => r.id);
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    closeDb();

    const running = await startBuiltServer({ port: await freePort(), env });
    server = running.child;
    const base = running.base.origin;
    log(`Server on ${base}; ${requests} requests per page, one at a time, after 20 to warm up.`);

    const queueViews = [
      "",
      "?page=2",
      "?page=40",
      "?kind=complaint",
      "?overdue=1",
      "?assignee=mine",
      "?assignee=nobody&sort=oldest",
      "?unit=1&urgent=1",
      "?status=waiting",
      "?status=all&sort=newest",
    ];
    let q = 0;
    let c = 0;
    const results = [
      await measure("queue (default view)", () => `${base}/medewerker`, cookie, requests, server.pid),
      await measure(
        "queue (10 filtered views)",
        () => `${base}/medewerker${queueViews[q++ % queueViews.length]}`,
        cookie,
        requests,
        server.pid,
      ),
      await measure(
        "case page",
        () => `${base}/medewerker/zaken/${caseIds[(c++ * 7919) % caseIds.length]}`,
        cookie,
        requests,
        server.pid,
      ),
    ];
    log("");
    log(`Staff pages with ${cases.toLocaleString("en")} cases (budget p95 ≤ ${BUDGET_P95_MS} ms):`);
    for (const r of results) {
      const cpu =
        r.cpuPerRequest !== undefined
          ? `   server CPU ${String(r.cpuPerRequest).padStart(5)} ms/request`
          : "";
      log(
        `  ${r.name.padEnd(26)} p50 ${String(r.p50).padStart(6)} ms   p95 ${String(r.p95).padStart(6)} ms   max ${String(r.max).padStart(6)} ms${cpu}   ${r.ok ? "within budget" : "OVER BUDGET"}`,
      );
    }
    const load = os.loadavg()[0]!;
    if (load > os.cpus().length) {
      log(
        `  (load average ${load.toFixed(1)} on ${os.cpus().length} CPUs: other work on this machine slows every request)`,
      );
    }
    return results;
  } finally {
    if (server) await stopServer(server);
    closeDb();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  run()
    .then((results) => process.exit(results.every((r) => r.ok) ? 0 : 1))
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
