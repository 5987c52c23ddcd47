/**
 * `npm run test:load`: load and fault test of the built server (issue 8).
 *
 *   1. Load: N reporters finish intakes for S seconds. No 5xx; the cases made equal the receipts shown,
 *      no duplicate, every receipt's case present.
 *   2. Crash: the same load; the server is killed (SIGKILL) at a random moment in the middle and started
 *      again on the same database. integrity_check is ok; every case whose receipt was shown is present
 *      and its story decrypts; the statistics count every case once; the restarted server serves again.
 *   3. SMTP outage: referrals are made while the SMTP server refuses connections, then answers 451, then
 *      is back: every referral mail arrives exactly once. Then the server is killed while SMTP holds a
 *      mail's answer: that mail is not sent again after the restart (at most once, shown as uncertain),
 *      the others arrive exactly once.
 *
 *   npm run test:load -- --reporters 200 --seconds 60 [--crash-seconds 30] [--referrals 20]
 *                        [--outage-seconds 5] [--phases 1,2,3] [--proxy]
 *
 * `--proxy`: the reporters go through Debian's nginx over https (docs/deploy/nginx.conf, a self-signed
 * certificate; scripts/lib/nginx.ts) and the server runs with TRUST_PROXY, as in production. nginx stays
 * up when the server is killed; its 502s meanwhile count as connection errors.
 *
 * Exit code 0 only when every check passes. See README ("Load and fault test").
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb } from "~/server/db.server";
import { percentile } from "../bench/stats";
import { startNginx, type RunningNginx } from "../lib/nginx";
import { buildIfNeeded, freePort, randomSecrets, startBuiltServer, stopServer } from "../lib/server";
import { startSmtpSink, type SmtpSink } from "../lib/smtp-sink";
import { auditCases, countsMatchCases, integrityCheck, maxCaseId, type Check } from "./checks";
import { arrivals, referenceOf, referralMails, referralMaker, referralStatus, waitFor } from "./mail";
import { newStats, progress, runReporters, type LoadStats } from "./reporters";

function option(name: string, fallback: number): number;
function option(name: string, fallback: string): string;
function option(name: string, fallback: number | string): number | string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (value === undefined) return fallback;
  if (typeof fallback === "string") return value;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number`);
  return n;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The built server on a fixed port and database, which can be killed and started again. */
class AppServer {
  child?: ChildProcess;
  readonly stderr: string[] = [];
  constructor(
    readonly port: number,
    readonly env: Record<string, string>,
  ) {}

  get base() {
    return new URL(`http://127.0.0.1:${this.port}`);
  }

  async start() {
    const { child } = await startBuiltServer({
      port: this.port,
      env: this.env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    this.child = child;
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      for (const line of chunk.split("\n").filter(Boolean)) {
        if (this.stderr.length < 20) console.log(`  [server] ${line}`);
        this.stderr.push(line);
      }
    });
  }

  /** SIGKILL: no shutdown code runs, as on a crash or an OOM kill. */
  async kill() {
    if (this.child) await stopServer(this.child, "SIGKILL");
  }

  async stop() {
    if (this.child) await stopServer(this.child);
  }
}

type Context = {
  server: AppServer;
  /** Where the reporters send their requests: the server, or nginx in front of it (--proxy). */
  base: URL;
  sink: SmtpSink;
  file: string;
  reporters: number;
  check: (name: string, ok: boolean, detail: string) => void;
};

function loadLine(stats: LoadStats, seconds: number) {
  const finish = [...stats.timings.finishMs].sort((a, b) => a - b);
  const byStatus = [...stats.byStatus]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(" ");
  console.log(
    `  ${stats.receipts.length} receipts in ${seconds.toFixed(0)} s (${(stats.receipts.length / seconds).toFixed(1)}/s), ` +
      `"send" p50 ${percentile(finish, 50).toFixed(0)} ms p95 ${percentile(finish, 95).toFixed(0)} ms; ` +
      `answers ${byStatus}; ${stats.connectionErrors} connection errors, ${stats.failures} other failures`,
  );
  for (const sample of stats.failureSamples) console.log(`    failure: ${sample}`);
}

