/**
 * Issue 15, points 2 and 3: a passphrase of words that is forgiving to type and kept after a wrong try,
 * old 16-symbol passphrases still opening their case, one receipt with a copy button and a neutral file,
 * and no silent timeouts — a warning with "I'm still here", keep-alive while typing, and unsent text put
 * back after signing in again (ADR 028, 029). The browser's clock is fast-forwarded (page.clock) and the
 * server's idea of time is moved by editing the session rows, so no test waits minutes.
 */
import fs from "node:fs";
import { test, type Page } from "@playwright/test";
import { expect } from "./expect";
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/server/db.server";
import { sha256 } from "~/server/crypto.server";
import { hashPassphrase } from "~/server/passphrase.server";
import { check, expectErrorState, seedCase, text } from "./follow-helpers";
import { enhanced, expectNoAxeViolations, localeText, viewportScreenshots } from "./helpers";
import { fileUrgentComplaint } from "./intake-helpers";

const MINUTE = 60_000;
const t = (key: string, values: Record<string, string> = {}) => text("nl", key, values);

async function signIn(page: Page, code: string, passphrase: string) {
  await page.goto("/volgen");
  await page.getByLabel(t("signIn.code.label"), { exact: true }).fill(code);
  await page.getByLabel(t("signIn.passphrase.label")).fill(passphrase);
  await page.getByRole("button", { name: t("signIn.submit") }).click();
}

/** Moves the server's "last used" of every session of a case back: the server now thinks it idled. */
function idleFor(caseId: number, ms: number) {
  getDb()
    .update(schema.followSessions)
    .set({ lastSeenAt: Date.now() - ms })
    .where(eq(schema.followSessions.caseId, caseId))
    .run();
}

const lastSeen = (caseId: number) =>
  getDb()
    .select({ at: schema.followSessions.lastSeenAt })
    .from(schema.followSessions)
    .where(eq(schema.followSessions.caseId, caseId))
    .get()?.at ?? 0;

const unsentRows = (caseId: number) =>
  getDb().select().from(schema.unsentTexts).where(eq(schema.unsentTexts.caseId, caseId)).all();

