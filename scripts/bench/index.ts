/**
 * `npm run bench`: the benchmark table of issue 8. Builds the app and the minimal Remix baseline when
 * needed, seeds a fresh temporary database with 100,000 cases, starts the built server on it once
 * (`node server.js`, production mode) and measures every row against scripts/bench/budgets.ts. Prints
 * one table and exits 1 when any row is over its budget.
 *
 *   npm run bench -- --cases 20000 --seconds 5 --requests 100 --finishes 20
 *   npm run bench -- --only Statistics      # only the rows whose label starts with "Statistics"
 *   npm run bench -- --only Queue,Search,Case   # several prefixes, comma-separated
 *   npm run bench -- --only JavaScript      # only the JavaScript weight of the public pages (no cases seeded)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { browserPageJs, launchBrowser, type PageJs } from "./browser-js";
import { browserJourneyJs } from "./browser-journey";
import { budgets, type Budget } from "./budgets";
import { load, type LoadResult } from "./load";
import { seedDatabase } from "./seed";
import { buildIfNeeded, machine, startServer, type Server } from "./server";
import { measurePages, staffPaths, type PageTimings } from "./staff";
import { formatTable, ms, summarize, within, type TableRow } from "./stats";
import { concurrent, finish, prepare, sequential, sourceAddress, type SubmitTimings } from "./submit";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

/** `--only PREFIX[,PREFIX…]`: measure only the rows whose label starts with one of them (any case). */
function onlyOption(): string[] | undefined {
  const i = process.argv.indexOf("--only");
  if (i < 0) return undefined;
  const value = process.argv[i + 1];
  if (!value || value.startsWith("--")) throw new Error("--only needs the start of a row's label");
  return value
    .toLowerCase()
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

const opts = {
  only: onlyOption(),
  cases: option("cases", 100_000),
  seconds: option("seconds", 10),
  connections: option("connections", 50),
  requests: option("requests", 200),
  finishes: option("finishes", 60),
  atOnce: option("at-once", 4),
};

/** The public pages whose JavaScript is weighed: every page a young person can land on. */
const PUBLIC_PAGES = [
  "/",
  "/verhaal",
  "/verhaal/wie",
  "/klacht",
  "/contact",
  "/bel-mij",
  "/volgen",
  "/volgen/verwijderd",
  "/over",
  "/privacy",
  "/toegankelijkheid",
  "/veilig-internetten",
];

/**
 * The public pages reached only by answering the ones before (every question, the check page, the
 * receipt): walked from the first question to the receipt, each page weighed as a fresh load.
 */
const JOURNEYS = [
  {
    start: "/verhaal/wie",
    end: /^\/verhaal\/bevestiging$/,
    // Then signed in with the receipt's code: the pages of following a case.
    follow: ["/volgen/zaak", "/volgen/delen", "/volgen/email", "/volgen/toevoegen", "/volgen/verwijderen"],
  },
  { start: "/klacht/wie", end: /^\/klacht\/bevestiging$/ },
  { start: "/contact", end: /^\/contact\/bevestiging$/ },
];
const journeyLabel = (start: string) => `JavaScript of the pages after ${start} (gzip)`;

/** Whether any of these row labels is measured under `--only`. */
const wanted = (...labels: string[]) =>
  opts.only === undefined ||
  labels.some((l) => opts.only!.some((prefix) => l.toLowerCase().startsWith(prefix)));

const rows: TableRow[] = [];
/** Keeps a row for the table and shows it at once, so a long run shows its progress. */
function add(row: TableRow) {
  rows.push(row);
  console.log(`  ${row.row}: ${row.measured}`);
}
const budgetText = (b: Budget, what: string) => `${what} ≤ ${b.max}${b.unit === "×" ? "×" : ` ${b.unit}`}`;
const kB = (js: PageJs) => `${(js.bytes / 1000).toFixed(1)} kB in ${js.files.length} files`;
/** The largest scripts of a page, for the progress output: where its weight comes from. */
const largest = (js: PageJs) =>
  js.files
    .slice(0, 4)
    .map((f) => `${f.path.replace(/^\/assets\//, "")} ${(f.gzip / 1000).toFixed(1)}`)
    .join(", ");
const cpu = (v?: number) => (v === undefined ? "" : `, server CPU ${ms(v)}/req`);

function p95Row(label: string, t: PageTimings | SubmitTimings, budget: Budget) {
  const latencies = "latencies" in t ? t.latencies : t.finishMs;
  const s = summarize(latencies);
  add({
    row: label,
    measured: `p50 ${ms(s.p50)}, p95 ${ms(s.p95)} (n=${s.n}${"cpuMsPerRequest" in t ? cpu(t.cpuMsPerRequest) : ""})`,
    budget: budgetText(budget, "p95"),
    ok: within(s.p95, budget.max),
  });
}

function loadRow(label: string, r: LoadResult, budget?: Budget) {
  const s = summarize(r.latencies);
  add({
    row: label,
    measured: `${r.rps.toFixed(0)} req/s, p95 ${ms(s.p95)}${cpu(r.cpuMsPerRequest)}`,
    budget: budget ? budgetText(budget, "p95") : "(baseline)",
    ok: budget ? within(s.p95, budget.max) : undefined,
  });
}

function ratioRow(label: string, ours: LoadResult, minimal: LoadResult) {
  const ratio = minimal.rps / ours.rps;
  const b = budgets.publicPageVsMinimal;
  add({
    row: label,
    measured: `minimal serves ${ratio.toFixed(1)}× the req/s`,
    budget: budgetText(b, "ratio"),
    ok: within(ratio, b.max),
  });
}

async function checkSourceAddresses(base: URL) {
  try {
    const none: SubmitTimings = { finishMs: [], stepMs: [] };
    await finish(await prepare(base, 0, none), none);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EADDRNOTAVAIL") {
      throw new Error(
        `Cannot send from ${sourceAddress(0)}: the finishing rows give every visitor its own loopback address ` +
          "(Linux routes all of 127.0.0.0/8 to the loopback interface; other systems may not).",
      );
    }
    throw e;
  }
}

