/**
 * Telling a story and filing a complaint, end to end: Dutch and English, with JavaScript and without,
 * axe on every page without JavaScript (Dutch), screenshots of every step (Dutch, with JavaScript).
 */
import { test, type Page } from "@playwright/test";
import { expect } from "./expect";
import { enhanced, otherPairs, pairs, recordRequests, screenshots } from "./helpers";
import {
  axe,
  closeAxeCopies,
  basePath,
  choose,
  continueOn,
  expectQuestion,
  tr,
  type Kind,
  type Lng,
} from "./intake-helpers";

test.afterEach(closeAxeCopies);

const STORY = "Ik zat 23 uur per dag alleen.\n<script>alert('boe')</script> & <b>niet vet</b>";

/**
 * Both engines run on every intake page with JavaScript, in both languages, in a11y-sweep.spec.ts. Here axe
 * checks what a browser without JavaScript gets (another DOM: a <select> for the municipality, no counter),
 * in Dutch (the structure is the same in English): every page of the story, the complaint's own pages.
 */
type Options = { kind: Kind; lng: Lng; js: boolean; shots?: string; axePages: "all" | "complaint" };
const complaintPages = new Set([
  "0-start",
  "1-who",
  "6-organisation",
  "8-wishes",
  "9-consent",
  "12-check",
  "13-confirmation",
]);

async function check(page: Page, name: string, opts: Options) {
  if (!opts.js && (opts.axePages === "all" || complaintPages.has(name)))
    await axe(page, opts.js, `${opts.kind} ${opts.lng} ${name}`);
  if (opts.shots) await screenshots(page, `${opts.shots}-${name}`);
}

/** Waits until react-aria has taken over the page (the municipality list becomes a searchable box). */
async function hydrated(page: Page, label: string) {
  await expect(page.getByRole("combobox", { name: new RegExp(label) })).toHaveJSProperty("tagName", "INPUT");
}

