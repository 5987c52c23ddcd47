/**
 * Helpers for the follow and contact journeys. What the intake and the back office would do (open a case,
 * write a staff message, refer it) runs through the app's own server modules against the e2e server's
 * database, in a tsx child process (seed-cli.ts: the mail text needs the JSON locale files, which
 * Playwright's loader cannot import). Reading the database happens here. WAL and a busy timeout make the
 * shared file safe.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { type Page } from "@playwright/test";
import { expect } from "./expect";
import { eq } from "drizzle-orm";
import { decrypt } from "~/server/crypto.server";
import { getDb, schema } from "~/server/db.server";
import { expectNoAxeViolations, expectNoHtmlcsErrors, localeText, screenshots } from "./helpers";

// The app's modules read their configuration on first use: point them at the e2e server's database.
process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
process.env.SESSION_SECRET = process.env.E2E_SESSION_SECRET;
process.env.DATA_ENCRYPTION_KEY = process.env.E2E_DATA_ENCRYPTION_KEY;
process.env.PUBLIC_URL = process.env.E2E_BASE_URL;

const cli = path.resolve("tests/e2e/seed-cli.ts");
const tsx = path.resolve("node_modules/.bin/tsx");

export function seed<T>(...args: string[]): T {
  for (let attempt = 1; ; attempt++) {
    try {
      const out = execFileSync(tsx, [cli, ...args], {
        encoding: "utf8",
        env: process.env,
        timeout: 30_000,
        stdio: ["ignore", "pipe", "pipe"],
      });
      return JSON.parse(out) as T;
    } catch (e) {
      // The back office's deferred transactions can meet the server's writes (SQLITE_BUSY): try again.
      const busy = String((e as { stderr?: unknown }).stderr ?? "").includes("database is locked");
      if (!busy || attempt === 3) throw e;
    }
  }
}

export type SeededCase = { caseId: number; code: string; passphrase: string };

/** A complaint as the intake would file it, sent to the IGJ, waiting to go to Amsterdam, with a staff message. */
export const seedCase = (lng: "nl" | "en", staffMessage: string) =>
  seed<SeededCase>("case", lng, staffMessage);

export type CaseState = {
  status: string;
  erasedAt: number | null;
  storyEnc: string | null;
  notifyEmail: string | null;
  messages: { author: string; body: string; readAt: number | null }[];
  consents: { recipient: string; given: boolean; withIdentity: boolean }[];
  referrals: { status: string; consentWithdrawnAt: number | null }[];
  newsMails: { to: string; bodyText: string }[];
};

/** What the database holds about a case now (read in this process: no locale files needed). */
export function inspect(caseId: number): CaseState {
  const db = getDb();
  const row = db.select().from(schema.cases).where(eq(schema.cases.id, caseId)).get()!;
  return {
    status: row.status,
    erasedAt: row.erasedAt,
    storyEnc: row.storyEnc,
    notifyEmail: row.notifyEmailEnc ? decrypt(row.notifyEmailEnc) : null,
    messages: db
      .select()
      .from(schema.messages)
      .where(eq(schema.messages.caseId, caseId))
      .orderBy(schema.messages.id)
      .all()
      .map((m) => ({ author: m.author, body: decrypt(m.bodyEnc), readAt: m.readAt })),
    consents: db.select().from(schema.consents).where(eq(schema.consents.caseId, caseId)).all(),
    referrals: db
      .select({ status: schema.referrals.status, consentWithdrawnAt: schema.referrals.consentWithdrawnAt })
      .from(schema.referrals)
      .where(eq(schema.referrals.caseId, caseId))
      .all(),
    newsMails: db
      .select({ toEnc: schema.outbox.toEnc, bodyText: schema.outbox.bodyText })
      .from(schema.outbox)
      .where(eq(schema.outbox.purpose, "news"))
      .all()
      .map((m) => ({ to: decrypt(m.toEnc), bodyText: m.bodyText })),
  };
}

/** The case a code belongs to, decrypted, as the back office would see it. */
export function caseByCode(code: string) {
  const row = getDb()
    .select()
    .from(schema.cases)
    .where(eq(schema.cases.code, code.replace(/-/g, "")))
    .get();
  if (!row) return null;
  return {
    caseId: row.id,
    kind: row.kind,
    reporterRole: row.reporterRole,
    urgent: row.urgent,
    language: row.language,
    contact: row.contactEnc ? (JSON.parse(decrypt(row.contactEnc)) as Record<string, unknown>) : null,
    details: row.detailsEnc ? (JSON.parse(decrypt(row.detailsEnc)) as Record<string, unknown>) : null,
  };
}

export function countCases(kind: "contact" | "complaint" | "testimony"): number {
  return getDb().select({ id: schema.cases.id }).from(schema.cases).where(eq(schema.cases.kind, kind)).all()
    .length;
}

/**
 * The engines cannot run in a page without JavaScript, so for those the page's HTML, exactly as the browser got
 * it, is served again to a page that may run axe but not the app's own scripts (so nothing is enhanced).
 */
async function checkSnapshot(page: Page, context: string) {
  const url = page.url();
  const html = await page.content();
  const other = await page.context().browser()!.newContext({ javaScriptEnabled: true, locale: "nl-NL" });
  try {
    const copy = await other.newPage();
    await copy.route("**/*", (route) => {
      const request = route.request();
      if (request.url() === url) return route.fulfill({ status: 200, contentType: "text/html", body: html });
      if (request.resourceType() === "script") return route.abort();
      return route.continue();
    });
    await copy.goto(url);
    await expectNoAxeViolations(copy, `${context} (without JavaScript)`);
    await expectNoHtmlcsErrors(copy, `${context} (without JavaScript)`);
  } finally {
    await other.close();
  }
}

/**
 * Both accessibility engines on the page as it is (unless `engines: false`: the sweep has this state), and
 * (when named) screenshots at phone and desktop width.
 */
export async function check(
  page: Page,
  context: string,
  opts: { js?: boolean; shot?: string; engines?: boolean } = {},
) {
  if (opts.engines === false) {
    // a11y-sweep.spec.ts runs both engines on this page state.
  } else if (opts.js === false) await checkSnapshot(page, context);
  else {
    await expectNoAxeViolations(page, context);
    await expectNoHtmlcsErrors(page, context);
  }
  if (opts.shot) await screenshots(page, opts.shot);
}

export async function expectErrorState(page: Page, lng: "nl" | "en") {
  await expect(page).toHaveTitle(lng === "nl" ? /^Fout: / : /^Error: /);
  await expect(page.getByRole("alert")).toBeVisible();
}

/** A string from locales/<lng>/<ns>.json, with {{values}} filled in: tests find things by what people read. */
export function text(
  lng: "nl" | "en",
  key: string,
  values: Record<string, string> = {},
  ns = "follow",
): string {
  return localeText(lng, ns, key, values);
}

/** How many contact requests came from someone with this name (to see that a double submit made one). */
export function countContactRequestsFrom(name: string): number {
  return getDb()
    .select({ contactEnc: schema.cases.contactEnc })
    .from(schema.cases)
    .where(eq(schema.cases.kind, "contact"))
    .all()
    .filter((r) => r.contactEnc && (JSON.parse(decrypt(r.contactEnc)) as { name?: string }).name === name)
    .length;
}

/** Console errors and uncaught exceptions (hydration mismatches show up here as React errors #418/#425). */
export function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    // A form with mistakes is answered 400 on purpose; the browser logs that as a failed resource.
    if (m.type() === "error" && !/status of 4\d\d/.test(m.text())) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}
