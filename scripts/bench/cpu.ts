/**
 * `npm run bench:cpu`: server CPU milliseconds per request of the home page, the first question page and
 * the minimal Remix page, measured in a way other load on the machine hardly moves (issue 17). Both servers
 * run side by side; rounds of `--requests` keep-alive GETs over `--connections` (gzip, Dutch, as the load rows send)
 * go to each page in turn, and each round's CPU time is read from /proc. The median of the rounds is
 * printed per page (the quietest round and the median), with the ratio to the minimal page. `--profile DIR` starts both servers with
 * `--cpu-prof` and writes their profiles into DIR (read them with `npm run bench:profile -- FILE`).
 *
 *   npm run bench:cpu                               # 7 rounds of 200 requests per page, 8 connections
 *   npm run bench:cpu -- --rounds 5 --requests 300
 *   npm run bench:cpu -- --profile /tmp/prof        # with CPU profiles
 *   npm run bench:cpu -- --compare build-before     # also another build of the app (a copy of build/)
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { seedDatabase } from "./seed";
import { buildIfNeeded, machine, processCpuMs, startServer, type Server } from "./server";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "7" },
    requests: { type: "string", default: "200" },
    profile: { type: "string" },
    pages: { type: "string", default: "/,/verhaal/wie" },
    /** Another build of the app to measure in the same rounds (a folder inside the project). */
    compare: { type: "string" },
    warmup: { type: "string", default: "3" },
    /** 1: one request after another. More keep the server busy, as under load (the per-request cost of
     * waking up for each request, which sequential requests pay in full, is then shared). */
    connections: { type: "string", default: "8" },
  },
});
const rounds = Number(values.rounds);
const perRound = Number(values.requests);
const connections = Number(values.connections);
const pages = values.pages.split(",");

function get(agent: http.Agent, url: URL): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      url,
      { agent, headers: { "Accept-Encoding": "gzip", "Accept-Language": "nl" } },
      (res) => {
        if (res.statusCode !== 200) reject(new Error(`${url.pathname} answered ${res.statusCode}`));
        res.resume();
        res.on("end", resolve);
        res.on("error", reject);
      },
    );
    req.on("error", reject);
  });
}

/** CPU ms per request of one round: `perRound` GETs over `connections` keep-alive connections. */
async function round(server: Server, url: URL): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  try {
    const before = processCpuMs(server.child.pid)!;
    let left = perRound;
    const worker = async () => {
      while (left-- > 0) await get(agent, url);
    };
    await Promise.all(Array.from({ length: connections }, worker));
    return (processCpuMs(server.child.pid)! - before) / perRound;
  } finally {
    agent.destroy();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const min = (xs: number[]) => Math.min(...xs);

async function main() {
  if (processCpuMs(process.pid) === undefined) throw new Error("bench:cpu reads /proc: Linux only");
  buildIfNeeded();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-bench-cpu-"));
  const profileDir = values.profile ? path.resolve(values.profile) : undefined;
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
  const prof = (name: string) =>
    profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
  const seeded = await seedDatabase(path.join(dir, "bench.db"), 0);
  const servers: Server[] = [];
  const start = async (opts: Parameters<typeof startServer>[0]) => {
    const s = await startServer(opts);
    servers.push(s);
    return s;
  };
  const results = new Map<string, number[]>();
  try {
    const minimal = await start({ buildDir: "build-minimal", nodeArgs: prof("minimal") });
    const app = await start({ env: seeded.env, nodeArgs: prof("app") });
    // One server per database: the other build gets a copy.
    const otherDb = path.join(dir, "other.db");
    if (values.compare) fs.copyFileSync(seeded.env.DATABASE_URL!, otherDb);
    const other = values.compare
      ? await start({ env: { ...seeded.env, DATABASE_URL: otherDb }, buildDir: values.compare })
      : undefined;
    const targets = [
      { label: "minimal /", server: minimal, url: new URL("/", minimal.base) },
      ...pages.map((p) => ({ label: p, server: app, url: new URL(p, app.base) })),
      ...(other
        ? pages.map((p) => ({ label: `${values.compare} ${p}`, server: other, url: new URL(p, other.base) }))
        : []),
    ];
    for (const t of targets) results.set(t.label, []);
    // Warm-up: the JIT and the caches, not counted.
    for (let r = 0; r < Number(values.warmup); r++) for (const t of targets) await round(t.server, t.url);
    for (let r = 0; r < rounds; r++) {
      for (const t of targets) results.get(t.label)!.push(await round(t.server, t.url));
    }
  } finally {
    for (const s of servers.reverse()) await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(machine());
  console.log(`${rounds} rounds of ${perRound} requests per page over ${connections} connections\n`);
  // The quietest round is the figure least moved by other load; the median is printed beside it.
  const base = results.get("minimal /")!;
  const width = Math.max(...[...results.keys()].map((l) => l.length)) + 1;
  for (const [label, xs] of results) {
    const ratio =
      label === "minimal /"
        ? ""
        : ` = ${(min(xs) / min(base)).toFixed(2)}× (median ${(median(xs) / median(base)).toFixed(2)}×)`;
    console.log(
      `${label.padEnd(width)} min ${min(xs).toFixed(2)}, median ${median(xs).toFixed(2)} ms/req${ratio}` +
        `  [${xs.map((x) => x.toFixed(1)).join(" ")}]`,
    );
  }
  if (profileDir) console.log(`\nProfiles in ${profileDir}`);
}

await main();
