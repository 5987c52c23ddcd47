/**
 * CI keeps only the tail of the test output, not test-results/. So when a browser test fails, this reporter
 * prints, after the summary, what the page showed at that moment: from Playwright's error context (an
 * accessibility snapshot of the page) the headings, alerts, status messages, dialogs and form errors. A red
 * run then says what the person would have seen: an error page, a form error, or the page before the click.
 */
import fs from "node:fs";
import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

const MAX_LINES = 60;
const WORTH_SHOWING = /heading|alert|status|dialog|invalid|error|fout/i;

export default class FailureContextReporter implements Reporter {
  private failures: string[] = [];

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status === test.expectedStatus || result.status === "skipped") return;
    for (const a of result.attachments) {
      if (a.name !== "error-context") continue;
      const text = a.body
        ? a.body.toString("utf8")
        : a.path && fs.existsSync(a.path)
          ? fs.readFileSync(a.path, "utf8")
          : "";
      const snapshot = text.split("```yaml")[1]?.split("```")[0];
      if (!snapshot) continue;
      const lines = snapshot.split("\n");
      const shown: string[] = [];
      lines.forEach((line, i) => {
        if (!WORTH_SHOWING.test(line)) return;
        for (const l of lines.slice(i, i + 3)) if (!shown.includes(l)) shown.push(l);
      });
      const cut = shown.length > MAX_LINES ? [...shown.slice(0, MAX_LINES), "…"] : shown;
      this.failures.push(
        `What the page showed when "${test.title}" failed:\n${cut.map((l) => `    | ${l}`).join("\n")}`,
      );
    }
  }

  onEnd() {
    if (this.failures.length) process.stdout.write(`\n${this.failures.join("\n\n")}\n`);
  }

  printsToStdio() {
    return true;
  }
}
