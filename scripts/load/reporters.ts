/**
 * Simulated reporters: each one, from its own loopback address, loops "start the intake → answer every
 * question → send → read the receipt" (scripts/bench/submit.ts) until told to stop. Every answer is
 * counted by status; refused or broken connections (a killed server) are counted apart from failures.
 */
import { finish, prepare, sourceAddress, type SubmitTimings } from "../bench/submit";

export type ReturnedReceipt = { code: string; at: number };

export type LoadStats = {
  answers: number;
  byStatus: Map<number, number>;
  serverErrors: number;
  receipts: ReturnedReceipt[];
  connectionErrors: number;
  failures: number;
  failureSamples: string[];
  timings: SubmitTimings;
};

export const newStats = (): LoadStats => ({
  answers: 0,
  byStatus: new Map(),
  serverErrors: 0,
  receipts: [],
  connectionErrors: 0,
  failures: 0,
  failureSamples: [],
  timings: { finishMs: [], stepMs: [] },
});

// EPROXYGATEWAY: nginx's own 502 while the server is down (--proxy), the same event as a refused connection.
const CONNECTION_ERRORS = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ECONNABORTED", "EPROXYGATEWAY"]);

export function isConnectionError(e: unknown): boolean {
  return CONNECTION_ERRORS.has((e as NodeJS.ErrnoException | undefined)?.code ?? "");
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `reporters` loops in parallel while `keepGoing()`; visitor numbers start at `firstIndex` (they vary the
 * answers). Resolves when every reporter has finished its current round.
 */
export async function runReporters(opts: {
  base: URL;
  reporters: number;
  firstIndex: number;
  keepGoing: () => boolean;
  stats: LoadStats;
}): Promise<void> {
  const { stats } = opts;
  const onReply = ({ status }: { status: number }) => {
    stats.answers++;
    stats.byStatus.set(status, (stats.byStatus.get(status) ?? 0) + 1);
    if (status >= 500) stats.serverErrors++;
  };
  let next = opts.firstIndex;
  const reporter = async (r: number) => {
    while (opts.keepGoing()) {
      try {
        const prepared = await prepare(opts.base, next++, stats.timings, {
          source: sourceAddress(r),
          onReply,
        });
        const { code } = await finish(prepared, stats.timings);
        stats.receipts.push({ code, at: Date.now() });
      } catch (e) {
        if (isConnectionError(e)) {
          stats.connectionErrors++;
          await sleep(250);
        } else {
          stats.failures++;
          const message = e instanceof Error ? e.message : String(e);
          if (stats.failureSamples.length < 5 && !stats.failureSamples.includes(message))
            stats.failureSamples.push(message);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: opts.reporters }, (_, r) => reporter(r)));
}

/** Prints a progress line every `everyMs` until the returned stop function is called. */
export function progress(label: string, stats: LoadStats, everyMs = 10_000): () => void {
  const started = Date.now();
  const timer = setInterval(() => {
    const s = Math.round((Date.now() - started) / 1000);
    console.log(
      `  ${label} ${String(s).padStart(3)} s: ${stats.receipts.length} receipts, ${stats.serverErrors} × 5xx, ` +
        `${stats.connectionErrors} connection errors, ${stats.failures} other failures`,
    );
  }, everyMs);
  return () => clearInterval(timer);
}
