import { test, type Page } from "@playwright/test";
import { expect } from "./expect";
import { check, recordErrors, expectErrorState, inspect, seed, seedCase, text } from "./follow-helpers";
import { fakeNeutralSite, languages, otherPairs, recordRequests } from "./helpers";

const STAFF_MESSAGE = {
  nl: "Hoi, we hebben je klacht gelezen. Wil je ons laten weten of we je mogen bellen?",
  en: "Hi, we have read your complaint. Can you let us know if we may call you?",
};
/** A code nobody has (40 random bits), so no other test counts tries against it. */
function randomCode(): string {
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const symbols = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => alphabet[b & 31]).join("");
  return `${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

const REPLY = "Liever niet bellen. <script>alert(1)</script> Mail is goed.";

async function signIn(page: Page, lng: "nl" | "en", code: string, passphrase: string) {
  // No waiting for the page to settle: a fill during hydration must count (during-hydration.spec.ts).
  await page.getByLabel(text(lng, "signIn.code.label"), { exact: true }).fill(code);
  await page.getByLabel(text(lng, "signIn.passphrase.label")).fill(passphrase);
  // Wait for the answer: with JavaScript the old error summary would still be on the page meanwhile.
  const answered = page.waitForResponse(
    (r) => r.request().method() === "POST" && r.url().includes("/volgen"),
  );
  await page.getByRole("button", { name: text(lng, "signIn.submit") }).click();
  await answered;
}

for (const { lng, js } of otherPairs) {
  test.describe(`following a case in ${lng}, JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });
    const shot = (name: string) => (js ? `follow-${name}-${lng}` : undefined);
    const t = (key: string, values?: Record<string, string>) => text(lng, key, values);
    // The engines run on these pages with JavaScript in a11y-sweep.spec.ts, in both languages. Here they
    // check what a browser without JavaScript gets, in Dutch (the structure is the same in English).
    const engines = !js && lng === "nl";

    test.setTimeout(240_000);

    test("sign in, read the new message, reply, add, withdraw consent, news email, erase", async ({
      page,
      baseURL,
    }) => {
      const requests = recordRequests(page);
      const errors = recordErrors(page);
      const address = `jongere-${lng}-${js ? "js" : "nojs"}@example.nl`;
      const c = seedCase(lng, STAFF_MESSAGE[lng]);

      // Sign in: the page, its error states, and one message for either wrong half.
      await page.goto(`/volgen?lng=${lng}`);
      await expect(page.getByRole("heading", { level: 1, name: t("signIn.title") })).toBeVisible();
      await check(page, "sign-in", { js, engines, shot: shot("sign-in") });

      await page.getByRole("button", { name: t("signIn.submit") }).click();
      await expectErrorState(page, lng);
      await expect(
        page.getByRole("alert").getByRole("link", { name: t("signIn.errors.codeMissing") }),
      ).toBeVisible();
      await expect(
        page.getByRole("alert").getByRole("link", { name: t("signIn.errors.passphraseMissing") }),
      ).toBeVisible();
      await check(page, "sign-in missing", { js, engines, shot: shot("sign-in-errors") });

      // Either half wrong: one and the same message, and the code is kept.
      const alert = page.getByRole("alert");
      await signIn(page, lng, c.code, "AAAA-AAAA-AAAA-AAAA");
      await expectErrorState(page, lng);
      await expect(alert.getByRole("listitem")).toHaveText([t("signIn.errors.wrong")]);
      await expect(page.getByLabel(t("signIn.code.label"), { exact: true })).toHaveValue(c.code);
      // What was typed stays, so one wrong word can be put right (issue 15).
      await expect(page.getByLabel(t("signIn.passphrase.label"))).toHaveValue("AAAA-AAAA-AAAA-AAAA");
      const otherCode = randomCode();
      await signIn(page, lng, otherCode, c.passphrase);
      await expect(page.getByLabel(t("signIn.code.label"), { exact: true })).toHaveValue(otherCode);
      await expect(alert.getByRole("listitem")).toHaveText([t("signIn.errors.wrong")]);
      await check(page, "sign-in wrong", { js, engines });

      // Forgiving input: lower case and spaces instead of dashes.
      await signIn(
        page,
        lng,
        c.code.toLowerCase().replace("-", " "),
        c.passphrase.toLowerCase().replaceAll("-", " "),
      );
      await expect(page).toHaveURL(/\/volgen\/zaak$/);
      await expect(page.getByRole("heading", { level: 1, name: t("case.kind.complaint") })).toBeVisible();
      await expect(
        page.getByRole("heading", {
          level: 2,
          name: `${t("case.statusHeading")} ${t("case.status.referred.label")}`,
        }),
      ).toBeVisible();
      await expect(
        page.getByText(
          t("timeline.referralCreated.sent", { organisation: "Inspectie Gezondheidszorg en Jeugd (IGJ)" }),
        ),
      ).toBeVisible();
      await expect(
        page.getByText(t("timeline.referralCreated.sending", { organisation: "Amsterdam" })),
      ).toBeVisible();
      const thread = page.getByRole("region", { name: t("case.messages.heading") });
      await expect(thread.getByText(STAFF_MESSAGE[lng])).toBeVisible();
      await expect(thread.getByText(t("case.messages.new"), { exact: true })).toBeVisible();
      await check(page, "case page", { js, engines, shot: shot("case") });

      // Seen once: no longer new, and read in the database.
      await page.reload();
      await expect(thread.getByText(STAFF_MESSAGE[lng])).toBeVisible();
      await expect(thread.getByText(t("case.messages.new"), { exact: true })).toHaveCount(0);
      expect(inspect(c.caseId).messages[0]!.readAt).not.toBeNull();

      // Reply: empty first (error state), then text with HTML in it, shown as text.
      await page.getByRole("button", { name: t("case.reply.submit") }).click();
      await expectErrorState(page, lng);
      await expect(
        page.getByRole("alert").getByRole("link", { name: t("case.reply.errors.missing") }),
      ).toBeVisible();
      await check(page, "reply missing", { js, engines, shot: shot("reply-error") });
      await page.getByLabel(t("case.reply.label")).fill(REPLY);
      await page.getByRole("button", { name: t("case.reply.submit") }).click();
      await expect(page.getByRole("status").filter({ hasText: t("case.done.bericht") })).toBeVisible();
      await expect(thread.getByText(REPLY)).toBeVisible();
      expect(inspect(c.caseId).messages.map((m) => m.body)).toEqual([STAFF_MESSAGE[lng], REPLY]);

      // Add to the story.
      await page.getByRole("link", { name: t("case.more.add") }).click();
      await expect(page.getByRole("heading", { level: 1, name: t("addition.label") })).toBeVisible();
      await check(page, "addition", { js, engines });
      await page.getByRole("button", { name: t("addition.submit") }).click();
      await expectErrorState(page, lng);
      await check(page, "addition missing", { js, engines });
      await page.getByLabel(t("addition.label")).fill("Er was ook geen school.\u0007");
      await page.getByRole("button", { name: t("addition.submit") }).click();
      await expectErrorState(page, lng);
      await expect(page.getByRole("alert")).toContainText(text(lng, "controlChars", {}, "errors"));
      // Kept as the server sends it back, the character HTML cannot carry marked where it was.
      await expect(page.getByLabel(t("addition.label"))).toHaveValue("Er was ook geen school.\uFFFD");
      await page.getByLabel(t("addition.label")).fill("Er was ook geen school.");
      await page.getByRole("button", { name: t("addition.submit") }).click();
      await expect(page.getByRole("status").filter({ hasText: t("case.done.toegevoegd") })).toBeVisible();
      await expect(page.getByText(t("timeline.informationAdded"))).toBeVisible();

      // Consent: withdraw for the IGJ (already sent) and the municipality (not sent yet).
      await page.getByRole("link", { name: t("case.more.consent") }).click();
      await expect(page.getByRole("heading", { level: 1, name: t("consent.title") })).toBeVisible();
      await expect(
        page.getByText(t("consent.reached", { list: "Inspectie Gezondheidszorg en Jeugd (IGJ)" })),
      ).toBeVisible();
      const igj = page.getByRole("radiogroup", { name: t("consent.recipient.igj.label") });
      const gemeente = page.getByRole("radiogroup", {
        name: t("consent.recipient.gemeenteNamed", { name: "Amsterdam" }),
      });
      await expect(igj.getByRole("radio", { name: t("consent.level.anonymous") })).toBeChecked();
      await expect(gemeente.getByRole("radio", { name: t("consent.level.identity") })).toBeChecked();
      await check(page, "consent", { js, engines, shot: shot("consent") });
      await igj.getByText(t("consent.level.none")).click();
      await gemeente.getByText(t("consent.level.none")).click();
      await page.getByRole("button", { name: t("consent.submit") }).click();
      await expect(page.getByRole("status").filter({ hasText: t("case.done.delen") })).toBeVisible();
      await expect(
        page.getByText(t("timeline.consentChanged.none", { recipient: t("recipients.igj") })),
      ).toBeVisible();
      await expect(
        page.getByText(t("timeline.referralCreated.blocked", { organisation: "Amsterdam" })),
      ).toBeVisible();
      const afterConsent = inspect(c.caseId);
      expect(afterConsent.consents.filter((x) => x.given).map((x) => x.recipient)).toEqual([]);
      expect(afterConsent.referrals.map((r) => r.status).sort()).toEqual(["blocked", "sent"]);
      expect(afterConsent.referrals.every((r) => r.consentWithdrawnAt !== null)).toBe(true);

      // News email: a bad address (error state), then on; a staff message queues a mail without content.
      await page.getByRole("link", { name: t("case.more.newsOff") }).click();
      await expect(page.getByRole("heading", { level: 1, name: t("news.title") })).toBeVisible();
      await check(page, "news", { js, engines, shot: shot("news") });
      await page.getByLabel(t("news.label")).fill("niet-een-adres");
      await page.getByRole("button", { name: t("news.submit") }).click();
      await expectErrorState(page, lng);
      await expect(page.getByLabel(t("news.label"))).toHaveValue("niet-een-adres");
      await check(page, "news error", { js, engines });
      await page.getByLabel(t("news.label")).fill(address);
      await page.getByRole("button", { name: t("news.submit") }).click();
      await expect(page.getByRole("status").filter({ hasText: t("case.done.email-aan") })).toBeVisible();
      seed("staff-message", String(c.caseId), "Nieuw bericht");
      const mails = inspect(c.caseId).newsMails.filter((m) => m.to === address);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.bodyText).not.toContain("Nieuw bericht");
      expect(mails[0]!.bodyText).not.toContain(c.code);
      await page.getByRole("link", { name: t("case.more.newsOn") }).click();
      await expect(page.getByText(t("news.current", { email: "j…@example.nl" }))).toBeVisible();
      await page.getByRole("button", { name: t("news.remove") }).click();
      await expect(page.getByRole("status").filter({ hasText: t("case.done.email-uit") })).toBeVisible();
      expect(inspect(c.caseId).notifyEmail).toBeNull();

      // Erase: the confirmation step, then everything goes and the code stops working.
      await page.getByRole("link", { name: t("case.more.erase") }).click();
      await expect(page.getByRole("heading", { level: 1, name: t("erase.title") })).toBeVisible();
      await expect(
        page.getByText(t("erase.reached", { list: "Inspectie Gezondheidszorg en Jeugd (IGJ)" })),
      ).toBeVisible();
      await check(page, "erase", { js, engines, shot: shot("erase") });
      await page.getByRole("button", { name: t("erase.confirm") }).click();
      await expect(page.getByRole("heading", { level: 1, name: t("erased.title") })).toBeVisible();
      await check(page, "erased", { js, engines, shot: shot("erased") });
      const erased = inspect(c.caseId);
      expect(erased).toMatchObject({ status: "closed", storyEnc: null, messages: [] });
      expect(erased.erasedAt).not.toBeNull();

      await page.goto("/volgen/zaak");
      await expect(page).toHaveURL(/\/volgen(\?|$)/);
      await signIn(page, lng, c.code, c.passphrase);
      await expectErrorState(page, lng);
      await expect(page.getByRole("alert")).toContainText(t("signIn.errors.wrong"));

      // Nothing personal ever went into a URL, and nothing left our origin.
      expect(requests.filter((u) => !u.startsWith(baseURL!))).toEqual([]);
      expect(errors).toEqual([]);
      // Asset names are content hashes and may spell anything: only the other requests count.
      for (const u of requests.filter((r) => !new URL(r).pathname.startsWith("/assets/")))
        expect(u).not.toMatch(/example\.nl|school|bellen|call/i);
    });
  });
}

