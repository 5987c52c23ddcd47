/**
 * Helpers for the intake journeys: the texts come from the locale files themselves, so a test finds a
 * field by the label a person reads, in either language.
 */
import { type BrowserContext, type Page } from "@playwright/test";
import { expect } from "./expect";
import { enhanced, expectNoAxeViolations, localeString, localeText } from "./helpers";

export type Lng = "nl" | "en";
export type Kind = "testimony" | "complaint";

/**
 * A text as i18next would give it: "ns:key" (default namespace intake), `_complaint` for a complaint,
 * `_one`/`_other` for a count, {{name}} filled in.
 */
export function tr(
  lng: Lng,
  fullKey: string,
  params: Record<string, string | number> = {},
  kind?: Kind,
): string {
  const [ns, key] = fullKey.includes(":") ? (fullKey.split(":") as [string, string]) : ["intake", fullKey];
  const candidates = [
    kind === "complaint" ? `${key}_complaint` : undefined,
    typeof params.count === "number" ? `${key}_${params.count === 1 ? "one" : "other"}` : undefined,
    key,
  ].filter((k): k is string => Boolean(k));
  const found = candidates.find((k) => localeString(lng, ns, k) !== undefined) ?? key;
  return localeText(lng, ns, found, params);
}

export const basePath = (kind: Kind) => (kind === "testimony" ? "/verhaal" : "/klacht");

/** Presses "Continue"; with `next`, waits until that page is there (a second press must not hit the old one). */
export async function continueOn(page: Page, lng: Lng, next?: string) {
  await page.getByRole("button", { name: tr(lng, "common:continue"), exact: true }).click();
  if (next) await expect(page).toHaveURL(next);
}

/**
 * Ticks a radio or checkbox by its label. The control itself is visually hidden behind its styled label
 * (react-aria), so the click goes to the label, as a person's does. Not a forced click on the hidden
 * control: that skips the wait for a still layout, and a click aimed before the stylesheet had arrived
 * landed beside the label (CI, before-hydration.spec.ts).
 */
export async function choose(page: Page, role: "radio" | "checkbox", label: string) {
  // The accessible name is the label followed by its hint, if any.
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const control = page.getByRole(role, { name: new RegExp(`^${escaped}(\\s|$)`) });
  // A click on a ticked checkbox's label would untick it.
  if (!(await control.isChecked())) await page.locator("label").filter({ has: control }).click();
  await expect(control).toBeChecked();
}

export async function expectQuestion(page: Page, question: string, step?: { number: number }, lng?: Lng) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(question);
  if (step && lng) await expect(page.getByText(tr(lng, "progress", step), { exact: true })).toBeVisible();
}

/** GOV.UK error state: "Error:" in the title, a focused summary that links to the field, the message inline. */
export async function expectErrorState(page: Page, lng: Lng, messages: string[]) {
  await expect(page).toHaveTitle(new RegExp(`^${tr(lng, "common:errorTitlePrefix")}`));
  const summary = page.getByRole("alert").filter({ hasText: tr(lng, "common:errorSummary.title") });
  await expect(summary).toBeFocused();
  for (const message of messages) {
    await expect(summary.getByRole("link", { name: message })).toBeVisible();
  }
}

/**
 * axe on the page as it is. axe runs as a script in the page, which a browser with JavaScript off will not
 * do; then the exact HTML the server sent is checked in a second, scripting page that loads the same
 * styles but none of our scripts, so the DOM is the one a person without JavaScript gets.
 */
const snapshotPages = new Map<Page, { context: BrowserContext; copy: Page }>();

/** Closes the copies made for axe without JavaScript: call it in `test.afterEach`. */
export async function closeAxeCopies() {
  for (const { context } of snapshotPages.values()) await context.close();
  snapshotPages.clear();
}

export async function axe(page: Page, js: boolean, context: string) {
  // Pages stream in: check the whole document, not the part that has arrived.
  await page.waitForLoadState("load");
  if (js) return expectNoAxeViolations(page, context);
  // No script of ours may run in the copy, or it would hydrate into the JavaScript version of the page.
  const html = (await page.content())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, "");
  let snapshot = snapshotPages.get(page);
  if (!snapshot) {
    const created = await page.context().browser()!.newContext({ javaScriptEnabled: true });
    snapshot = { context: created, copy: await created.newPage() };
    snapshotPages.set(page, snapshot);
  }
  const { copy } = snapshot;
  await copy.unroute("**/*");
  await copy.route("**/*", (route) => {
    const request = route.request();
    if (request.resourceType() === "document") return route.fulfill({ body: html, contentType: "text/html" });
    if (request.resourceType() === "script" || request.url().endsWith(".js")) return route.abort();
    return route.continue();
  });
  await copy.goto(page.url());
  await expectNoAxeViolations(copy, `${context} (without JavaScript)`);
}

/**
 * Files a complaint through the public intake the quick way (a young person, 't Anker, not safe now so it
 * is urgent, reachable by email) and returns the code and passphrase from the confirmation page.
 */
export async function fileUrgentComplaint(
  page: Page,
  lng: Lng,
  answers: { story: string; email: string },
): Promise<{ code: string; passphrase: string }> {
  return fileIntake(page, lng, "complaint", { ...answers, safe: "no" });
}

/**
 * Files a story or complaint the quick way (a young person, 't Anker, wishing a conversation, reachable by
 * email), with JavaScript or without, and returns the code and passphrase from the confirmation page.
 */
export async function fileIntake(
  page: Page,
  lng: Lng,
  kind: Kind,
  answers: { story: string; email: string; safe: "yes" | "no" },
  { js = true } = {},
): Promise<{ code: string; passphrase: string }> {
  const t = (key: string, params: Record<string, string | number> = {}) => tr(lng, key, params, kind);
  const base = basePath(kind);
  await page.goto(`${base}/wie?lng=${lng}`);
  if (js) await enhanced(page);
  await choose(page, "radio", t("who.options.young_person.label"));
  await continueOn(page, lng, `${base}/afdeling`);
  await choose(page, "radio", t("unit.unitLabel", { name: "'t Anker", place: "Harreveld" }));
  await continueOn(page, lng, `${base}/wanneer`);
  await page.getByLabel(t("unit.period.from")).fill("2022");
  await continueOn(page, lng, `${base}/wat-is-er-gebeurd`);
  await page.getByRole("textbox", { name: t("what.question") }).fill(answers.story);
  await continueOn(page, lng, `${base}/onderwerpen`);
  await choose(page, "checkbox", t("what.themes.options.isolation"));
  if (kind === "complaint") {
    await continueOn(page, lng, `${base}/organisatie`);
  }
  await continueOn(page, lng, `${base}/veilig`);
  await choose(page, "radio", t(`safe.options.${answers.safe}`));
  await continueOn(page, lng, `${base}/wensen`);
  await choose(page, "checkbox", t("wishes.options.conversation.label"));
  await continueOn(page, lng, `${base}/contact`);
  await choose(page, "radio", t("contact.options.email.label"));
  await page.getByRole("textbox", { name: t("contact.email.label") }).fill(answers.email);
  await continueOn(page, lng, `${base}/gemeente`);
  await continueOn(page, lng, `${base}/controleren`);
  await page.getByRole("button", { name: t("check.send") }).click();
  await expect(page).toHaveURL(`${base}/bevestiging`);
  await expect(page.getByTestId("case-code")).toHaveText(/^\w{4}-\w{4}$/);
  return {
    code: (await page.getByTestId("case-code").innerText()).trim(),
    passphrase: (await page.getByTestId("passphrase").innerText()).trim(),
  };
}
