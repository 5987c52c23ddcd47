/**
 * Every performance budget in one place. `npm run bench` measures each and exits 1 when a figure is over.
 * Each budget is an upper bound: the measured figure must be at most `max`. docs/benchmarks.md explains
 * the rows.
 */
export type Budget = { max: number; unit: "ms" | "×" | "kB" };

export const budgets = {
  /**
   * p95 of a public page (home, the first question) with 50 connections sending at once. Chosen for
   * issue 8 (PRODUCT.md names no figure): 50 people at the same moment is far above this service's
   * traffic, and one Node process answers them in turn, so p95 ≈ 50 × the server's time per page;
   * 500 ms (≈ 10 ms per page) keeps even that surge under the 1 s in which a page still feels immediate.
   */
  publicPageP95: { max: 500, unit: "ms" },
  /**
   * How many times the req/s of a minimal Remix page (same server.js, same load) is that of ours.
   * Chosen for issue 8: a page per request does real work the minimal page does not (translating every
   * text, CSP nonces, a CSRF token, react-aria's server render, several times the HTML), so some
   * factor is expected; above 4× something is wasteful.
   */
  publicPageVsMinimal: { max: 4, unit: "×" },
  /** p95 of finishing an intake (the POST that creates the case, argon2id included): issue 3. */
  finishP95: { max: 150, unit: "ms" },
  /** p95 of the queue and of the case page with 100,000 cases: issue 5. */
  staffPageP95: { max: 100, unit: "ms" },
  /** p95 of the statistics page for a year with 100,000 cases: issue 7. */
  statisticsP95: { max: 300, unit: "ms" },
  /**
   * Gzip size of all the JavaScript a public page loads at start. Chosen for issue 8: young people are
   * "often on a phone" (PRODUCT.md), and a cheap phone parses every kB of JavaScript on a slow CPU. React and Remix alone are about 85 kB (the minimal page's row); 200 kB leaves room for
   * our code and react-aria while staying well under what web-performance guidance allows a page on a
   * low-end phone in total. The pages work before and without their JavaScript (forms post without it).
   */
  publicPageJsGzip: { max: 200, unit: "kB" },
} satisfies Record<string, Budget>;