for (const lng of languages) {
  test(`a closed case in ${lng} tells the outcome in words and offers new ways in, not a reply`, async ({
    page,
  }) => {
    const t = (key: string, values?: Record<string, string>) => text(lng, key, values);
    const c = seedCase(lng, STAFF_MESSAGE[lng]);
    const outcome =
      lng === "nl"
        ? "De inspectie gaat dit onderzoeken. Dank je voor je verhaal."
        : "The inspectorate will investigate this. Thank you for your story.";
    seed("close", String(c.caseId), outcome);
    await page.goto(`/volgen?lng=${lng}`);
    await signIn(page, lng, c.code, c.passphrase);
    await expect(
      page.getByRole("heading", {
        level: 2,
        name: `${t("case.statusHeading")} ${t("case.status.closed.label")}`,
      }),
    ).toBeVisible();
    await expect(page.getByText(t("timeline.closed"))).toBeVisible();
    await expect(page.getByText(outcome)).toBeVisible();
    await expect(page.getByText(t("case.closedNotice.text"))).toBeVisible();
    await expect(page.getByLabel(t("case.reply.label"))).toHaveCount(0);
    await expect(page.getByRole("link", { name: t("case.more.add") })).toHaveCount(0);
    await expect(page.getByRole("link", { name: t("case.more.erase") })).toBeVisible();
    await check(page, "closed case", { shot: `follow-closed-${lng}` });
  });
}