async function journey(page: Page, opts: Options) {
  const { kind, lng, js } = opts;
  const base = basePath(kind);
  const t = (key: string, params: Record<string, string | number> = {}) => tr(lng, key, params, kind);

  await page.goto(`${base}?lng=${lng}`);
  // The start page does not hydrate (ADR 042): its enhancement script is the readiness signal.
  if (js) await enhanced(page);
  await expectQuestion(page, t("start.title"));
  await check(page, "0-start", opts);
  await page.getByRole("link", { name: t("start.begin") }).click();

  // 1. Who is telling
  await expect(page).toHaveURL(`${base}/wie`);
  // With JavaScript, go on once the page's script runs, so the journey really goes through it. The question
  // pages do not hydrate either (ADR 042): each is a fresh load, ready when its enhancement script has run.
  if (js) await enhanced(page);
  await expectQuestion(page, t("who.question"), { number: 1 }, lng);
  await expect(page.getByRole("link", { name: tr(lng, "common:back") })).toHaveAttribute("href", base);
  await check(page, "1-who", opts);
  await choose(page, "radio", t("who.options.young_person.label"));
  await continueOn(page, lng);

  // 2. Which unit, optional
  await expect(page).toHaveURL(`${base}/afdeling`);
  await expectQuestion(page, `${t("unit.question")} ${tr(lng, "common:optional")}`, { number: 2 }, lng);
  await check(page, "2-unit", opts);
  await choose(page, "radio", t("unit.unitLabel", { name: "'t Anker", place: "Harreveld" }));
  await continueOn(page, lng);

  // 3. When, optional: a question of its own
  await expect(page).toHaveURL(`${base}/wanneer`);
  await expectQuestion(page, `${t("unit.period.legend")} ${tr(lng, "common:optional")}`, { number: 3 }, lng);
  await check(page, "3-period", opts);
  await page.getByLabel(t("unit.period.from")).fill("2019");
  await page.getByLabel(t("unit.period.to")).fill("2021");
  await continueOn(page, lng);

  // 4. What happened: only the story on this page
  await expect(page).toHaveURL(`${base}/wat-is-er-gebeurd`);
  if (js) await enhanced(page);
  await expectQuestion(page, t("what.question"), { number: 4 }, lng);
  await expect(page.getByRole("textbox")).toHaveCount(1);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  const story = page.getByRole("textbox", { name: t("what.question") });
  await story.fill(STORY);
  if (js) {
    const left = tr(lng, "common:textArea.remaining_other", { count: 20_000 - STORY.length });
    // Tied to the field; read out once typing pauses, not on every key.
    await expect(story).toHaveAccessibleDescription(new RegExp(left));
    await expect(page.locator("[aria-live=polite]").getByText(left)).toHaveCount(1);
  }
  await check(page, "4-what", opts);
  await continueOn(page, lng);

  // 5. What it is about, optional
  await expect(page).toHaveURL(`${base}/onderwerpen`);
  await expectQuestion(page, `${t("what.themes.label")} ${tr(lng, "common:optional")}`, { number: 5 }, lng);
  await choose(page, "checkbox", t("what.themes.options.isolation"));
  await choose(page, "checkbox", t("what.themes.options.no_school"));
  await check(page, "5-themes", opts);
  await continueOn(page, lng);

  // 6. A complaint only: which organisation
  let n = 6;
  if (kind === "complaint") {
    await expect(page).toHaveURL(`${base}/organisatie`);
    await expectQuestion(
      page,
      `${t("what.complaintAbout.label")} ${tr(lng, "common:optional")}`,
      { number: n++ },
      lng,
    );
    await page.getByRole("textbox", { name: t("what.complaintAbout.label") }).fill("Horizon");
    await check(page, "6-organisation", opts);
    await continueOn(page, lng);
  }

  // Safe now? "No" shows the crisis numbers right there, and the journey continues.
  await expect(page).toHaveURL(`${base}/veilig`);
  await expectQuestion(page, t("safe.question"), { number: n++ }, lng);
  const notSafe = page.getByRole("heading", { name: t("safe.notSafe.heading") });
  await expect(notSafe).toBeHidden();
  await choose(page, "radio", t("safe.options.no"));
  await expect(notSafe).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: /112/ })).toHaveAttribute("href", "tel:112");
  await check(page, "7-safe", opts);
  await continueOn(page, lng);

  // Wishes: the case is urgent now, and the page says so. A complaint asks it once, about the complaint.
  await expect(page).toHaveURL(`${base}/wensen`);
  await expectQuestion(page, t("wishes.question"), { number: n++ }, lng);
  await expect(page.getByRole("heading", { name: t("urgentNotice.heading") })).toBeVisible();
  // The notice is short: on a phone the question is still on the first screen.
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
  await page.setViewportSize(viewport);
  await choose(page, "checkbox", t("wishes.options.heard.label"));
  await choose(page, "checkbox", t("wishes.options.investigation.label"));
  if (kind === "complaint") {
    await page.getByRole("textbox", { name: t("what.desiredOutcome.label") }).fill("Excuses en uitleg");
  } else {
    await expect(page.getByRole("textbox")).toHaveCount(0);
  }
  await check(page, "8-wishes", opts);
  await continueOn(page, lng);

  // Consent, only about the Inspectorate (the wish for an investigation needs it).
  await expect(page).toHaveURL(`${base}/toestemming`);
  await expectQuestion(page, t("consent.question"), { number: n++ }, lng);
  await expect(page.getByRole("radiogroup")).toHaveCount(1);
  const igj = page.getByRole("radiogroup", { name: t("consent.recipients.igj.label") });
  await expect(igj).toBeVisible();
  await check(page, "9-consent", opts);
  await igj.getByRole("radio", { name: t("consent.options.anonymous.label") }).check({ force: true });
  await continueOn(page, lng);

  // How to reach you
  await expect(page).toHaveURL(`${base}/contact`);
  if (js) await enhanced(page);
  await expectQuestion(page, t("contact.question"), { number: n++ }, lng);
  const email = page.getByRole("textbox", { name: t("contact.email.label") });
  if (js) await expect(email).toBeHidden();
  else {
    // GOV.UK's conditional reveal without JavaScript: every follow-up field shows, its condition in its label.
    await expect(email).toHaveAccessibleName(`${t("contact.email.label")} ${t("contact.onlyIf.email")}`);
    const phone = page.getByRole("textbox", { name: t("contact.phone.label") });
    await expect(phone).toBeVisible();
    await expect(phone).toHaveAccessibleName(`${t("contact.phone.label")} ${t("contact.onlyIf.phone")}`);
  }
  await choose(page, "radio", t("contact.options.email.label"));
  await expect(email).toBeVisible();
  await email.fill("sam@example.nl");
  await check(page, "10-contact", opts);
  await continueOn(page, lng);

  // The municipality, a question of its own (a <select> without JavaScript, a search box with it).
  await expect(page).toHaveURL(`${base}/gemeente`);
  if (js) await enhanced(page);
  const municipality = `${t("contact.municipality.label")} ${tr(lng, "common:optional")}`;
  await expectQuestion(page, municipality, { number: n++ }, lng);
  if (js) {
    await hydrated(page, t("contact.municipality.label"));
    const box = page.getByRole("combobox", { name: municipality });
    await box.click();
    await box.fill("Amster");
    await page.getByRole("option", { name: "Amsterdam", exact: true }).click();
  } else {
    await page.getByRole("combobox", { name: municipality }).selectOption({ label: "Amsterdam" });
  }
  await check(page, "11-municipality", opts);
  await continueOn(page, lng);

  // Check your answers: what was typed is shown as text, never as markup.
  await expect(page).toHaveURL(`${base}/controleren`);
  await expectQuestion(page, t("check.title"));
  const answers = page.getByRole("main");
  await expect(answers.getByText("<script>alert('boe')</script> & <b>niet vet</b>")).toBeVisible();
  await expect(answers.locator("b")).toHaveCount(0);
  await expect(answers.getByText("Amsterdam", { exact: true })).toBeVisible();
  await expect(answers.getByText("sam@example.nl")).toBeVisible();
  await check(page, "12-check", opts);
  await page.getByRole("button", { name: t("check.send") }).click();

  // Confirmation: code and passphrase, the deadline, how to follow.
  await expect(page).toHaveURL(`${base}/bevestiging`);
  await expectQuestion(page, t("confirmation.title"));
  // The page streams in: wait for the values rather than read them half-arrived.
  await expect(page.getByTestId("case-code")).toHaveText(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  await expect(page.getByTestId("passphrase")).toHaveText(/^[a-z]{4,8}( [a-z]{4,8}){4}$/);
  const code = (await page.getByTestId("case-code").innerText()).trim();
  const passphrase = (await page.getByTestId("passphrase").innerText()).trim();
  await expect(page.getByText(t("confirmation.next.urgent"))).toBeVisible();
  await expect(page.getByText(new RegExp(t("confirmation.next.answer_one").split(",")[0]!))).toBeVisible();
  await expect(page.getByRole("link", { name: t("confirmation.followLink") }).first()).toHaveAttribute(
    "href",
    "/volgen",
  );
  if (js) await expect(page.getByRole("button", { name: t("follow:receipt.print") })).toBeVisible();
  else await expect(page.getByText(t("follow:receipt.printHint"))).toBeVisible();
  await check(page, "13-confirmation", opts);

  // The .txt receipt holds the same code and passphrase.
  const href = await page.getByRole("link", { name: t("follow:receipt.download") }).getAttribute("href");
  const file = await page.request.get(href!);
  expect(file.headers()["content-disposition"]).toContain(t("follow:receipt.note.fileName"));
  const text = await file.text();
  expect(text).toContain(code);
  expect(text).toContain(passphrase);
  expect(text).not.toContain("alleen");
  return { code, passphrase };
}

