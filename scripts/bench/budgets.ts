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
   * How many times the req/s of a minimal Remix page (same server.js, same load) is that of ours: a guard
   * against per-request waste. Set at 5.5× from measurements (ADR 014, kept by ADR 044 and ADR 048 after
   * profiling; the first figure, 4×, was a guess made before any page was measured). Quiet runs gave
   * 3.7–4.4× for home and 4.5–4.9× for the question page before ADR 048 took out the repeated route
   * matching, more i18next lookups and react-aria's hooks on pages that do not hydrate (side by side:
   * −16 to −35 % server CPU on home). Issue 17's goal is 2×: set it there once a quiet run of the ratio rows
   * shows it. What is left beyond the minimal page is mostly React rendering a real page with its texts.
   */
  publicPageVsMinimal: { max: 5.5, unit: "×" },
  /** p95 of finishing an intake (the POST that creates the case, argon2id included): issue 3. */
  finishP95: { max: 150, unit: "ms" },
  /** p95 of the queue, the queue's search (issue 16) and the case page with 100,000 cases: issue 5. */
  staffPageP95: { max: 100, unit: "ms" },
  /** p95 of the statistics page for a year with 100,000 cases: issue 7. */
  statisticsP95: { max: 300, unit: "ms" },
  /**
   * Gzip size of all the JavaScript a public page makes the browser load: Chromium at 360×740 opens the
   * page and every same-origin script response counts, the chunks imported after start (routes, locales)
   * included (issue 17). Young people are "often on a phone" (PRODUCT.md), a cheap phone parses every kB
   * on a slow CPU, and data may be limited: GOV.UK pages ship about 30 kB. Every public page works
   * without its JavaScript, so what it needs is small enhancements, not an application (ADR 042).
   * Was 200 kB while only the scripts named in the HTML were counted (issue 8).
   */
  publicPageJsGzip: { max: 30, unit: "kB" },
} satisfies Record<string, Budget>;