async function phaseLoad(ctx: Context, seconds: number) {
  console.log(`\n1. Load: ${ctx.reporters} reporters finishing intakes for ${seconds} s`);
  const before = maxCaseId(ctx.file);
  const stats = newStats();
  const started = Date.now();
  const end = started + seconds * 1000;
  const stop = progress("load", stats);
  await runReporters({
    base: ctx.base,
    reporters: ctx.reporters,
    firstIndex: 0,
    keepGoing: () => Date.now() < end,
    stats,
  });
  stop();
  loadLine(stats, (Date.now() - started) / 1000);
  const audit = auditCases(ctx.file, before, stats.receipts);
  ctx.check("no 5xx", stats.serverErrors === 0, `${stats.serverErrors} of ${stats.answers} answers`);
  ctx.check(
    "no failed or refused request",
    stats.failures === 0 && stats.connectionErrors === 0,
    `${stats.failures} failures, ${stats.connectionErrors} connection errors`,
  );
  ctx.check("receipts returned", stats.receipts.length > 0, `${stats.receipts.length}`);
  ctx.check(
    "cases in the database = receipts",
    audit.cases === stats.receipts.length,
    `${audit.cases} cases, ${stats.receipts.length} receipts`,
  );
  ctx.check(
    "no duplicates",
    audit.duplicateCodes === 0 && audit.duplicateReceipts === 0,
    `${audit.duplicateCodes} duplicate codes, ${audit.duplicateReceipts} receipts shown twice`,
  );
  ctx.check(
    "every receipt's case present",
    audit.missing.length === 0,
    `${audit.missing.length} missing${audit.missing.length ? `: ${audit.missing.slice(0, 5).join(", ")}` : ""}`,
  );
}

async function phaseCrash(ctx: Context, seconds: number, resumeSeconds: number) {
  const killAfter = Math.round((0.3 + 0.4 * Math.random()) * seconds * 1000);
  console.log(
    `\n2. Crash: the same load for ${seconds} s, SIGKILL after ${(killAfter / 1000).toFixed(1)} s, ` +
      `restart on the same database, at least ${resumeSeconds} s of load after it`,
  );
  const before = maxCaseId(ctx.file);
  const stats = newStats();
  const started = Date.now();
  const end = started + seconds * 1000;
  let restartedAt: number | undefined;
  const keepGoing = () =>
    Date.now() < end || restartedAt === undefined || Date.now() < restartedAt + resumeSeconds * 1000;
  const stop = progress("crash", stats);
  const load = runReporters({
    base: ctx.base,
    reporters: ctx.reporters,
    firstIndex: 1_000_000,
    keepGoing,
    stats,
  });
  let killedAt = 0;
  try {
    await sleep(killAfter);
    // On a busy machine the first receipts may come late: a kill before any would prove nothing.
    while (stats.receipts.length === 0) await sleep(100);
    await ctx.server.kill();
    killedAt = Date.now();
    const shownBeforeKill = stats.receipts.length;
    console.log(`  killed (SIGKILL) with ${shownBeforeKill} receipts shown; starting again…`);
    await ctx.server.start();
    restartedAt = Date.now();
    console.log(`  serving again after ${((restartedAt - killedAt) / 1000).toFixed(1)} s`);
  } finally {
    restartedAt ??= 0;
    await load;
    stop();
  }
  loadLine(stats, (Date.now() - started) / 1000);
  const beforeKill = stats.receipts.filter((r) => r.at < killedAt);
  const afterRestart = stats.receipts.filter((r) => r.at >= restartedAt!);
  const integrity = integrityCheck(ctx.file);
  ctx.check("PRAGMA integrity_check", integrity === "ok", integrity);
  const early = auditCases(ctx.file, before, beforeKill, { decrypt: true });
  ctx.check(
    "every receipt shown before the kill: case present",
    early.missing.length === 0,
    `${beforeKill.length - early.missing.length} of ${beforeKill.length}`,
  );
  ctx.check(
    "… and its story decrypts",
    early.undecryptable.length === 0 && beforeKill.length > 0,
    `${beforeKill.length - early.missing.length - early.undecryptable.length} of ${beforeKill.length}`,
  );
  const all = auditCases(ctx.file, before, stats.receipts, { decrypt: true });
  ctx.check(
    "every receipt of the phase: case present and decrypts",
    all.missing.length === 0 && all.undecryptable.length === 0,
    `${all.missing.length} missing, ${all.undecryptable.length} not decrypting, of ${stats.receipts.length}`,
  );
  ctx.check(
    "no duplicates",
    all.duplicateCodes === 0 && all.duplicateReceipts === 0,
    `${all.duplicateCodes} duplicate codes, ${all.duplicateReceipts} receipts shown twice; ` +
      `${all.cases - stats.receipts.length} cases made whose receipt the kill cut off`,
  );
  const counts = countsMatchCases(ctx.file);
  ctx.check(
    "the statistics count every case once",
    counts.wrong.length === 0 && counts.months > 0,
    counts.wrong.length === 0 ? `${counts.months} months` : counts.wrong.join("; "),
  );
  ctx.check("serves again after the restart", afterRestart.length > 0, `${afterRestart.length} receipts`);
  ctx.check("no 5xx", stats.serverErrors === 0, `${stats.serverErrors} of ${stats.answers} answers`);
  ctx.check(
    "only connection errors (none other)",
    stats.failures === 0,
    `${stats.connectionErrors} connection errors (expected around the kill), ${stats.failures} other failures`,
  );
}