async function main() {
  console.log(`Machine: ${machine()}`);
  console.log(
    `Options: --cases ${opts.cases} --seconds ${opts.seconds} --connections ${opts.connections} ` +
      `--requests ${opts.requests} --finishes ${opts.finishes} --at-once ${opts.atOnce}` +
      `${opts.only === undefined ? "" : ` --only ${opts.only.join(",")}`}\n`,
  );
  const families = [
    "Home",
    "Question page",
    "Minimal Remix page",
    "Finish a case",
    "Queue",
    "Search",
    "Case page",
  ];
  if (!wanted(...families, "Statistics", "JavaScript of", ...JOURNEYS.map((j) => journeyLabel(j.start)))) {
    throw new Error(`--only ${opts.only?.join(",")}: no row's label starts with that`);
  }
  buildIfNeeded();
  const jsRows = [
    ...PUBLIC_PAGES.map((page) => `JavaScript of ${page} (gzip)`),
    ...JOURNEYS.map((j) => journeyLabel(j.start)),
    "JavaScript of the minimal",
  ];
  const onlyJs = opts.only !== undefined && !wanted(...families, "Statistics");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-bench-"));
  let server: Server | undefined;
  let browser: Browser | undefined;
  try {
    // The JavaScript rows need no cases: without the other rows, seed none (seconds instead of minutes).
    const seeded = await seedDatabase(path.join(dir, "bench.db"), onlyJs ? 0 : opts.cases);
    if (wanted(...jsRows)) browser = await launchBrowser();
    const loadOpts = (s: Server) => ({
      connections: opts.connections,
      seconds: opts.seconds,
      serverPid: s.child.pid,
    });
    const c = opts.connections;

    const n = opts.cases.toLocaleString("en");
    const publicRows = [
      `Home /, ${c} connections`,
      `Question page /verhaal/wie, ${c} connections`,
      `Minimal Remix page, ${c} connections`,
      "Home vs minimal Remix page (req/s)",
      "Question page vs minimal Remix page (req/s)",
    ];
    let minimal: LoadResult | undefined;
    let minimalJs: PageJs | undefined;
    if (wanted(...publicRows, "JavaScript of the minimal Remix page")) {
      server = await startServer({ buildDir: "build-minimal" });
      if (wanted(...publicRows)) {
        console.log(`Minimal Remix page, ${c} connections for ${opts.seconds} s…`);
        minimal = await load(new URL("/", server.base), loadOpts(server));
      }
      if (browser) minimalJs = await browserPageJs(browser, server.base.origin, "/");
      await server.stop();
    }

    server = await startServer({ env: seeded.env });
    const { base } = server;
    if (minimal && wanted(...publicRows)) {
      console.log(`Home and question page, ${c} connections for ${opts.seconds} s each…`);
      const home = await load(new URL("/", base), loadOpts(server));
      const question = await load(new URL("/verhaal/wie", base), loadOpts(server));
      loadRow(publicRows[0]!, home, budgets.publicPageP95);
      loadRow(publicRows[1]!, question, budgets.publicPageP95);
      loadRow(publicRows[2]!, minimal);
      ratioRow(publicRows[3]!, home, minimal);
      ratioRow(publicRows[4]!, question, minimal);
    }

    const finishRows = [
      "Finish a case (argon2id included), one after another",
      `Finish a case, ${opts.atOnce} pressing "send" at once`,
    ];
    if (wanted(...finishRows)) {
      console.log(
        `Finishing intakes: ${opts.finishes} one after another, ${opts.finishes} more ${opts.atOnce} at once…`,
      );
      await checkSourceAddresses(base);
      await sequential(base, 5, 1); // warm up
      const seq = await sequential(base, opts.finishes, 10);
      const conc = await concurrent(base, opts.finishes, opts.atOnce, 10 + opts.finishes);
      p95Row(finishRows[0]!, seq, budgets.finishP95);
      p95Row(finishRows[1]!, conc, budgets.finishP95);
    }

    const pid = server.child.pid;
    const staff = (next: () => string, cookie = seeded.workerCookie) =>
      measurePages(base, cookie, next, opts.requests, pid);
    const queueRow = `Queue, default view (${n} cases)`;
    const filteredRow = "Queue, 10 filtered views";
    const searchRow = `Search by code, e-mail, phone or name (${n} cases)`;
    const caseRow = "Case page, spread over all cases";
    const statsRow = `Statistics, last 12 months (${n} cases)`;
    if (wanted(queueRow, filteredRow, searchRow, caseRow, statsRow)) {
      console.log(`Back office: ${opts.requests} requests per row, one after another…`);
    }
    if (wanted(queueRow)) p95Row(queueRow, await staff(staffPaths.queue()), budgets.staffPageP95);
    if (wanted(filteredRow)) {
      p95Row(filteredRow, await staff(staffPaths.queueFiltered(opts.cases)), budgets.staffPageP95);
    }
    if (wanted(searchRow)) {
      p95Row(searchRow, await staff(staffPaths.search(seeded.codes)), budgets.staffPageP95);
    }
    if (wanted(caseRow)) {
      p95Row(caseRow, await staff(staffPaths.casePage(seeded.caseIds)), budgets.staffPageP95);
    }
    if (wanted(statsRow)) {
      const statsRequests = Math.max(20, Math.round(opts.requests / 4));
      const stats = await measurePages(
        base,
        seeded.coordinatorCookie,
        staffPaths.statisticsYear(),
        statsRequests,
        pid,
      );
      p95Row(statsRow, stats, budgets.statisticsP95);
    }

    if (browser && wanted(...PUBLIC_PAGES.map((page) => `JavaScript of ${page} (gzip)`))) {
      console.log("Weighing the JavaScript each public page loads in Chromium at 360×740…");
    }
    for (const page of PUBLIC_PAGES) {
      const label = `JavaScript of ${page} (gzip)`;
      if (!browser || !wanted(label)) continue;
      const js = await browserPageJs(browser, base.origin, page);
      const b = budgets.publicPageJsGzip;
      add({
        row: label,
        measured: kB(js),
        budget: budgetText(b, "total"),
        ok: within(js.bytes / 1000, b.max),
      });
      console.log(`    largest: ${largest(js)} kB`);
    }
    for (const journey of JOURNEYS) {
      if (!browser || !wanted(journeyLabel(journey.start))) continue;
      console.log(`Walking from ${journey.start} to the receipt, weighing each page…`);
      const weights = await browserJourneyJs(
        browser,
        base.origin,
        journey.start,
        journey.end,
        "follow" in journey ? journey.follow : [],
      );
      for (const [page, js] of weights) {
        if (PUBLIC_PAGES.includes(page)) continue;
        const b = budgets.publicPageJsGzip;
        add({
          row: `JavaScript of ${page} (gzip)`,
          measured: kB(js),
          budget: budgetText(b, "total"),
          ok: within(js.bytes / 1000, b.max),
        });
      }
    }
    if (minimalJs && wanted("JavaScript of the minimal Remix page")) {
      add({
        row: "JavaScript of the minimal Remix page (gzip)",
        measured: kB(minimalJs),
        budget: "(baseline)",
      });
    }
    await server.stop();
    server = undefined;

    const ok = rows.every((r) => r.ok !== false);
    console.log(`\nMachine: ${machine()}\n`);
    console.log(formatTable(rows));
    console.log(ok ? "\nEvery row within budget." : "\nOver budget: see the rows marked OVER.");
    process.exitCode = ok ? 0 : 1;
  } finally {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
