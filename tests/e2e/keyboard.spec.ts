/**
 * The journeys with the keyboard alone: Tab, Shift+Tab, Space, Enter and the arrow keys, text typed into
 * whatever has focus. No clicks, no fills. After each navigation and each error, focus is somewhere sensible
 * (the error summary, the main content, or the top of a freshly loaded page, where the first Tab reaches the
 * skip link), and every control reached shows a visible focus indicator.
 */
import { test, type Locator, type Page } from "@playwright/test";
import { expect } from "./expect";
import { formatCaseCode } from "~/domain/codes";
import { createStaff, e2eDatabase, seedCase, codeFor } from "../helpers/seed-cases";
import { seedCase as seedFollowCase, text } from "./follow-helpers";
import { enhanced } from "./helpers";
import { tr, type Kind } from "./intake-helpers";

const MAX_TABS = 250;

/** Tabs (or Shift+Tabs) until `target` has focus, then checks that the focus can be seen. */
async function tabTo(page: Page, target: Locator, key: "Tab" | "Shift+Tab" = "Tab") {
  const element = await target.elementHandle({ timeout: 10_000 });
  for (let i = 0; i < MAX_TABS; i++) {
    if (await element!.evaluate((el) => el === document.activeElement)) {
      await expectVisibleFocus(page);
      return;
    }
    await page.keyboard.press(key);
  }
  throw new Error(`${MAX_TABS} × ${key} did not reach ${target}`);
}

/**
 * The focused control looks different from the same control without focus: an outline that is not
 * transparent, a shadow or a background that only focus gives it. A visually hidden radio or checkbox shows
 * its focus on the styled box inside its label, so the label's elements count too.
 */
async function expectVisibleFocus(page: Page) {
  const problem = await page.evaluate(async () => {
    // react-aria sets its focus class on the next render: let it happen before looking.
    const settle = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "nothing has focus";
    const label = el.closest("label") ?? (el.id ? document.querySelector(`label[for="${el.id}"]`) : null);
    const candidates = [el, ...(label ? [label, ...label.querySelectorAll("*")] : [])];
    const look = () =>
      candidates.map((c) => {
        const cs = getComputedStyle(c);
        const outline =
          cs.outlineStyle !== "none" &&
          parseFloat(cs.outlineWidth) > 0 &&
          cs.outlineColor !== "rgba(0, 0, 0, 0)"
            ? `${cs.outlineWidth} ${cs.outlineColor}`
            : "none";
        return `${outline}|${cs.boxShadow}|${cs.backgroundColor}`;
      });
    const focused = look();
    el.blur();
    await settle();
    const blurred = look();
    el.focus();
    await settle();
    return focused.some((f, i) => f !== blurred[i])
      ? null
      : `no visible focus on ${el.outerHTML.slice(0, 150)}`;
  });
  expect(problem).toBeNull();
}

/**
 * After a navigation: focus on the main content or the h1 (a client-side navigation), or on nothing at the top
 * of a freshly loaded page, where the first Tab must reach the skip link.
 *
 * Which of the two is decided by the document, not by timing: the browser's navigation entry names the URL
 * this document was loaded for. The same URL is a fresh load; another URL means React Router moved here and
 * must have put focus on the main content. (Polling for "focus on body or main" raced: between the URL change
 * and React's commit, focus sits on the body, and a Tab pressed then was taken away by the focus effect.)
 */
async function expectFocusAfterNavigation(page: Page, url: RegExp) {
  await expect(page).toHaveURL(url);
  const freshLoad = await page.evaluate(() => {
    const entry = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    return entry !== undefined && new URL(entry.name).pathname === location.pathname;
  });
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return "top";
      if (el.id === "main" || el.tagName === "H1") return "main";
      return el.outerHTML.slice(0, 120);
    });
  if (!freshLoad) {
    await expect.poll(focused).toBe("main");
    return;
  }
  await page.waitForLoadState("load");
  await expect.poll(focused).toBe("top");
  await page.keyboard.press("Tab");
  await expect(
    page.getByRole("link", { name: /Ga direct naar de inhoud|Skip to main content/ }),
  ).toBeFocused();
}

/** After an error: the summary has focus and shows it. */
async function expectErrorFocus(page: Page) {
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading") });
  await expect(summary).toBeFocused();
  await expectVisibleFocus(page);
  await expect(page).toHaveTitle(/^(Fout|Error): /);
}

