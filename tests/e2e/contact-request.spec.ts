import fs from "node:fs";
import { test, type Page } from "@playwright/test";
import { expect } from "./expect";
import {
  caseByCode,
  check,
  countContactRequestsFrom,
  expectErrorState,
  recordErrors,
  text,
} from "./follow-helpers";
import { contactPagePath, fillContactPage } from "./contact-helpers";
import { enhanced, pairs, recordRequests } from "./helpers";

const NAMES = { "nl-js": "Sanne", "nl-nojs": "Joost", "en-js": "Emma", "en-nojs": "Daan" } as const;
const QUESTION = "Hoe gaat het met mijn zoon? <script>alert(1)</script>";

async function continueTo(page: Page, lng: "nl" | "en") {
  await page.getByRole("button", { name: text(lng, "contact.continue") }).click();
}

for (const { lng, js } of pairs) {
  test.describe(`contact request in ${lng}, JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });
    test.setTimeout(240_000);
    const t = (key: string, values?: Record<string, string>) => text(lng, key, values);
    const shot = (name: string) => (js ? `contact-${name}-${lng}` : undefined);
    const name = NAMES[`${lng}-${js ? "js" : "nojs"}`];
    // The engines run on these pages with JavaScript in a11y-sweep.spec.ts, in both languages. Here they
    // check what a browser without JavaScript gets (the structure is the same in both languages).
    const engines = !js;

    test("someone close asks for contact, gets a code and follows it", async ({ page, baseURL }) => {
      const requests = recordRequests(page);
      const errors = recordErrors(page);

      // One question per page, numbered "Question N" among the pages this person gets (ADR 037).
      const progress = (n: number) =>
        expect(page.getByText(t("contact.progress", { number: String(n) }), { exact: true })).toBeVisible();
      const alertItems = () => page.getByRole("alert").getByRole("listitem");

      await page.goto(`/contact?lng=${lng}`);
      await expect(
        page.getByRole("heading", { level: 1, name: t("contact.details.name.label") }),
      ).toBeVisible();
      await progress(1);
      await check(page, "contact name", { js, engines, shot: shot("name") });
      await continueTo(page, lng);
      await expectErrorState(page, lng);
      await expect(alertItems()).toHaveText([t("contact.errors.nameMissing")]);
      await fillContactPage(page, lng, "name", { name: `${name} <b>` });
      await continueTo(page, lng);

      await expect(page).toHaveURL(contactPagePath.relation);
      // The pages do not hydrate (ADR 042): each is a fresh load, ready when its enhancement script has run.
      if (js) await enhanced(page);
      await progress(2);
      await continueTo(page, lng);
      await expect(alertItems()).toHaveText([t("contact.errors.relationMissing")]);
      await fillContactPage(page, lng, "relation", { relation: "parent" });
      await continueTo(page, lng);

      // How to reach you: the number only for "call me"; a wrong number is shown again with its error.
      await expect(page).toHaveURL(contactPagePath.reach);
      if (js) await enhanced(page);
      await progress(3);
      await check(page, "contact reach", { js, engines, shot: shot("reach") });
      // GOV.UK's conditional reveal: without JavaScript both follow-up fields show, each with its condition
      // in its label; with it, a field shows once its way is chosen, and its label needs no condition.
      for (const way of ["phone", "email"] as const) {
        const plain = t(`contact.details.${way}.label`);
        const conditioned = `${plain} ${t(`contact.reach.onlyIf.${way}`)}`;
        if (js) {
          await expect(page.getByLabel(plain, { exact: true })).toBeHidden();
          await expect(page.getByText(conditioned)).toHaveCount(0);
        } else {
          await expect(page.getByLabel(conditioned, { exact: true })).toBeVisible();
        }
      }
      await continueTo(page, lng);
      await expect(alertItems()).toHaveText([t("contact.errors.methodMissing")]);
      await fillContactPage(page, lng, "reach", { phone: "12" });
      await continueTo(page, lng);
      await expectErrorState(page, lng);
      await expect(alertItems()).toHaveText([text(lng, "phone", {}, "errors")]);
      await expect(page.getByLabel(t("contact.details.phone.label"))).toHaveValue("12");
      await expect(
        page.getByRole("radio", { name: t("contact.reach.options.phone"), exact: true }),
      ).toBeChecked();
      await check(page, "contact reach errors", { js, engines, shot: shot("reach-errors") });
      await fillContactPage(page, lng, "reach", { phone: "06 1234 5678" });
      await continueTo(page, lng);

      // A phone number brings the call page: when, and may we leave a message.
      await expect(page).toHaveURL(contactPagePath.call);
      await progress(4);
      await expect(page.getByRole("heading", { level: 1, name: t("contact.call.title") })).toBeVisible();
      await fillContactPage(page, lng, "call", { safeTimes: "Na 19 uur" });
      await continueTo(page, lng);
      await expect(alertItems()).toHaveText([t("contact.errors.mayLeaveMessageMissing")]);
      await expect(page.getByLabel(t("contact.details.safeTimes.label"))).toHaveValue("Na 19 uur");
      await check(page, "contact call errors", { js, engines, shot: shot("call-errors") });
      await fillContactPage(page, lng, "call", { mayLeaveMessage: "no" });
      await continueTo(page, lng);

      await expect(page).toHaveURL(contactPagePath.question);
      await progress(5);
      await expect(page.getByRole("heading", { level: 1, name: t("contact.question.title") })).toBeVisible();
      await fillContactPage(page, lng, "question", { question: QUESTION });
      await continueTo(page, lng);
      await expect(page).toHaveURL(contactPagePath.knows);
      await progress(6);
      await fillContactPage(page, lng, "knows", { youngPersonKnows: "unknown" });
      await continueTo(page, lng);
      await expect(page).toHaveURL(contactPagePath.urgent);
      await progress(7);
      await fillContactPage(page, lng, "urgent", { urgent: "yes" });
      await continueTo(page, lng);

      // Check your answers, with a change link that comes back here.
      await expect(page).toHaveURL(/\/contact\/controleren$/);
      await expect(page.getByRole("heading", { level: 1, name: t("contact.check.title") })).toBeVisible();
      await expect(page.getByText(`${name} <b>`)).toBeVisible();
      await expect(page.getByText(QUESTION)).toBeVisible();
      await check(page, "contact check", { js, engines, shot: shot("check") });
      await page
        .getByRole("link", { name: `${t("contact.check.change")} ${t("contact.details.name.label")}` })
        .click();
      await expect(page.getByRole("textbox")).toHaveValue(`${name} <b>`);
      await fillContactPage(page, lng, "name", { name });
      await continueTo(page, lng);
      await expect(page).toHaveURL(/\/contact\/controleren$/);
      await expect(page.getByText(name, { exact: true })).toBeVisible();

      // A double submit makes one case.
      const csrf = await page.locator('form#contact-submit input[name="csrf"]').inputValue();
      const posts = await Promise.all(
        [1, 2].map(() =>
          page.request.post("/contact/controleren", { form: { csrf, website: "" }, maxRedirects: 0 }),
        ),
      );
      expect(posts.map((r) => [r.status(), r.headers().location])).toEqual([
        [302, "/contact/bevestiging"],
        [302, "/contact/bevestiging"],
      ]);
      expect(countContactRequestsFrom(name)).toBe(1);
      // Sending once more (back, then Send) shows the same receipt and makes nothing new.
      await page.getByRole("button", { name: t("contact.check.submit") }).click();
      expect(countContactRequestsFrom(name)).toBe(1);

      // The confirmation with the receipt.
      await expect(page).toHaveURL(/\/contact\/bevestiging$/);
      await expect(
        page.getByRole("heading", { level: 1, name: t("contact.confirmation.title") }),
      ).toBeVisible();
      const receipt = page.getByRole("region", { name: t("receipt.heading") });
      const [code, passphrase] = await receipt.getByRole("definition").allInnerTexts();
      expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(passphrase).toMatch(/^[a-z]{4,8}( [a-z]{4,8}){4}$/);
      if (js) await expect(receipt.getByRole("button", { name: t("receipt.print") })).toBeVisible();
      else await expect(receipt.getByText(t("receipt.printHint"))).toBeVisible();
      await check(page, "contact confirmation", {
        js,
        engines,
        shot: js ? shot("confirmation") : `contact-confirmation-${lng}-nojs`,
      });

      const download = page.waitForEvent("download");
      await receipt.getByRole("link", { name: t("receipt.download") }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(t("receipt.note.fileName"));
      const saved = fs.readFileSync((await file.path())!, "utf8");
      expect(saved).toContain(code!);
      expect(saved).toContain(passphrase!);
      expect(saved).toContain(`${baseURL}/volgen`);

      // What the back office will find: encrypted contact details and the answers.
      expect(caseByCode(code!)).toMatchObject({
        kind: "contact",
        urgent: true,
        language: lng,
        contact: { name, phone: "06 1234 5678", safeTimes: "Na 19 uur", mayLeaveMessage: false },
        details: { question: QUESTION, relation: "parent", youngPersonKnows: "unknown" },
      });

      // "I have saved them" forgets the receipt and leads to the sign-in.
      await page.getByRole("button", { name: t("receipt.done.button") }).click();
      await expect(page.getByRole("heading", { level: 1, name: t("signIn.title") })).toBeVisible();
      await page.getByLabel(t("signIn.code.label"), { exact: true }).fill(code!);
      await page.getByLabel(t("signIn.passphrase.label")).fill(passphrase!);
      await page.getByRole("button", { name: t("signIn.submit") }).click();
      await expect(page.getByRole("heading", { level: 1, name: t("case.kind.contact") })).toBeVisible();
      await expect(
        page.getByRole("heading", {
          level: 2,
          name: `${t("case.statusHeading")} ${t("case.status.received.label")}`,
        }),
      ).toBeVisible();
      await expect(
        page.getByText(new RegExp(t("case.deadline.acknowledge", { day: "\\S+ \\d+ \\S+" }))),
      ).toBeVisible();
      await expect(page.getByRole("link", { name: t("case.more.consent") })).toHaveCount(0);
      await expect(page.getByRole("link", { name: t("case.more.addToQuestion") })).toBeVisible();
      await check(page, "contact case", { js, shot: shot("case") });

      await page.goto("/contact/bevestiging");
      await expect(
        page.getByRole("heading", { level: 1, name: t("contact.confirmation.goneTitle") }),
      ).toBeVisible();
      await check(page, "confirmation gone", { js, engines });

      // Nothing personal in any URL, nothing to another origin.
      expect(requests.filter((u) => !u.startsWith(baseURL!))).toEqual([]);
      expect(errors).toEqual([]);
      // Asset names are content hashes (one was "volgen.zaak-f7yci419.js"): only the other requests count.
      for (const u of requests.filter((r) => !new URL(r).pathname.startsWith("/assets/")))
        expect(u).not.toMatch(new RegExp(`${name}|1234|zoon|19`, "i"));
    });

    test("a young person who would rather talk asks to be called, without writing their story", async ({
      page,
    }) => {
      const errors = recordErrors(page);
      const intake = (key: string) => text(lng, key, {}, "intake");
      const phone = `06 ${js ? "2" : "3"}${lng === "nl" ? "1" : "2"}00 0000`;
      const email = `bel-mij-${lng}-${js ? "js" : "nojs"}@example.nl`;

      // The way in from the first question of the story; the home page has it as a door too.
      await page.goto(`/verhaal/wie?lng=${lng}`);
      await expect(page.getByRole("heading", { level: 2, name: intake("who.callMe.heading") })).toBeVisible();
      await page.goto(`/?lng=${lng}`);
      await page.getByRole("link", { name: text(lng, "home.doors.call.title", {}, "pages") }).click();
      await expect(page).toHaveURL(/\/bel-mij$/);
      await expect(page.getByText(t("contact.young.privacy"))).toBeVisible();
      await check(page, "call me name", { js, engines, shot: shot("call-me-name") });
      // The name may stay empty.
      await continueTo(page, lng);
      // Wait for the answer to be saved: a page.goto now would cancel the first page's post and, with it,
      // the cookie of the new draft.
      await expect(page).toHaveURL(contactPagePath.reach);
      // A link to a later page goes to the first page without an answer.
      await page.goto("/contact/dringend");
      await expect(page).toHaveURL(contactPagePath.reach);
      await expect(page.getByText(t("contact.progress", { number: "2" }), { exact: true })).toBeVisible();
      await fillContactPage(page, lng, "reach", { email });
      await continueTo(page, lng);

      // E-mail: no call page, so "what about" is question 3 and "urgent" question 4; no "young person" questions.
      await expect(page).toHaveURL(contactPagePath.question);
      await expect(page.getByText(t("contact.progress", { number: "3" }), { exact: true })).toBeVisible();
      await expect(
        page.getByRole("heading", { level: 1, name: t("contact.young.question.title") }),
      ).toBeVisible();
      await continueTo(page, lng);
      await expect(page).toHaveURL(contactPagePath.urgent);
      await expect(page.getByText(t("contact.progress", { number: "4" }), { exact: true })).toBeVisible();
      await continueTo(page, lng);
      await expectErrorState(page, lng);
      await expect(page.getByRole("alert").getByRole("listitem")).toHaveText([
        t("contact.errors.urgentMissing"),
      ]);
      await check(page, "call me urgent errors", { js, engines, shot: shot("call-me-urgent-errors") });
      await fillContactPage(page, lng, "urgent", { urgent: "no" });
      await continueTo(page, lng);

      // Check; changing e-mail for a phone number from there asks the call page (now question 3), then back.
      await expect(page).toHaveURL(/\/contact\/controleren$/);
      await expect(page.getByText(email)).toBeVisible();
      await expect(page.getByText(t("contact.details.safeTimes.label"))).toHaveCount(0);
      await expect(page.getByText(t("contact.young.check.next"))).toBeVisible();
      await check(page, "call me check", { js, engines, shot: shot("call-me-check") });
      await page
        .getByRole("link", { name: `${t("contact.check.change")} ${t("contact.details.phone.label")}` })
        .click();
      await expect(page).toHaveURL(/\/contact\/bereiken\?wijzigen=1#field-phone$/);
      await expect(page.getByLabel(t("contact.details.email.label"))).toHaveValue(email);
      await fillContactPage(page, lng, "reach", { phone });
      await continueTo(page, lng);
      await expect(page).toHaveURL(/\/contact\/bellen\?wijzigen=1$/);
      await expect(page.getByText(t("contact.progress", { number: "3" }), { exact: true })).toBeVisible();
      await fillContactPage(page, lng, "call", { mayLeaveMessage: "no" });
      await continueTo(page, lng);
      await expect(page).toHaveURL(/\/contact\/controleren$/);
      await expect(page.getByText(phone)).toBeVisible();
      await expect(page.getByText(email)).toHaveCount(0);
      await page.getByRole("button", { name: t("contact.check.submit") }).click();
      await expect(page).toHaveURL(/\/contact\/bevestiging$/);
      await expect(page.getByText(t("contact.young.confirmation.panel"))).toBeVisible();
      const receipt = page.getByRole("region", { name: t("receipt.heading") });
      const [code] = await receipt.getByRole("definition").allInnerTexts();
      await check(page, "call me confirmation", { js, engines, shot: shot("call-me-confirmation") });

      // The back office gets a contact request from the young person: nothing about "someone close".
      expect(caseByCode(code!)).toMatchObject({
        kind: "contact",
        reporterRole: "young_person",
        urgent: false,
        contact: { phone, mayLeaveMessage: false },
      });
      expect(caseByCode(code!)?.details ?? {}).toEqual({});
      expect(errors).toEqual([]);
    });
  });
}

test.describe("contact request without JavaScript, expired form", () => {
  test.use({ javaScriptEnabled: false });

  test("an expired form keeps what was typed and can be sent again", async ({ page, context }) => {
    await page.goto("/contact?lng=nl");
    await page.getByLabel(text("nl", "contact.details.name.label")).fill("Kees");
    await context.clearCookies({ name: "ap_csrf" });
    await page.getByRole("button", { name: text("nl", "contact.continue") }).click();
    await expectErrorState(page, "nl");
    await expect(page.getByRole("alert")).toContainText(text("nl", "csrf", {}, "errors"));
    await expect(page.getByLabel(text("nl", "contact.details.name.label"))).toHaveValue("Kees");
    await check(page, "contact csrf", { js: false, shot: "contact-expired-form-nl-nojs" });
    await page.getByRole("button", { name: text("nl", "contact.continue") }).click();
    await expect(page).toHaveURL(contactPagePath.relation);
  });
});
