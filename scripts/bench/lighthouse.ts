/**
 * `npm run bench:lighthouse`: Lighthouse's performance score on the mobile preset (its default: a
 * mid-range phone, slow 4G and a 4× slower CPU, simulated) for the home page and a question page, with
 * Debian's Chromium (issue 17 asks for ≥ 95). Lighthouse is not a dependency of the project: it runs
 * through `npx lighthouse@12`, which the npm registry serves. The built server runs on a fresh database.
 *
 *   npm run bench:lighthouse
 *   npm run bench:lighthouse -- --pages /,/verhaal/wie,/volgen --runs 3
 *
 * The score printed per page is the median of `--runs` runs; each run's metrics are printed too. Exits 1
 * when a median is under the floor.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { seedDatabase } from "./seed";
import { buildIfNeeded, machine, startServer } from "./server";

/** The floor issue 17 sets for Lighthouse's performance score (mobile preset). */
export const LIGHTHOUSE_PERFORMANCE_MIN = 95;

const { values } = parseArgs({
  options: {
    pages: { type: "string", default: "/,/verhaal/wie" },
    runs: { type: "string", default: "3" },
  },
});
const pages = values.pages.split(",");
const runs = Number(values.runs);
const chrome = process.env.CHROME_PATH ?? "/usr/bin/chromium";

type Report = {
  categories: { performance: { score: number } };
  audits: Record<string, { numericValue?: number; displayValue?: string }>;
};

function lighthouse(url: string, out: string): Report {
  const args = [
    "--yes",
    "lighthouse@12",
    url,
    "--only-categories=performance",
    "--output=json",
    `--output-path=${out}`,
    "--quiet",
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
  ];
  const res = spawnSync("npx", args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, CHROME_PATH: chrome },
  });
  if (res.status !== 0) throw new Error(`Lighthouse failed on ${url} (${res.status})`);
  return JSON.parse(fs.readFileSync(out, "utf8")) as Report;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  buildIfNeeded();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-lighthouse-"));
  const seeded = await seedDatabase(path.join(dir, "bench.db"), 0);
  const server = await startServer({ env: seeded.env });
  let failed = false;
  try {
    console.log(machine());
    console.log(
      `Lighthouse 12, mobile preset, ${chrome}, median of ${runs} runs; floor ${LIGHTHOUSE_PERFORMANCE_MIN}`,
    );
    for (const page of pages) {
      const scores: number[] = [];
      for (let i = 0; i < runs; i++) {
        const report = lighthouse(new URL(page, server.base).href, path.join(dir, `lh-${i}.json`));
        const score = Math.round(report.categories.performance.score * 100);
        scores.push(score);
        const metric = (id: string) => report.audits[id]?.displayValue ?? "?";
        console.log(
          `  ${page} run ${i + 1}: ${score} (FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, ` +
            `TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}, SI ${metric("speed-index")})`,
        );
      }
      const m = median(scores);
      const ok = m >= LIGHTHOUSE_PERFORMANCE_MIN;
      if (!ok) failed = true;
      console.log(`${ok ? "ok  " : "LOW "} ${page}: ${m} (runs ${scores.join(", ")})`);
    }
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

void main();