async function phaseMail(ctx: Context, perBatch: number, outageSeconds: number) {
  console.log(
    `\n3. SMTP outage: ${perBatch} referrals with SMTP up, ${perBatch} with connections refused for ` +
      `${outageSeconds} s, ${perBatch} with 451 answers for ${outageSeconds} s, then SMTP back`,
  );
  const { sink, file } = ctx;
  const refer = referralMaker();
  const ids: number[] = [];
  const batch = () => {
    for (let i = 0; i < perBatch; i++) ids.push(refer());
  };
  await sink.up();
  sink.mode = "accept";
  batch();
  const mails = () => referralMails(file);
  const pending = () => ids.filter((id) => mails().get(id)?.status !== "sent").length;
  // The first batch goes out on the normal path before the outage starts.
  await waitFor(
    () => pending() === 0,
    60_000,
    () => `${pending()} of the first ${perBatch} mails to go`,
  );
  await sink.down();
  batch();
  await sleep(outageSeconds * 1000);
  sink.mode = "tempfail";
  await sink.up();
  batch();
  await sleep(outageSeconds * 1000);
  sink.mode = "accept";
  console.log(`  SMTP back; ${pending()} of ${ids.length} mails still to go (the outbox retries after 30 s)`);
  const drained = await waitFor(
    () => pending() === 0,
    240_000,
    () => `${pending()} of ${ids.length} mails still to go, ${sink.received.length} arrived`,
  );
  // A few more worker turns: a mail sent twice would show now.
  await sleep(2_000);
  const rows = mails();
  const got = arrivals(sink);
  const retried = ids.filter((id) => (rows.get(id)?.attempts ?? 0) > 1).length;
  ctx.check("outbox drained", drained, `${ids.length - pending()} of ${ids.length} mails sent`);
  const once = ids.filter((id) => got.get(id) === 1).length;
  const twice = ids.filter((id) => (got.get(id) ?? 0) > 1).length;
  const never = ids.filter((id) => !got.get(id)).length;
  ctx.check(
    "every referral mail arrived exactly once",
    once === ids.length,
    `${once} once, ${never} never, ${twice} more than once; ${retried} needed a retry`,
  );
  ctx.check(
    "referrals marked sent",
    ids.every((id) => referralStatus(file, id) === "sent"),
    `${ids.filter((id) => referralStatus(file, id) === "sent").length} of ${ids.length}`,
  );

  // A kill while SMTP holds its answer to a mail: the design promises at most once (docs/decisions).
  console.log("  SIGKILL while SMTP holds its answer to a referral mail, then restart");
  const more: number[] = [];
  sink.holdMs = 3_000;
  let caught: number | undefined;
  const inFlight = new Promise<void>((resolve) => {
    sink.onReceived = (mail) => {
      const ref = Number(referenceOf(mail));
      if (caught === undefined && more.includes(ref)) {
        caught = ref;
        resolve();
      }
    };
  });
  for (let i = 0; i < 5; i++) more.push(refer());
  const arrived = await Promise.race([inFlight.then(() => true), sleep(30_000).then(() => false)]);
  await ctx.server.kill();
  sink.onReceived = undefined;
  sink.holdMs = 0;
  ctx.check("a mail was in flight at the kill", arrived, caught ? `R-${caught}` : "none within 30 s");
  await ctx.server.start();
  const rest = more.filter((id) => id !== caught);
  await waitFor(
    () => rest.every((id) => mails().get(id)?.status === "sent"),
    60_000,
    () => `${rest.filter((id) => mails().get(id)?.status !== "sent").length} mails still to go`,
  );
  await sleep(3_000);
  const after = arrivals(sink);
  const rowsAfter = mails();
  if (caught !== undefined) {
    ctx.check(
      "the mail in flight is not sent again (at most once)",
      after.get(caught) === 1 && rowsAfter.get(caught)?.status === "sending",
      `arrived ${after.get(caught) ?? 0}×, outbox status ${rowsAfter.get(caught)?.status} (shown as uncertain)`,
    );
  }
  ctx.check(
    "the other mails arrive exactly once after the restart",
    rest.every((id) => after.get(id) === 1 && rowsAfter.get(id)?.status === "sent"),
    `${rest.filter((id) => after.get(id) === 1).length} of ${rest.length}`,
  );
  const earlier = ids.filter((id) => after.get(id) !== 1).length;
  ctx.check("no earlier mail sent again after the restart", earlier === 0, `${earlier} changed`);
}