// Each kind in both languages and both modes, paired (ADR 033): the testimony takes one pair, the complaint
// the other, so Dutch and English each run with and without JavaScript.
const variants = [
  ...pairs.map((v) => ({ ...v, kind: "testimony" as const })),
  ...otherPairs.map((v) => ({ ...v, kind: "complaint" as const })),
];

for (const { kind, lng, js } of variants) {
  test.describe(js ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: js });
    test(`${kind} in ${lng}: from the first question to a code and passphrase`, async ({ page, baseURL }) => {
      // The runs without JavaScript check their pages with both engines (the sweep checks them with it), the
      // Dutch one with JavaScript photographs them: 1.7 min alone, 6 min beside the sweep on two cores.
      test.setTimeout(600_000);
      const requests = recordRequests(page);
      const shots = js && lng === "nl" ? `intake-${kind}-nl` : undefined;
      await journey(page, { kind, lng, js, shots, axePages: kind === "testimony" ? "all" : "complaint" });
      expect(requests.filter((u) => !u.startsWith(baseURL!))).toEqual([]);
    });
  });
}

test.describe("sending twice", () => {
  test.use({ javaScriptEnabled: false });

  test("a double click, a reload and back-and-send all end on the same receipt", async ({ page }) => {
    await journeyToCheck(page);
    await page.getByRole("button", { name: tr("nl", "check.send") }).dblclick();
    await expect(page).toHaveURL("/verhaal/bevestiging");
    await expect(page.getByTestId("case-code")).toHaveText(/^\w{4}-\w{4}$/);
    const shown = (await page.getByTestId("case-code").innerText()).trim();
    await page.reload();
    await expect(page.getByTestId("case-code")).toHaveText(shown);
    await page.goBack();
    // The check page now leads to the receipt: the answers went into the case.
    await expect(page).toHaveURL("/verhaal/bevestiging");
    await page.goto("/verhaal/controleren");
    await expect(page).toHaveURL("/verhaal/bevestiging");
    await expect(page.getByTestId("case-code")).toHaveText(shown);

    // "I have saved everything" takes the passphrase off the site.
    await page.getByRole("button", { name: tr("nl", "follow:receipt.done.button") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(tr("nl", "confirmation.gone.title"));
    await expect(page.getByTestId("passphrase")).toHaveCount(0);
    await axe(page, false, "receipt gone");
    await screenshots(page, "intake-receipt-gone-nl");
  });
});

/** A short way to the check page (JavaScript off keeps it fast and deterministic). */
async function journeyToCheck(page: Page) {
  const nl = (key: string) => tr("nl", key);
  await page.goto("/verhaal/wie?lng=nl");
  await choose(page, "radio", nl("who.options.close.label"));
  await continueOn(page, "nl", "/verhaal/afdeling");
  await continueOn(page, "nl", "/verhaal/wanneer");
  await continueOn(page, "nl", "/verhaal/wat-is-er-gebeurd");
  await page.getByRole("textbox", { name: nl("what.question") }).fill("Mijn zoon zat daar.");
  await continueOn(page, "nl", "/verhaal/onderwerpen");
  await continueOn(page, "nl", "/verhaal/veilig");
  // A relative is asked about the young person, with "I don't know" in the last answer.
  await choose(page, "radio", nl("safe.options.rather_not_say_close"));
  await continueOn(page, "nl", "/verhaal/wensen");
  await choose(page, "checkbox", nl("wishes.options.counted.label"));
  await continueOn(page, "nl", "/verhaal/contact");
  await choose(page, "radio", nl("contact.options.none.label"));
  await continueOn(page, "nl", "/verhaal/gemeente");
  await continueOn(page, "nl", "/verhaal/controleren");
}