/** Focus into a radio group and move with the arrow keys until `option` is chosen. */
async function chooseRadio(page: Page, group: Locator, option: Locator) {
  await tabTo(page, group.getByRole("radio").first());
  await page.keyboard.press("Space");
  for (let i = 0; i < 12 && !(await option.isChecked()); i++) await page.keyboard.press("ArrowDown");
  await expect(option).toBeChecked();
  await expect(option).toBeFocused();
}

/** A radio or checkbox by its label (its accessible name is the label, then the hint if any). */
const control = (scope: Page | Locator, role: "radio" | "checkbox", label: string) =>
  scope.getByRole(role, { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\s|$)`) });
const radio = (scope: Page | Locator, label: string) => control(scope, "radio", label);

async function pressButton(page: Page, name: string) {
  await tabTo(page, page.getByRole("main").getByRole("button", { name, exact: true }));
  await page.keyboard.press("Enter");
}

async function typeInto(page: Page, field: Locator, value: string) {
  await tabTo(page, field);
  await page.keyboard.type(value);
}

async function intakeJourney(page: Page, kind: Kind) {
  const base = kind === "testimony" ? "/verhaal" : "/klacht";
  const t = (key: string) => tr("nl", key, {}, kind);
  const cont = () => pressButton(page, tr("nl", "common:continue"));
  await page.goto(`${base}?lng=nl`);
  await page.waitForLoadState("networkidle");
  await tabTo(page, page.getByRole("link", { name: t("start.begin") }));
  await page.keyboard.press("Enter");
  await expectFocusAfterNavigation(page, new RegExp(`${base}/wie$`));
  // The question pages do not hydrate either (ADR 042): each is a fresh load, ready once its script has run.
  await enhanced(page);

  // Nothing chosen: the error summary takes focus; its link leads to the question.
  await cont();
  await expectErrorFocus(page);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("alert").getByRole("link")).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("radio").first()).toBeFocused();
  await chooseRadio(page, page.getByRole("main"), radio(page, t("who.options.young_person.label")));
  await cont();

  await expectFocusAfterNavigation(page, new RegExp(`${base}/afdeling$`));
  await cont();
  await expectFocusAfterNavigation(page, new RegExp(`${base}/wanneer$`));
  await cont();
  await expectFocusAfterNavigation(page, new RegExp(`${base}/wat-is-er-gebeurd$`));
  await typeInto(page, page.getByRole("textbox", { name: t("what.question") }), "Ik zat dagen alleen.");
  // Away to the button with Tab and back with Shift+Tab to add to the story: nothing typed is lost.
  await tabTo(
    page,
    page.getByRole("main").getByRole("button", { name: tr("nl", "common:continue"), exact: true }),
  );
  await tabTo(page, page.getByRole("textbox", { name: t("what.question") }), "Shift+Tab");
  await page.keyboard.press("End");
  await page.keyboard.type(" Niemand kwam.");
  await expect(page.getByRole("textbox", { name: t("what.question") })).toHaveValue(
    "Ik zat dagen alleen. Niemand kwam.",
  );
  await cont();

  await expectFocusAfterNavigation(page, new RegExp(`${base}/onderwerpen$`));
  const isolation = control(page, "checkbox", t("what.themes.options.isolation"));
  await tabTo(page, isolation);
  await page.keyboard.press("Space");
  await expect(isolation).toBeChecked();
  await cont();
  if (kind === "complaint") {
    await expectFocusAfterNavigation(page, new RegExp(`${base}/organisatie$`));
    await cont();
  }

  await expectFocusAfterNavigation(page, new RegExp(`${base}/veilig$`));
  await chooseRadio(page, page.getByRole("main"), radio(page, t("safe.options.yes")));
  await cont();

  await expectFocusAfterNavigation(page, new RegExp(`${base}/wensen$`));
  const heard = control(page, "checkbox", t("wishes.options.heard.label"));
  await tabTo(page, heard);
  await page.keyboard.press("Space");
  await expect(heard).toBeChecked();
  await cont();

  await expectFocusAfterNavigation(page, new RegExp(`${base}/contact$`));
  await chooseRadio(page, page.getByRole("main"), radio(page, t("contact.options.none.label")));
  await cont();

  await expectFocusAfterNavigation(page, new RegExp(`${base}/gemeente$`));
  await cont();

  await expectFocusAfterNavigation(page, new RegExp(`${base}/controleren$`));
  await expect(page.getByText("Ik zat dagen alleen. Niemand kwam.")).toBeVisible();
  await pressButton(page, t("check.send"));
  await expectFocusAfterNavigation(page, new RegExp(`${base}/bevestiging$`));
  await expect(page.getByTestId("case-code")).toHaveText(/^\w{4}-\w{4}$/);
}

test.use({ actionTimeout: 15_000 });

test.describe("keyboard only, in Dutch", () => {
  test.setTimeout(240_000);

  for (const kind of ["testimony", "complaint"] as const) {
    test(`a ${kind} from the start page to the receipt`, async ({ page }) => {
      await intakeJourney(page, kind);
    });
  }

  test("a contact request from someone close, to the receipt", async ({ page }) => {
    const t = (key: string) => text("nl", key);
    const cont = () => pressButton(page, t("contact.continue"));
    await page.goto("/contact?lng=nl");
    await page.waitForLoadState("networkidle");
    await cont();
    await expectErrorFocus(page);
    await typeInto(page, page.getByLabel(t("contact.details.name.label")), "Toetsenbord");
    await cont();

    // One question per page (ADR 037): each new page puts the focus where a keyboard user starts.
    await expectFocusAfterNavigation(page, /\/contact\/relatie$/);
    // The contact pages do not hydrate (ADR 042): each is a fresh load, ready once its script has run.
    await enhanced(page);
    await chooseRadio(
      page,
      page.getByRole("radiogroup", { name: t("contact.details.relation.label") }),
      radio(page, t("contact.relations.parent")),
    );
    await cont();
    await expectFocusAfterNavigation(page, /\/contact\/bereiken$/);
    const way = page.getByRole("radiogroup", { name: t("contact.details.title") });
    await chooseRadio(page, way, radio(way, t("contact.reach.options.phone")));
    await typeInto(page, page.getByLabel(t("contact.details.phone.label")), "06 1234 5678");
    await cont();
    await expectFocusAfterNavigation(page, /\/contact\/bellen$/);
    const mayLeave = page.getByRole("radiogroup", { name: t("contact.details.mayLeaveMessage.label") });
    await chooseRadio(page, mayLeave, radio(mayLeave, t("contact.answers.no")));
    await cont();

    await expectFocusAfterNavigation(page, /\/contact\/vraag$/);
    await typeInto(page, page.getByLabel(t("contact.question.title")), "Hoe gaat het met mijn zoon?");
    await cont();
    await expectFocusAfterNavigation(page, /\/contact\/weet-ervan$/);
    const knows = page.getByRole("radiogroup", { name: t("contact.question.youngPersonKnows.label") });
    await chooseRadio(page, knows, radio(knows, t("contact.answers.unknown")));
    await cont();
    await expectFocusAfterNavigation(page, /\/contact\/dringend$/);
    const urgent = page.getByRole("radiogroup", { name: t("contact.question.urgent.label") });
    await chooseRadio(page, urgent, radio(urgent, t("contact.question.urgent.no")));
    await cont();

    await expectFocusAfterNavigation(page, /\/contact\/controleren$/);
    await pressButton(page, t("contact.check.submit"));
    await expectFocusAfterNavigation(page, /\/contact\/bevestiging$/);
    await expect(
      page.getByRole("heading", { level: 1, name: t("contact.confirmation.title") }),
    ).toBeVisible();
  });

  test("following a case: sign in (a wrong try first) and reply", async ({ page }) => {
    const t = (key: string) => text("nl", key);
    const c = seedFollowCase("nl", "Wil je ons laten weten of we je mogen bellen?");
    await page.goto("/volgen?lng=nl");
    // The sign-in page does not hydrate (ADR 042): each of its loads is ready when its script has run.
    await enhanced(page);
    await pressButton(page, t("signIn.submit"));
    await expectErrorFocus(page);
    await enhanced(page);
    await typeInto(page, page.getByLabel(t("signIn.code.label"), { exact: true }), c.code);
    await typeInto(page, page.getByLabel(t("signIn.passphrase.label")), "AAAA-AAAA-AAAA-AAAA");
    await page.keyboard.press("Enter");
    await expectErrorFocus(page);
    await enhanced(page);
    await expect(page.getByRole("alert")).toContainText(t("signIn.errors.wrong"));
    await typeInto(page, page.getByLabel(t("signIn.passphrase.label")), c.passphrase);
    await pressButton(page, t("signIn.submit"));

    await expectFocusAfterNavigation(page, /\/volgen\/zaak$/);
    // The case page does not hydrate either (ADR 042): go on once its script has run.
    await enhanced(page);
    await pressButton(page, t("case.reply.submit"));
    await expectErrorFocus(page);
    await typeInto(page, page.getByLabel(t("case.reply.label")), "Liever niet bellen, mail is goed.");
    await pressButton(page, t("case.reply.submit"));
    // The confirmation beside the emptied box takes the focus (issue 14).
    const sent = page.getByRole("status").filter({ hasText: t("case.done.bericht") });
    await expect(sent).toBeFocused();
    await expect(page.getByText("Liever niet bellen, mail is goed.")).toBeVisible();
  });

  test("staff: sign in with a code from the app, open a case from the queue, assign, message, status", async ({
    page,
  }) => {
    const s = (key: string) => text("nl", key, {}, "staff");
    const db = e2eDatabase();
    const staff = await createStaff(db, { role: "coordinator" });
    const seeded = seedCase(db, { kind: "complaint", urgent: true });

    await page.goto("/medewerker/inloggen?lng=nl");
    await page.waitForLoadState("networkidle");
    await pressButton(page, s("signIn.submit"));
    await expectErrorFocus(page);
    await typeInto(page, page.getByLabel(s("signIn.email")), staff.email);
    await typeInto(page, page.getByLabel(s("signIn.password"), { exact: true }), staff.password);
    await page.keyboard.press("Enter");
    await expectFocusAfterNavigation(page, /\/medewerker\/inloggen\/code/);
    await typeInto(page, page.getByLabel(s("code.label")), codeFor(staff.totpSecret));
    await page.keyboard.press("Enter");
    await expectFocusAfterNavigation(page, /\/medewerker(\?|$)/);

    // The queue sorted newest first (a bookmark), so the new case is on its first page.
    await page.goto("/medewerker?sort=newest&lng=nl");
    await page.waitForLoadState("networkidle");
    await tabTo(page, page.getByRole("link", { name: formatCaseCode(seeded.code) }));
    await page.keyboard.press("Enter");
    await expectFocusAfterNavigation(page, new RegExp(`/medewerker/zaken/${seeded.id}`));

    await pressButton(page, s("case.actions.assignMe"));
    await expect(page.getByRole("status").first()).toBeVisible();
    await expectFocusAfterNavigation(page, new RegExp(`/medewerker/zaken/${seeded.id}`));

    await pressButton(page, s("case.actions.send"));
    await expectErrorFocus(page);
    await typeInto(page, page.getByLabel(s("case.actions.message"), { exact: true }), "We nemen contact op.");
    await pressButton(page, s("case.actions.send"));
    await expect(
      page
        .getByRole("region", { name: s("case.timeline.reporterHeading") })
        .getByText("We nemen contact op."),
    ).toBeVisible();

    const statusGroup = page.getByRole("radiogroup", { name: s("case.actions.newStatus") });
    await chooseRadio(page, statusGroup, statusGroup.getByRole("radio").first());
    const chosen = (await statusGroup.getByRole("radio").first().getAttribute("value")) ?? "";
    await pressButton(page, s("case.actions.changeStatus"));
    await expect(page.getByRole("status").first()).toBeVisible();
    expect(chosen).not.toBe("");
    await expectFocusAfterNavigation(page, new RegExp(`/medewerker/zaken/${seeded.id}`));
  });
});

test("keyboard only, in English: the error summary takes focus and its link leads to the field", async ({
  page,
}) => {
  const t = (key: string) => text("en", key);
  await page.goto("/volgen?lng=en");
  await enhanced(page);
  await pressButton(page, t("signIn.submit"));
  await expectErrorFocus(page);
  await enhanced(page);
  await page.keyboard.press("Tab");
  const first = page.getByRole("alert").getByRole("link", { name: t("signIn.errors.codeMissing") });
  await expect(first).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page.getByLabel(t("signIn.code.label"), { exact: true })).toBeFocused();
  await expectVisibleFocus(page);
});
