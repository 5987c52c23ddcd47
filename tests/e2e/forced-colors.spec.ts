/**
 * Forced colours (Windows high contrast): the browser repaints backgrounds and borders in system colours.
 * The chosen radio's dot, the checkbox tick and the exit button must still be seen (issue 15, point 9 and
 * the audit). Checked on the computed style under `forcedColors: 'active'`, with screenshots to look at.
 */
import fs from "node:fs";
import path from "node:path";
import { test, type Locator } from "@playwright/test";
import { expect } from "./expect";
import { enhanced } from "./helpers";
import { choose, continueOn, tr } from "./intake-helpers";

const shotDir = path.resolve("tests/artifacts/screenshots");
const transparent = /^(transparent|rgba\(0, 0, 0, 0\))$/;

/** The painted colour of a choice's mark (its ::after) and of the box it sits in. */
async function mark(control: Locator) {
  return control.evaluate((input) => {
    const box = input.closest(".choice")!.querySelector(".choice__control")!;
    const after = getComputedStyle(box, "::after");
    return {
      content: after.content,
      background: after.backgroundColor,
      border: after.borderBottomColor,
      borderWidth: after.borderBottomWidth,
      boxBackground: getComputedStyle(box).backgroundColor,
    };
  });
}

test.use({ colorScheme: "light" });

test("in forced colours the chosen radio, the ticked checkbox and the exit button stay visible", async ({
  page,
}) => {
  test.setTimeout(120_000);
  fs.mkdirSync(shotDir, { recursive: true });
  await page.emulateMedia({ forcedColors: "active" });
  await page.setViewportSize({ width: 360, height: 740 });
  const t = (key: string) => tr("nl", key);
  await page.goto("/verhaal/wie?lng=nl");
  await enhanced(page);
  expect(await page.evaluate(() => matchMedia("(forced-colors: active)").matches)).toBe(true);

  const young = page.getByRole("radio", { name: new RegExp(`^${t("who.options.young_person.label")}`) });
  const close = page.getByRole("radio", { name: new RegExp(`^${t("who.options.close.label")}`) });
  expect((await mark(close)).content).toBe("none");
  await choose(page, "radio", t("who.options.young_person.label"));
  const dot = await mark(young);
  // The dot is painted in a real colour, and not the colour of the circle around it.
  expect(dot.content).not.toBe("none");
  expect(dot.background).not.toMatch(transparent);
  expect(dot.background).not.toBe(dot.boxBackground);
  expect((await mark(close)).content).toBe("none");

  // The exit button keeps a visible edge (a forced-colours button border), so it stays a button.
  const exit = page.getByRole("link", { name: /snel weg/i });
  const edge = await exit.evaluate((a) => {
    const s = getComputedStyle(a);
    return { style: s.borderTopStyle, width: s.borderTopWidth, color: s.borderTopColor };
  });
  expect(edge.style).not.toBe("none");
  expect(parseFloat(edge.width)).toBeGreaterThan(0);
  expect(edge.color).not.toMatch(transparent);
  await page.screenshot({ path: path.join(shotDir, "forced-colors-radio-phone.png") });

  await continueOn(page, "nl", "/verhaal/afdeling");
  await continueOn(page, "nl", "/verhaal/wanneer");
  await continueOn(page, "nl", "/verhaal/wat-is-er-gebeurd");
  await page.getByRole("textbox", { name: t("what.question") }).fill("Kleuren.");
  await continueOn(page, "nl", "/verhaal/onderwerpen");
  const isolation = page.getByRole("checkbox", { name: t("what.themes.options.isolation") });
  await choose(page, "checkbox", t("what.themes.options.isolation"));
  const tick = await mark(isolation);
  expect(tick.content).not.toBe("none");
  expect(parseFloat(tick.borderWidth)).toBeGreaterThan(0);
  expect(tick.border).not.toMatch(transparent);
  await page.screenshot({ path: path.join(shotDir, "forced-colors-checkbox-phone.png") });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join(shotDir, "forced-colors-checkbox-desktop.png") });
});
