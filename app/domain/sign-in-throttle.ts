/**
 * Slowing down password guessing. Failures are counted per account (by a hash of the email address typed,
 * whether or not an account has it) and per client. Each failure past the first few makes the next answer
 * slower; past the limit sign-in is refused for a while. The answer is the same for an address that
 * exists and one that does not, so neither the delay nor the refusal tells which addresses have accounts.
 */
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Failures per account (or per client) in the window before sign-in is refused. */
export const MAX_FAILURES = 10;
/** Wrong second-factor codes before the half-finished sign-in is thrown away. */
export const MAX_CODE_FAILURES = 5;
const FREE_FAILURES = 2;
const MAX_DELAY_MS = 8_000;

/** How long to wait before answering, given the failures so far in the window. */
export function failureDelayMs(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_FAILURES - 1), MAX_DELAY_MS);
}

export function isOverLimit(failures: number): boolean {
  return failures >= MAX_FAILURES;
}
