import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * Browser tests run against the built server on its own port with a fresh database. The values are put in
 * process.env so the test workers (which inherit it) can reach the same database and keys.
 */
const port = Number(process.env.E2E_PORT ?? 3210);
process.env.E2E_BASE_URL ??= `http://127.0.0.1:${port}`;
process.env.E2E_DATABASE_URL ??= path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ap-e2e-")), "e2e.db");
process.env.E2E_SESSION_SECRET ??= crypto.randomBytes(32).toString("base64");
process.env.E2E_DATA_ENCRYPTION_KEY ??= crypto.randomBytes(32).toString("base64");
process.env.E2E_NEUTRAL_URL ??= "https://neutral.example/";

function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return undefined; // Playwright's own browser
}

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  // One more try for a failed test; a pass on it is printed as FLAKY with what the page showed (ADR 047).
  retries: 1,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["./tests/e2e/failure-context-reporter.ts"]],
  // A safety net against a hang, not a measure of speed: journeys with several sign-ins (argon2 on each)
  // took 58 s of a 60 s limit on a busy two-core machine and failed on time alone. A real failure still
  // ends in its own expect after 10 s.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: "retain-on-failure",
    // Dutch is the default language: browse as a Dutch visitor unless a test says otherwise.
    locale: "nl-NL",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node server.js",
    url: `${process.env.E2E_BASE_URL}/healthz`,
    reuseExistingServer: false,
    // A safety net against a hang, not a measure of speed: journeys with several sign-ins (argon2 on each)
    // took 58 s of a 60 s limit on a busy two-core machine and failed on time alone. A real failure still
    // ends in its own expect after 10 s.
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      // What is deployed: React's production build on the server too (as the security tests and the bench
      // run it). The development build renders each page about a fifth slower, and warns only in server logs.
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: process.env.E2E_BASE_URL,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      SESSION_SECRET: process.env.E2E_SESSION_SECRET,
      DATA_ENCRYPTION_KEY: process.env.E2E_DATA_ENCRYPTION_KEY,
      QUICK_EXIT_URL: process.env.E2E_NEUTRAL_URL,
      ACCESS_LOG: "off",
      // Every test browser is 127.0.0.1: the per-client limits would count the whole suite as one person.
      FINISH_LIMIT_PER_10_MIN: "1000",
      DRAFT_LIMIT_PER_HOUR: "100000",
      FOLLOW_SIGN_IN_LIMIT_PER_15_MIN: "10000",
      CONTACT_LIMIT_PER_HOUR: "1000",
      // Send queued mail (written as .eml files: no SMTP_URL here) within half a second.
      OUTBOX_INTERVAL_MS: "500",
      E2E: "1",
      // Not the placeholder defaults: the operator.spec.ts checks these reach the pages.
      OPERATOR_NAME: "Stichting Testvoorbeeld",
      OPERATOR_PHONE: "030 000 0001",
      OPERATOR_EMAIL: "toegankelijkheid@example.nl",
    },
  },
});
