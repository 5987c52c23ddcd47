/**
 * Before the browser tests: make sure a Chromium is there. CHROMIUM_PATH, then Debian's /usr/bin/chromium,
 * then Playwright's own download. When none is there: Playwright's installer where it can download,
 * Debian's package where apt is usable, or one sentence saying how. Never a stack trace.
 */
import { execSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

function playwrightBrowser() {
  try {
    const p = require("playwright-core").chromium.executablePath();
    return p && fs.existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

function found() {
  if (process.env.CHROMIUM_PATH)
    return fs.existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return playwrightBrowser();
}

function tryRun(cmd) {
  try {
    execSync(cmd, { stdio: "inherit", timeout: 10 * 60_000 });
    return true;
  } catch {
    return false;
  }
}

if (process.env.CHROMIUM_PATH && !fs.existsSync(process.env.CHROMIUM_PATH)) {
  console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but there is no file there.`);
  process.exit(1);
}
if (found()) process.exit(0);

console.log("No Chromium found for the browser tests: trying to install one.");
if (tryRun("npx playwright install chromium") && found()) process.exit(0);
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (fs.existsSync("/usr/bin/apt-get") && isRoot) {
  if (
    tryRun("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium") &&
    found()
  ) {
    process.exit(0);
  }
}
console.error(
  "The browser tests need Chromium: install it (Debian/Ubuntu: `sudo apt-get install chromium`; elsewhere: `npx playwright install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome binary.",
);
process.exit(1);