test.describe("sessions", () => {
  test.use({ javaScriptEnabled: false });

  test("the quick exit ends the session on the server, so a copied cookie opens nothing", async ({
    page,
    context,
  }) => {
    const c = seedCase("nl", "Hallo");
    await page.goto("/volgen?lng=nl");
    await signIn(page, "nl", c.code, c.passphrase);
    await expect(page).toHaveURL(/\/volgen\/zaak$/);
    const cookie = (await context.cookies()).find((x) => x.name === "ap_follow")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict" });
    expect(cookie.expires).toBe(-1); // a session cookie

    await fakeNeutralSite(page);
    await page.getByRole("link", { name: "Snel weg" }).click();
    await expect(page).toHaveURL(process.env.E2E_NEUTRAL_URL!);
    expect((await context.cookies()).map((x) => x.name)).not.toContain("ap_follow");

    await context.addCookies([cookie]);
    await page.goto("/volgen/zaak");
    await expect(page).toHaveURL(/\/volgen\?reden=verlopen$/);
    await expect(page.getByRole("status").filter({ hasText: text("nl", "signIn.expired") })).toBeVisible();
    await check(page, "session expired", { js: false });
  });

  test("signing out ends the session", async ({ page, context }) => {
    const c = seedCase("en", "Hello");
    await page.goto("/volgen?lng=en");
    await signIn(page, "en", c.code, c.passphrase);
    const cookie = (await context.cookies()).find((x) => x.name === "ap_follow")!;
    await page.getByRole("button", { name: text("en", "signOut.button") }).click();
    await expect(page.getByRole("status").filter({ hasText: text("en", "signIn.signedOut") })).toBeVisible();
    await context.addCookies([cookie]);
    await page.goto("/volgen/zaak");
    await expect(page).toHaveURL(/\/volgen\?reden=verlopen$/);
  });

  test("ten wrong passphrases lock the code, with the same message for a code that does not exist", async ({
    page,
  }) => {
    // 22 sign-ins, each a deliberately slow passphrase check on the server: about 30 s on a quiet machine,
    // over a minute beside the sweep on two cores.
    test.setTimeout(180_000);
    const c = seedCase("nl", "Hallo");
    await page.goto("/volgen?lng=nl");
    for (let i = 0; i < 10; i++) await signIn(page, "nl", c.code, "AAAA-AAAA-AAAA-AAAA");
    await signIn(page, "nl", c.code, c.passphrase);
    await expectErrorState(page, "nl");
    await expect(page.getByRole("alert")).toContainText(text("nl", "signIn.errors.locked"));
    await check(page, "locked", { js: false });

    // A code that does not exist behaves the same, so "locked" does not tell which codes are real.
    const unknown = randomCode();
    for (let i = 0; i < 10; i++) await signIn(page, "nl", unknown, c.passphrase);
    await expect(page.getByRole("alert")).toContainText(text("nl", "signIn.errors.wrong"));
    await signIn(page, "nl", unknown, c.passphrase);
    await expect(page.getByRole("alert")).toContainText(text("nl", "signIn.errors.locked"));
  });
});

for (const { lng, js } of otherPairs) {
  test.describe(`the passphrase field on a 360 px phone, ${lng}, JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js, viewport: { width: 360, height: 740 } });

    test("shows all five words while they are typed, and Enter still signs in", async ({ page }) => {
      const c = seedCase(lng, "Hallo");
      await page.goto(`/volgen?lng=${lng}`);
      const field = page.getByLabel(text(lng, "signIn.passphrase.label"));
      // Five of the longest words of the list: the widest phrase a receipt can give.
      await field.fill("allemaal iedereen geweldig probleem vanavond");
      const box = await field.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(box.scroll).toBeLessThanOrEqual(box.client);
      await page.screenshot({ path: `tests/artifacts/screenshots/follow-passphrase-360-${lng}.png` });
      if (!js) return;
      await page.getByLabel(text(lng, "signIn.code.label"), { exact: true }).fill(c.code);
      await field.fill(c.passphrase);
      await field.press("Enter");
      await expect(page).toHaveURL(/\/volgen\/zaak$/);
    });
  });
}