for (const js of [true, false]) {
  test.describe(`signing in, JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });

    test("a wrong word keeps what was typed; words in any spacing and case open the case", async ({
      page,
    }) => {
      const c = seedCase("nl", "Hallo");
      const words = c.passphrase.split(" ");
      expect(words).toHaveLength(5);
      const wrong = [...words.slice(0, 4), words[4] === "appel" ? "tafel" : "appel"].join(" ");
      await signIn(page, c.code, wrong);
      await expectErrorState(page, "nl");
      await expect(page.getByRole("alert").getByRole("listitem")).toHaveText([t("signIn.errors.wrong")]);
      await expect(page.getByLabel(t("signIn.code.label"), { exact: true })).toHaveValue(c.code);
      await expect(page.getByLabel(t("signIn.passphrase.label"))).toHaveValue(wrong);
      await check(page, "sign-in wrong word", { js, shot: js ? "passphrase-wrong-word" : undefined });

      await signIn(page, c.code, words.join("-").toUpperCase());
      await expect(page).toHaveURL(/\/volgen\/zaak$/);
    });

    test("an old 16-symbol passphrase still opens its case", async ({ page }) => {
      const c = seedCase("nl", "Hallo");
      const old = "7KQM2XRT0HBD41PN";
      const hash = await hashPassphrase(old);
      getDb().update(schema.cases).set({ passphraseHash: hash }).where(eq(schema.cases.id, c.caseId)).run();
      await signIn(page, c.code, "7kqm 2xrt-0hbd 41pn");
      await expect(page).toHaveURL(/\/volgen\/zaak$/);
    });

    test("a message sent after the session ended is kept and put back after signing in again", async ({
      page,
    }) => {
      const c = seedCase("nl", "Hoe gaat het?");
      await signIn(page, c.code, c.passphrase);
      await expect(
        page.getByText(localeText("nl", "follow", "timeout.follow.note", { minutes: 30 })),
      ).toBeVisible();
      const box = page.getByRole("textbox", { name: t("case.reply.label") });
      const message = `Dit wil ik nog zeggen (${js ? "js" : "nojs"})`;
      await box.fill(message);
      idleFor(c.caseId, 31 * MINUTE);
      await page.getByRole("button", { name: t("case.reply.submit") }).click();

      await expect(page).toHaveURL(/\/volgen\?reden=bewaard$/);
      await expect(page.getByRole("status")).toHaveText(t("signIn.kept"));
      expect(unsentRows(c.caseId)).toHaveLength(1);
      expect(unsentRows(c.caseId)[0]!.textEnc).not.toContain("zeggen");
      await check(page, "sign-in after the session ended", { js });

      await signIn(page, c.code, c.passphrase);
      await expect(page).toHaveURL(/\/volgen\/zaak$/);
      await expect(box).toHaveValue(message);
      await expect(page.getByText(t("case.unsentBack"))).toBeVisible();
      expect(unsentRows(c.caseId)).toHaveLength(0);

      // Kept again, then the quick exit: nothing of it stays, on the device or on the server.
      idleFor(c.caseId, 31 * MINUTE);
      await page.getByRole("button", { name: t("case.reply.submit") }).click();
      await expect(page).toHaveURL(/\/volgen\?reden=bewaard$/);
      expect(unsentRows(c.caseId)).toHaveLength(1);
      // The quick exit's own request (its neutral site is not reachable from here).
      const exit = await page.request.get("/weg", { maxRedirects: 0 });
      expect(exit.status()).toBe(303);
      expect(unsentRows(c.caseId)).toHaveLength(0);
    });
  });
}

test.describe("timeouts with JavaScript", () => {
  test('a warning before the end; "I\'m still here" extends; typing keeps the session alive', async ({
    page,
  }) => {
    await page.clock.install();
    const c = seedCase("nl", "Hoe gaat het?");
    await signIn(page, c.code, c.passphrase);
    await expect(page).toHaveURL(/\/volgen\/zaak$/);
    // The case page does not hydrate (ADR 042): its enhancement script runs the timer.
    await enhanced(page);

    // The server has seen nothing for 26 minutes; the page's clock moves on as far.
    idleFor(c.caseId, 26 * MINUTE);
    await page.clock.fastForward("25:30");
    const dialog = page.getByRole("dialog", { name: t("timeout.follow.warnTitle") });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(
      localeText("nl", "follow", "timeout.follow.warnText_other", { count: 4 }),
    );
    await expect(dialog.getByRole("button", { name: t("timeout.follow.extend") })).toBeFocused();
    await expectNoAxeViolations(page, "the session warning");
    await viewportScreenshots(page, "timeout-warning");

    const before = Date.now();
    await dialog.getByRole("button", { name: t("timeout.follow.extend") }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: t("timeout.extended") })).toBeAttached();
    expect(lastSeen(c.caseId)).toBeGreaterThanOrEqual(before);

    // Ten idle minutes later someone types: the session is used again (at most every two minutes).
    idleFor(c.caseId, 10 * MINUTE);
    await page.clock.fastForward("03:00");
    const typing = Date.now();
    await page.getByRole("textbox", { name: t("case.reply.label") }).pressSequentially("Ik typ");
    await expect.poll(() => lastSeen(c.caseId)).toBeGreaterThanOrEqual(typing);
  });

  test("when the session has ended, the dialog says so and signing in again puts the text back", async ({
    page,
  }) => {
    await page.clock.install();
    const c = seedCase("nl", "Hoe gaat het?");
    await signIn(page, c.code, c.passphrase);
    // The case page does not hydrate (ADR 042): its enhancement script runs the timer.
    await enhanced(page);
    await page.getByRole("textbox", { name: t("case.reply.label") }).fill("Nog niet verstuurd");

    idleFor(c.caseId, 31 * MINUTE);
    await page.clock.fastForward("30:30");
    const dialog = page.getByRole("dialog", { name: t("timeout.follow.endedTitle") });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page, "the session has ended");
    await dialog.getByRole("button", { name: t("timeout.follow.signInAgain") }).click();
    await expect(page).toHaveURL(/\/volgen\?reden=bewaard$/);

    await signIn(page, c.code, c.passphrase);
    await expect(page.getByRole("textbox", { name: t("case.reply.label") })).toHaveValue(
      "Nog niet verstuurd",
    );
  });
});

test.describe("the receipt", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("copy, a neutral text file, until when it shows, and more time on request", async ({ page }) => {
    test.setTimeout(120_000);
    await page.clock.install();
    const { code, passphrase } = await fileUrgentComplaint(page, "nl", {
      story: "Een verhaal",
      email: "jongere@example.nl",
    });
    expect(passphrase).toMatch(/^[a-z]{4,8}( [a-z]{4,8}){4}$/);
    const receipt = page.getByRole("region", { name: t("receipt.heading") });
    await expect(
      receipt.getByText(/^Deze pagina laat je code en geheime zin zien tot \d\d:\d\d uur\./),
    ).toBeVisible();
    await viewportScreenshots(page, "receipt");

    await receipt.getByRole("button", { name: t("receipt.copy") }).click();
    await expect(receipt.getByRole("status")).toHaveText(t("receipt.copied"));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `Code: ${code}\nGeheime zin: ${passphrase}`,
    );

    const download = page.waitForEvent("download");
    await receipt.getByRole("link", { name: t("receipt.download") }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("notitie.txt");
    const saved = fs.readFileSync((await file.path())!, "utf8");
    expect(saved).toContain(`Code: ${code}`);
    expect(saved).toContain(`Geheime zin: ${passphrase}`);
    expect(saved).not.toMatch(/ZIKOS|klacht|aanspreekpunt/i);

    // Four minutes left on the server; the page's clock at the warning.
    const token = (await page.context().cookies()).find((k) => k.name === "ap_draft")!.value;
    getDb()
      .update(schema.drafts)
      .set({ expiresAt: Date.now() + 4 * MINUTE })
      .where(eq(schema.drafts.idHash, sha256(token)))
      .run();
    await page.clock.fastForward("25:30");
    const dialog = page.getByRole("dialog", { name: t("timeout.receipt.warnTitle") });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page, "the receipt warning");
    await viewportScreenshots(page, "receipt-warning");
    await dialog.getByRole("button", { name: t("timeout.receipt.extend") }).click();
    await expect(dialog).toBeHidden();
    const row = getDb()
      .select()
      .from(schema.drafts)
      .where(eq(schema.drafts.idHash, sha256(token)))
      .get()!;
    expect(row.expiresAt).toBeGreaterThan(Date.now() + 25 * MINUTE);
  });

  test("without JavaScript: no copy button, the print hint, and until when it shows", async ({ browser }) => {
    test.setTimeout(120_000);
    // Filed with JavaScript (the quick helper), then looked at without.
    const withJs = await browser.newContext();
    const page = await withJs.newPage();
    await fileUrgentComplaint(page, "nl", { story: "Een verhaal", email: "jongere@example.nl" });
    const noJs = await browser.newContext({
      javaScriptEnabled: false,
      storageState: await withJs.storageState(),
    });
    const plain = await noJs.newPage();
    await plain.goto("/klacht/bevestiging");
    const receipt = plain.getByRole("region", { name: t("receipt.heading") });
    await expect(receipt.getByText(t("receipt.printHint"))).toBeVisible();
    await expect(receipt.getByRole("button")).toHaveCount(0);
    await expect(receipt.getByText(/tot \d\d:\d\d uur/)).toBeVisible();
    await withJs.close();
    await noJs.close();
  });
});

test("the privacy page names the lifetimes the code uses", async ({ page }) => {
  await page.goto("/privacy");
  for (const [index, values] of [
    [0, { draftHours: 24 }],
    [1, { receiptMinutes: 30, receiptMaxHours: 8 }],
    [2, { idleMinutes: 30, maxHours: 8 }],
    [3, { unsentHours: 24 }],
  ] as const) {
    const item = JSON.parse(fs.readFileSync("locales/nl/pages.json", "utf8")).privacy.sections.howLong.items[
      index
    ] as string;
    const expected = item.replace(/\{\{(\w+)\}\}/g, (_, k: string) =>
      String((values as Record<string, number>)[k]),
    );
    await expect(page.getByText(expected)).toBeVisible();
  }
});
