/**
 * Every intake step with bad input: a message in the person's language in an error summary that takes
 * focus, "Fout:"/"Error:" in the title, the message at the field, nothing typed lost; axe on each state
 * without JavaScript (with it, a11y-sweep.spec.ts checks them).
 */
import { test, type Page } from "@playwright/test";
import { expect } from "./expect";
import { enhanced, fakeNeutralSite, screenshots } from "./helpers";
import { axe, closeAxeCopies, choose, continueOn, expectErrorState, tr, type Lng } from "./intake-helpers";

test.afterEach(closeAxeCopies);

async function errorState(
  page: Page,
  lng: Lng,
  js: boolean,
  name: string,
  messages: string[],
  atField = true,
) {
  await expectErrorState(page, lng, messages);
  for (const message of messages) {
    // The same message stands at the field itself: once in the summary, once at the field.
    if (atField) await expect(page.getByRole("main").getByText(message)).toHaveCount(2);
  }
  // With JavaScript both engines check these error states in a11y-sweep.spec.ts.
  if (!js) await axe(page, js, `error ${name} ${lng}`);
  if (js && lng === "nl") await screenshots(page, `intake-error-${name}-nl`);
}

async function everyStepWrongFirst(page: Page, lng: Lng, js: boolean) {
  const t = (key: string, params: Record<string, string | number> = {}) => tr(lng, key, params);
  const e = (key: string, params: Record<string, string | number> = {}) => tr(lng, `errors:${key}`, params);
  await page.goto(`/verhaal/wie?lng=${lng}`);
  if (js) await enhanced(page);

  // 1. Nothing chosen.
  await continueOn(page, lng);
  await errorState(page, lng, js, "1-who", [t("fieldErrors.reporterRole.choose")]);
  await choose(page, "radio", t("who.options.other.label"));
  await continueOn(page, lng);

  // 2. Control characters; what was typed stays (the page comes back from the server, which marks the
  // character HTML cannot carry where it was; with JavaScript too, as the question pages no longer hydrate,
  // ADR 042).
  await expect(page).toHaveURL("/verhaal/afdeling");
  const about = page.getByRole("textbox", { name: t("unit.unitOther.label") });
  await about.fill("Groep \u0007Noord");
  await continueOn(page, lng);
  await errorState(page, lng, js, "2-unit", [e("controlChars")]);
  await expect(about).toHaveValue("Groep \uFFFDNoord");
  await about.fill("Groep Noord");
  await continueOn(page, lng);

  // 3. Years in the wrong order; what was typed stays.
  await expect(page).toHaveURL("/verhaal/wanneer");
  await page.getByLabel(t("unit.period.from")).fill("2021");
  await page.getByLabel(t("unit.period.to")).fill("2019");
  await continueOn(page, lng);
  await errorState(page, lng, js, "3-period", [e("yearOrder")]);
  await expect(page.getByLabel(t("unit.period.from"))).toHaveValue("2021");
  // The summary's link takes the person to the field (with JavaScript, once the page's script has run).
  if (js) await enhanced(page);
  await page.getByRole("link", { name: e("yearOrder") }).click();
  await expect(page.getByLabel(t("unit.period.to"))).toBeFocused();
  await page.getByLabel(t("unit.period.to")).fill("2022");
  await continueOn(page, lng);

  // 3. One character too many, with markup in it: kept in full, and the counter says so.
  await expect(page).toHaveURL("/verhaal/wat-is-er-gebeurd");
  const story = page.getByRole("textbox", { name: t("what.question") });
  const long = "<i>x</i>" + "a".repeat(20_000 - 8 + 1);
  await story.fill(long);
  await continueOn(page, lng);
  const max = lng === "nl" ? "20.000" : "20,000";
  await errorState(page, lng, js, "4-what", [t("fieldErrors.story.tooLong", { max })]);
  await expect(story).toHaveValue(long);
  // The count is tied to the field (aria-describedby), and the limit is in the hint.
  await expect(story).toHaveAccessibleDescription(
    new RegExp(tr(lng, "common:textArea.over_one", { count: 1 })),
  );
  await story.fill("Het ging mis.");
  await continueOn(page, lng);
  await expect(page).toHaveURL("/verhaal/onderwerpen");
  await continueOn(page, lng);

  // 6. Nothing chosen.
  await expect(page).toHaveURL("/verhaal/veilig");
  await continueOn(page, lng);
  await errorState(page, lng, js, "6-safe", [t("fieldErrors.safeNow.choose")]);
  await choose(page, "radio", t("safe.options.yes"));
  await continueOn(page, lng);

  // 7. Nothing chosen.
  await expect(page).toHaveURL("/verhaal/wensen");
  await continueOn(page, lng);
  await errorState(page, lng, js, "7-wishes", [t("fieldErrors.wishes.chooseAtLeastOne")]);
  await choose(page, "checkbox", t("wishes.options.investigation.label"));
  // Someone else (not the young person) is asked about help for the young person.
  await choose(page, "checkbox", t("wishes.options.help_now.label_other"));
  await continueOn(page, lng);

  // 8. Two bodies asked about, neither answered.
  await expect(page).toHaveURL("/verhaal/toestemming");
  await continueOn(page, lng);
  await errorState(page, lng, js, "8-consent", [
    t("fieldErrors.consent-igj.choose"),
    t("fieldErrors.consent-ozj.choose"),
  ]);
  for (const [r, answer] of [
    ["igj", "no"],
    ["ozj", "with_identity"],
  ]) {
    await page
      .getByRole("radiogroup", { name: t(`consent.recipients.${r}.label`) })
      .getByRole("radio", { name: t(`consent.options.${answer}.label`) })
      .check({ force: true });
  }
  await continueOn(page, lng);

  // 9. Contact details for the OZJ, but nobody may contact them: asked back here, where it can be fixed.
  await expect(page).toHaveURL("/verhaal/contact");
  await expect(page.getByText(t("contact.consentNeeds.identity_without_contact"))).toBeVisible();
  await choose(page, "radio", t("contact.options.none.label"));
  await continueOn(page, lng);
  await errorState(page, lng, js, "9-contact-consent", [t("fieldErrors.contactMethod.identityNeedsContact")]);
  await expect(
    page.getByRole("radio", { name: new RegExp(`^${t("contact.options.none.label")}`) }),
  ).toBeChecked();

  // 10. A phone number that is not one, and no answer about voice messages.
  await choose(page, "radio", t("contact.options.phone.label"));
  const phone = page.getByRole("textbox", { name: t("contact.phone.label") });
  await phone.fill("12");
  await continueOn(page, lng);
  await errorState(page, lng, js, "10-contact", [e("phone"), t("fieldErrors.mayLeaveMessage.choose")]);
  await expect(phone).toHaveValue("12");
  await expect(
    page.getByRole("radio", { name: new RegExp(`^${t("contact.options.phone.label")}`) }),
  ).toBeChecked();
  await phone.fill("06 12345678");
  await page
    .getByRole("radiogroup", { name: t("contact.mayLeaveMessage.label") })
    .getByRole("radio", { name: t("contact.mayLeaveMessage.options.no") })
    .check({ force: true });
  await continueOn(page, lng);

  // 11. The municipality may stay empty.
  await expect(page).toHaveURL("/verhaal/gemeente");
  await continueOn(page, lng);
  await expect(page).toHaveURL("/verhaal/controleren");
}

