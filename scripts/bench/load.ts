/**
 * A small load generator: `connections` keep-alive connections, each sending the next GET as soon as the
 * previous answer is read, for a fixed time. Sends what a browser sends (gzip, a language), so the server
 * compresses as it would for a real visitor.
 */
import http from "node:http";
import { processCpuMs } from "./server";

export type LoadResult = { requests: number; rps: number; latencies: number[]; cpuMsPerRequest?: number };

function get(agent: http.Agent, url: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      url,
      { agent, headers: { "Accept-Encoding": "gzip", "Accept-Language": "nl" } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
  });
}

async function run(url: URL, connections: number, ms: number, latencies: number[]) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const end = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < end) {
      const start = performance.now();
      const status = await get(agent, url);
      if (status !== 200) throw new Error(`${url.pathname} answered ${status} under load`);
      latencies.push(performance.now() - start);
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    agent.destroy();
  }
}

/** Warms up for a fifth of the time (at most 2 s), then measures for `seconds`. */
export async function load(
  url: URL,
  opts: { connections: number; seconds: number; serverPid?: number },
): Promise<LoadResult> {
  await run(url, opts.connections, Math.min(2000, (opts.seconds * 1000) / 5), []);
  const latencies: number[] = [];
  const cpuBefore = processCpuMs(opts.serverPid);
  const start = performance.now();
  await run(url, opts.connections, opts.seconds * 1000, latencies);
  const elapsed = (performance.now() - start) / 1000;
  const cpuAfter = processCpuMs(opts.serverPid);
  return {
    requests: latencies.length,
    rps: latencies.length / elapsed,
    latencies,
    cpuMsPerRequest:
      cpuBefore !== undefined && cpuAfter !== undefined
        ? (cpuAfter - cpuBefore) / latencies.length
        : undefined,
  };
}
