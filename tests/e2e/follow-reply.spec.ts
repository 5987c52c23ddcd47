/**
 * Sending a message on /volgen/zaak: afterwards the box is empty and "sent" is shown beside it with focus,
 * so the message cannot look unsent (issue 14). A failed send keeps the text with the error.
 */
import { test, type Page } from "@playwright/test";
import { expect } from "./expect";
import { check, expectErrorState, inspect, seedCase, text } from "./follow-helpers";
import { pairs, viewportScreenshots } from "./helpers";

async function signIn(page: Page, lng: "nl" | "en", code: string, passphrase: string) {
  await page.goto(`/volgen?lng=${lng}`);
  await page.getByLabel(text(lng, "signIn.code.label"), { exact: true }).fill(code);
  await page.getByLabel(text(lng, "signIn.passphrase.label")).fill(passphrase);
  await page.getByRole("button", { name: text(lng, "signIn.submit") }).click();
  await expect(
    page.getByRole("heading", { level: 2, name: text(lng, "case.messages.heading") }),
  ).toBeVisible();
}

for (const { lng, js } of pairs) {
  test.describe(`replying in ${lng}, JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });
    const t = (key: string) => text(lng, key);

    test("after sending, the box is empty and the confirmation beside it has focus", async ({ page }) => {
      test.setTimeout(120_000);
      const c = seedCase(lng, "Hoe gaat het?");
      await signIn(page, lng, c.code, c.passphrase);
      const box = page.getByRole("textbox", { name: t("case.reply.label") });
      const send = page.getByRole("button", { name: t("case.reply.submit") });

      // Too long: not sent, the text stays with the error.
      const tooLong = "x".repeat(5_001);
      await box.fill(tooLong);
      await send.click();
      await expectErrorState(page, lng);
      await expect(box).toHaveValue(tooLong);
      expect(inspect(c.caseId).messages).toHaveLength(1);

      const reply = `Eerste antwoord ${lng} ${js ? "js" : "nojs"} 🙂`;
      await box.fill(reply);
      await send.click();
      const sent = page.getByRole("status").filter({ hasText: t("case.done.bericht") });
      await expect(sent).toBeVisible();
      await expect(sent).toBeFocused();
      await expect(sent).toBeInViewport();
      await expect(box).toHaveValue("");
      await expect(page.getByRole("alert")).toHaveCount(0);
      await expect(
        page.getByRole("region", { name: t("case.messages.heading") }).getByText(reply),
      ).toBeVisible();
      expect(inspect(c.caseId).messages.map((m) => m.body)).toEqual(["Hoe gaat het?", reply]);
      await check(page, "message sent", { js, engines: lng === "nl" });
      if (lng === "nl" || js)
        await viewportScreenshots(page, `follow-reply-sent-${lng}-${js ? "js" : "nojs"}`);

      // A second message: again an empty box and the confirmation focused.
      await box.fill("Nog iets");
      await send.click();
      await expect(
        page.getByRole("region", { name: t("case.messages.heading") }).getByText("Nog iets"),
      ).toBeVisible();
      await expect(box).toHaveValue("");
      await expect(sent).toBeFocused();
      expect(inspect(c.caseId).messages).toHaveLength(3);
    });
  });
}
