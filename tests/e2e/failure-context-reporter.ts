/**
 * CI keeps only the tail of the test output, not test-results/. So when a browser test fails, this reporter
 * prints, after the summary, what the page showed at that moment: from Playwright's error context (an
 * accessibility snapshot of the page) the headings, alerts, status messages, dialogs and form errors. A red
 * run then says what the person would have seen: an error page, a form error, or the page before the click.
 *
 * A failed test runs once more (ADR 047). Every failed attempt is printed, headed FAILED when the test
 * failed again and FLAKY when it passed on its retry, so a flake stays visible in a green run.
 */
import fs from "node:fs";
import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

const MAX_LINES = 60;
const WORTH_SHOWING = /heading|alert|status|dialog|invalid|error|fout/i;

/** The lines of an accessibility snapshot worth showing, each with the two lines under it. */
export function linesWorthShowing(errorContext: string): string[] | undefined {
  const snapshot = errorContext.split("```yaml")[1]?.split("```")[0];
  if (!snapshot) return undefined;
  const lines = snapshot.split("\n");
  const shown: string[] = [];
  lines.forEach((line, i) => {
    if (!WORTH_SHOWING.test(line)) return;
    for (const l of lines.slice(i, i + 3)) if (!shown.includes(l)) shown.push(l);
  });
  return shown.length > MAX_LINES ? [...shown.slice(0, MAX_LINES), "…"] : shown;
}

type FailedAttempt = { test: TestCase; attempt: number; error: string; shown: string[] | undefined };

export default class FailureContextReporter implements Reporter {
  private attempts: FailedAttempt[] = [];

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status === test.expectedStatus || result.status === "skipped") return;
    const context = result.attachments.find((a) => a.name === "error-context");
    const text = context?.body
      ? context.body.toString("utf8")
      : context?.path && fs.existsSync(context.path)
        ? fs.readFileSync(context.path, "utf8")
        : "";
    this.attempts.push({
      test,
      attempt: result.retry + 1,
      // eslint-disable-next-line no-control-regex -- the colour codes of a terminal
      error: (result.error?.message ?? "").replace(/\u001b\[[0-9;]*m/g, "").split("\n")[0] ?? "",
      shown: linesWorthShowing(text),
    });
  }

  onEnd() {
    if (!this.attempts.length) return;
    const blocks = this.attempts.map(({ test, attempt, error, shown }) => {
      const verdict = test.outcome() === "flaky" ? "FLAKY (passed on its retry)" : "FAILED";
      const head = `${verdict}: "${test.title}" (${test.location.file.split("/").pop()}:${test.location.line}), attempt ${attempt}: ${error}`;
      const page = shown?.length
        ? `\n  What the page showed:\n${shown.map((l) => `    | ${l}`).join("\n")}`
        : "";
      return head + page;
    });
    const flaky = new Set(this.attempts.filter((a) => a.test.outcome() === "flaky").map((a) => a.test));
    const summary = flaky.size
      ? `\n${flaky.size} flaky browser test(s): each is a bug to find (ADR 047).\n`
      : "";
    process.stdout.write(`\n${blocks.join("\n\n")}\n${summary}`);
  }

  printsToStdio() {
    return true;
  }
}
