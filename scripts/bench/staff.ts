/**
 * The back office, one request after another with a signed-in session: the queue (default and ten
 * filtered views), case pages spread over all seeded cases, and the statistics for the last twelve months.
 * Sequential on purpose: the figures are the server's own time per page plus the loopback round trip.
 */
import { processCpuMs } from "./server";

export type PageTimings = { latencies: number[]; cpuMsPerRequest?: number };

export async function measurePages(
  base: URL,
  cookie: string,
  nextPath: () => string,
  requests: number,
  serverPid?: number,
): Promise<PageTimings> {
  const get = async (path: string) => {
    const start = performance.now();
    const res = await fetch(base.origin + path, { headers: { Cookie: cookie }, redirect: "manual" });
    await res.text();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    return performance.now() - start;
  };
  for (let i = 0; i < Math.min(10, requests); i++) await get(nextPath()); // warm up
  const cpuBefore = processCpuMs(serverPid);
  const latencies: number[] = [];
  for (let i = 0; i < requests; i++) latencies.push(await get(nextPath()));
  const cpuAfter = processCpuMs(serverPid);
  return {
    latencies,
    cpuMsPerRequest:
      cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / requests : undefined,
  };
}

const QUEUE_VIEWS = [
  "",
  "?page=2",
  "?page={deep}",
  "?kind=complaint",
  "?overdue=1",
  "?assignee=mine",
  "?assignee=nobody&sort=oldest",
  "?unit=1&urgent=1",
  "?status=waiting",
  "?status=all&sort=newest",
];

/** Cycles through the paths of each back-office row. */
export const staffPaths = {
  queue: () => () => "/medewerker",
  /** `cases`: how many were seeded, so the deep page exists (about a sixth of the seeded cases are open). */
  queueFiltered: (cases: number) => {
    const deep = String(Math.max(2, Math.min(40, Math.floor(cases / 500))));
    let i = 0;
    return () => `/medewerker${QUEUE_VIEWS[i++ % QUEUE_VIEWS.length]!.replace("{deep}", deep)}`;
  },
  casePage: (caseIds: number[]) => {
    let i = 0;
    // A large prime stride visits cases all over the table, not neighbours in one cached page.
    return () => `/medewerker/zaken/${caseIds[(i++ * 7919) % caseIds.length]}`;
  },
  /**
   * The search box, as staff use it on the phone: a code typed in lower case without its hyphen, an
   * e-mail address, a phone number with +31, and the most common first name (half the seeded cases are
   * called Alex: the worst case for a name, a full page of hits out of 50,000).
   */
  search: (codes: string[]) => {
    let i = 0;
    return () => {
      const n = (i * 7919) % codes.length;
      const q = [
        codes[n]!.toLowerCase(),
        `alex${n}@example.org`,
        `+31 6 ${String(n).padStart(8, "0")}`,
        "Alex",
      ][i++ % 4]!;
      return `/medewerker?q=${encodeURIComponent(q)}`;
    };
  },
  /** The last twelve whole months, the current one included (`?van=YYYY-MM&tot=YYYY-MM`). */
  statisticsYear: (now = new Date()) => {
    const month = (d: Date) => d.toISOString().slice(0, 7);
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
    return () => `/medewerker/statistieken?van=${month(from)}&tot=${month(now)}`;
  },
};
