/**
 * `npm run bench`: builds when the build is missing or older than the sources, starts the built server
 * (`node server.js`) on a free port with a fresh temporary database and its own secrets, measures every
 * row of budgets.ts it knows, prints p50/p95 against the budget, and exits 1 when a p95 is over.
 *
 *   npm run bench -- --sequential 60 --concurrent 120 --at-once 4
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded, freePort, randomSecrets, startBuiltServer, stopServer } from "../lib/server";
import { budgets } from "./budgets";
import { percentile } from "./http";
import { concurrent, finish, prepare, sequential, sourceAddress, type SubmitTimings } from "./submit";

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function startServer(): Promise<{ base: URL; child: ChildProcess; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-bench-"));
  const { base, child } = await startBuiltServer({
    port: await freePort(),
    env: { DATABASE_URL: path.join(dir, "bench.db"), ...randomSecrets() },
  });
  return { base, child, dir };
}

function row(label: string, values: number[], budget?: number) {
  const sorted = [...values].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  const verdict = budget === undefined ? "" : p95 <= budget ? `within ${budget} ms` : `OVER ${budget} ms`;
  console.log(
    `${label.padEnd(78)} n=${String(values.length).padStart(4)}  p50 ${p50.toFixed(1).padStart(6)} ms  p95 ${p95
      .toFixed(1)
      .padStart(6)} ms  ${verdict}`,
  );
  return budget === undefined || p95 <= budget;
}

async function main() {
  const sequentialCount = Number(option("sequential", "60"));
  const concurrentCount = Number(option("concurrent", "120"));
  const atOnce = Number(option("at-once", "4"));
  const atOnceMore = atOnce * 2;
  buildIfNeeded();
  const { base, child, dir } = await startServer();
  try {
    try {
      const none: SubmitTimings = { finishMs: [], stepMs: [] };
      await finish(await prepare(base, 0, none), none);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EADDRNOTAVAIL") {
        throw new Error(
          `Cannot send from ${sourceAddress(0)}: this benchmark gives every visitor its own loopback address ` +
            "(Linux routes all of 127.0.0.0/8 to the loopback interface; other systems may not).",
        );
      }
      throw e;
    }
    // Warm up: the first requests compile code paths and fill caches.
    await sequential(base, 5, 1);
    const load = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ");
    console.log(
      `\nIntake submissions against ${base.origin} (node ${process.version}, ${os.cpus().length} CPUs, ` +
        `load average ${load}: other work on the machine slows every number)\n`,
    );
    const seq: SubmitTimings = await sequential(base, sequentialCount, 10);
    const conc: SubmitTimings = await concurrent(base, concurrentCount, atOnce, 10 + sequentialCount);
    const more: SubmitTimings = await concurrent(
      base,
      64,
      atOnceMore,
      10 + sequentialCount + concurrentCount,
    );
    const results: Record<string, number[]> = {
      "intake.finish.sequential": seq.finishMs,
      "intake.finish.concurrent": conc.finishMs,
    };
    let ok = true;
    for (const b of budgets) {
      const values = results[b.id];
      if (values) ok = row(b.label, values, b.p95Ms) && ok;
    }
    row(`Finish an intake, ${atOnceMore} people pressing "send" at once (for information)`, more.finishMs);
    row("Save one intake step, one after another (for information)", seq.stepMs);
    console.log(ok ? "\nAll within budget." : "\nOver budget.");
    process.exitCode = ok ? 0 : 1;
  } finally {
    await stopServer(child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