async function main() {
  const reporters = option("reporters", 200);
  const seconds = option("seconds", 60);
  const crashSeconds = option("crash-seconds", Math.max(10, Math.round(seconds / 2)));
  const perBatch = option("referrals", 20);
  const outageSeconds = option("outage-seconds", 5);
  const phases = new Set(option("phases", "1,2,3").split(","));
  const proxy = process.argv.includes("--proxy");
  const startedAt = Date.now();

  buildIfNeeded();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-load-"));
  const file = path.join(dir, "load.db");
  const port = await freePort();
  const httpsPort = await freePort();
  const sink = await startSmtpSink();
  const env = {
    DATABASE_URL: file,
    ...randomSecrets(),
    PUBLIC_URL: proxy ? `https://127.0.0.1:${httpsPort}` : `http://127.0.0.1:${port}`,
    // nginx connects from 127.0.0.1 and passes each reporter's own loopback address on.
    ...(proxy ? { TRUST_PROXY: "127.0.0.1" } : {}),
    SMTP_URL: sink.url,
    OUTBOX_INTERVAL_MS: "200",
    // Each reporter finishes many intakes from its own address: far more than a person would.
    FINISH_LIMIT_PER_10_MIN: "1000000",
    DRAFT_LIMIT_PER_HOUR: "1000000",
  };
  // This process reads and writes the same database with the same key (checks, decryption, referrals).
  Object.assign(process.env, env, { NODE_ENV: "production" });
  const server = new AppServer(port, env);
  let nginx: RunningNginx | undefined;

  const checks: Check[] = [];
  let phase = "";
  const ctx: Context = {
    server,
    base: server.base,
    sink,
    file,
    reporters,
    check(name, ok, detail) {
      checks.push({ phase, name, ok, detail });
      console.log(`  ${ok ? "ok  " : "FAIL"} ${name}: ${detail}`);
    },
  };
  const interrupted = () => {
    server.child?.kill("SIGKILL");
    void nginx?.stop();
    process.exit(130);
  };
  process.once("SIGINT", interrupted);

  let failed: unknown;
  try {
    await server.start();
    if (proxy) {
      nginx = await startNginx({ appPort: port, httpsPort });
      ctx.base = nginx.https;
    }
    console.log(
      `Load and fault test against ${ctx.base.origin}${proxy ? ` (nginx in front of ${server.base.origin})` : ""} (node ${process.version}, ${os.cpus().length} CPUs, ` +
        `load average ${os.loadavg()[0]!.toFixed(1)}); database ${file}`,
    );
    if (phases.has("1")) {
      phase = "1 load";
      await phaseLoad(ctx, seconds);
    }
    if (phases.has("2")) {
      phase = "2 crash";
      await phaseCrash(ctx, crashSeconds, 5);
    }
    if (phases.has("3")) {
      phase = "3 smtp";
      await phaseMail(ctx, perBatch, outageSeconds);
    }
  } catch (e) {
    failed = e;
    ctx.check("ran to the end", false, e instanceof Error ? e.message : String(e));
    if (process.env.LOAD_DEBUG) console.error(e);
  } finally {
    await nginx?.stop();
    await server.stop();
    await sink.down();
    closeDb();
  }

  const ok = checks.length > 0 && checks.every((c) => c.ok) && failed === undefined;
  console.log(`\nSummary (${reporters} reporters, ${seconds} s load, ${crashSeconds} s crash phase)`);
  console.log(`${"phase".padEnd(9)} ${"check".padEnd(54)} result`);
  for (const c of checks)
    console.log(`${c.phase.padEnd(9)} ${c.name.padEnd(54)} ${c.ok ? "ok  " : "FAIL"} ${c.detail}`);
  if (server.stderr.length > 0) console.log(`The server wrote ${server.stderr.length} lines to stderr.`);
  console.log(
    `\n${ok ? "All checks passed" : "FAILED"} in ${((Date.now() - startedAt) / 1000).toFixed(0)} s ` +
      `(load average now ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}).`,
  );
  if (ok) fs.rmSync(dir, { recursive: true, force: true });
  else console.log(`The database is kept for inspection: ${file}`);
  process.exit(ok ? 0 : 1);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