test.describe("with JavaScript, in Dutch", () => {
  test("every step shows its error state and keeps the input", async ({ page }) => {
    test.setTimeout(180_000);
    await everyStepWrongFirst(page, "nl", true);
  });

  test("typing capitals never sets off the quick exit, three Shifts in a row do", async ({ page }) => {
    await fakeNeutralSite(page);
    await page.goto("/verhaal/wie?lng=nl");
    await enhanced(page);
    await choose(page, "radio", tr("nl", "who.options.young_person.label"));
    await continueOn(page, "nl", "/verhaal/afdeling");
    await continueOn(page, "nl", "/verhaal/wanneer");
    await continueOn(page, "nl", "/verhaal/wat-is-er-gebeurd");
    // A fresh load (the question pages do not hydrate, ADR 042): the Shift listener comes with its script.
    await enhanced(page);
    const story = page.getByRole("textbox", { name: tr("nl", "what.question") });
    await story.click();
    for (const word of ["Ik", "Was", "Daar"]) {
      await page.keyboard.down("Shift");
      await page.keyboard.press(`Key${word[0]}`);
      await page.keyboard.up("Shift");
      await page.keyboard.type(`${word.slice(1)} `);
    }
    await expect(story).toHaveValue("Ik Was Daar ");
    await expect(page).toHaveURL("/verhaal/wat-is-er-gebeurd");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    await expect(page).toHaveURL(process.env.E2E_NEUTRAL_URL!);
  });
});

test.describe("without JavaScript, in English", () => {
  test.use({ javaScriptEnabled: false });

  test("every step shows its error state and keeps the input", async ({ page }) => {
    // Both engines on every error state without JavaScript: slow on a busy machine.
    test.setTimeout(360_000);
    await everyStepWrongFirst(page, "en", false);
  });

  test("an expired form on the check page keeps the answers and can be sent again", async ({
    page,
    context,
  }) => {
    test.setTimeout(360_000);
    await everyStepWrongFirst(page, "en", false);
    await context.clearCookies({ name: "ap_csrf" });
    await page.getByRole("button", { name: tr("en", "check.send") }).click();
    await errorState(page, "en", false, "8-check", [tr("en", "errors:csrf")], false);
    // The error page set a fresh token: sending again works.
    await page.getByRole("button", { name: tr("en", "check.send") }).click();
    await expect(page).toHaveURL("/verhaal/bevestiging");
    await expect(page.getByTestId("case-code")).toBeVisible();
  });
});
