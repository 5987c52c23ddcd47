/**
 * Every performance budget in one place. `npm run bench` measures each and exits 1 when a figure is over.
 * Each budget is an upper bound: the measured figure must be at most `max`.
 */
export type Budget = { max: number; unit: "ms" | "×" | "kB"; source: string };

export const budgets = {
  /** p95 of a public page (home, a question) with 50 connections sending at once. */
  publicPageP95: {
    max: 500,
    unit: "ms",
    source: "TODO",
  },
  /** How many times more requests/s the minimal Remix page serves than ours, same server, same load. */
  publicPageVsMinimal: {
    max: 5,
    unit: "×",
    source: "TODO",
  },
  /** p95 of finishing an intake (the POST that creates the case, argon2id included). */
  finishP95: { max: 150, unit: "ms", source: "issue 3" },
  /** p95 of the queue and of the case page with 100,000 cases. */
  staffPageP95: { max: 100, unit: "ms", source: "issue 5" },
  /** p95 of the statistics page for a year with 100,000 cases. */
  statisticsP95: { max: 300, unit: "ms", source: "issue 7" },
  /** Gzip size of all the JavaScript a public page loads at start. */
  publicPageJsGzip: {
    max: 200,
    unit: "kB",
    source: "TODO",
  },
} satisfies Record<string, Budget>;
