/**
 * On a slow phone a person starts typing and ticking before the page's JavaScript has run. react-aria
 * renders controlled inputs, so the first re-render after hydration used to put the empty state back and
 * wipe it. Here the scripts are held back until the fields are filled in, then released; what was typed,
 * picked and ticked must survive hydration, and the server must get it.
 */
import { test, type Page } from "@playwright/test";
import { expect } from "./expect";
import { limits } from "~/domain/intake/validation";
import { choose, tr } from "./intake-helpers";

/** Opens a page with every script held back until `release()` is called. */
async function openWithScriptsHeld(page: Page, url: string) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/*.js", async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(url, { waitUntil: "commit" });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The stylesheet is not held back, but with the page's load still pending it may not have arrived yet:
  // a person sees the styled page before they tap, so the test waits for it too.
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every((l) => l.sheet),
  );
  return async () => {
    release();
    // Hydrated: the Remix router runs and React has taken over the first button.
    await page.waitForFunction(() => "__remixRouter" in window);
    await page.waitForFunction(() =>
      Object.keys(document.querySelector("main button") ?? {}).some((k) => k.startsWith("__react")),
    );
    await page.waitForLoadState("networkidle");
    await page.unroute("**/*.js");
  };
}

test("what is typed, picked and ticked before the page's JavaScript runs is kept", async ({ page }) => {
  // Seven pages, each loaded twice over (scripts held, then released and waited for): a minute on a busy
  // machine, which was the default timeout.
  test.setTimeout(120_000);
  const lng = "nl";
  const t = (key: string, params: Record<string, string | number> = {}) => tr(lng, key, params);
  const next = () => page.getByRole("button", { name: tr(lng, "common:continue"), exact: true }).click();

  // A radio group: "who is telling".
  let hydrate = await openWithScriptsHeld(page, `/verhaal/wie?lng=${lng}`);
  await choose(page, "radio", t("who.options.young_person.label"));
  await hydrate();
  await expect(
    page.getByRole("radio", { name: new RegExp(t("who.options.young_person.label")) }),
  ).toBeChecked();
  await next();
  await expect(page).toHaveURL(/\/verhaal\/afdeling$/);

  // A radio group with a text field: the unit.
  hydrate = await openWithScriptsHeld(page, `/verhaal/afdeling?lng=${lng}`);
  await choose(page, "radio", t("unit.options.unknown"));
  await page.getByLabel(t("unit.unitOther.label")).fill("Groep 3");
  await hydrate();
  await expect(page.getByLabel(t("unit.unitOther.label"))).toHaveValue("Groep 3");
  await expect(page.getByRole("radio", { name: new RegExp(t("unit.options.unknown")) })).toBeChecked();
  await next();
  await expect(page).toHaveURL(/\/verhaal\/wanneer$/);

  // Two text fields: the period.
  hydrate = await openWithScriptsHeld(page, `/verhaal/wanneer?lng=${lng}`);
  await page.getByLabel(t("unit.period.from")).fill("2019");
  await page.getByLabel(t("unit.period.to")).fill("2020");
  await hydrate();
  await expect(page.getByLabel(t("unit.period.from"))).toHaveValue("2019");
  await expect(page.getByLabel(t("unit.period.to"))).toHaveValue("2020");
  await next();
  await expect(page).toHaveURL(/\/verhaal\/wat-is-er-gebeurd$/);

  // A text area with its counter: the story.
  hydrate = await openWithScriptsHeld(page, `/verhaal/wat-is-er-gebeurd?lng=${lng}`);
  const story = "Ik typte dit voordat de pagina helemaal geladen was.";
  await page.getByRole("textbox", { name: t("what.question") }).fill(story);
  await hydrate();
  await expect(page.getByRole("textbox", { name: t("what.question") })).toHaveValue(story);
  // The counter counts what is there, not what the page started with.
  const left = String(limits.story - story.length).replace(/(\d)(?=(\d{3})+$)/g, "$1[.,]?");
  await expect(page.getByText(new RegExp(`\\b${left}\\b`))).toBeVisible();
  await next();
  await expect(page).toHaveURL(/\/verhaal\/onderwerpen$/);

  // A checkbox group: the themes.
  hydrate = await openWithScriptsHeld(page, `/verhaal/onderwerpen?lng=${lng}`);
  await choose(page, "checkbox", t("what.themes.options.medication"));
  await hydrate();
  await expect(page.getByRole("checkbox", { name: t("what.themes.options.medication") })).toBeChecked();
  await next();
  await expect(page).toHaveURL(/\/verhaal\/veilig$/);

  // The server got all of it: going back, the steps show the saved answers.
  await page.goto(`/verhaal/wat-is-er-gebeurd?lng=${lng}`);
  await expect(page.getByRole("textbox", { name: t("what.question") })).toHaveValue(story);
  await page.goto(`/verhaal/onderwerpen?lng=${lng}`);
  await expect(page.getByRole("checkbox", { name: t("what.themes.options.medication") })).toBeChecked();
  await page.goto(`/verhaal/wanneer?lng=${lng}`);
  await expect(page.getByLabel(t("unit.period.from"))).toHaveValue("2019");
  await page.goto(`/verhaal/afdeling?lng=${lng}`);
  await expect(page.getByRole("radio", { name: new RegExp(t("unit.options.unknown")) })).toBeChecked();

  // A text area that already holds an answer (a step revisited, or an error page that kept what was sent):
  // React's hydration of a text area puts the server's text back over an edit made before it ran.
  hydrate = await openWithScriptsHeld(page, `/verhaal/wat-is-er-gebeurd?lng=${lng}`);
  const storyBox = page.getByRole("textbox", { name: t("what.question") });
  await expect(storyBox).toHaveValue(story);
  const edited = "Ik heb het anders opgeschreven, nog voor de pagina klaar was.";
  await storyBox.fill(edited);
  await hydrate();
  await expect(storyBox).toHaveValue(edited);
  await next();
  await expect(page).toHaveURL(/\/verhaal\/onderwerpen$/);
  await page.goto(`/verhaal/wat-is-er-gebeurd?lng=${lng}`);
  await expect(storyBox).toHaveValue(edited);
});
