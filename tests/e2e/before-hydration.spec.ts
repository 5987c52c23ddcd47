/**
 * On a slow connection a person starts typing and ticking before the page's JavaScript has run. react-aria
 * renders controlled inputs, so the first re-render after hydration used to put the empty state back and
 * wipe it. Here the scripts are held back until the fields are filled in, then released; what was typed,
 * picked and ticked must survive hydration, and the server must get it.
 *
 * On the staff side, which hydrates: radios and a checkbox (a case entered on someone's behalf), a text area
 * with its counter (a note on a case). The public question pages, where this was first seen, no longer
 * hydrate (ADR 042): nothing replaces their fields, so there is nothing to lose.
 */
import { test, type Page } from "@playwright/test";
import { expect } from "./expect";
import { TEXT_MAX } from "~/domain/staff-forms";
import { startSession } from "~/server/staff-session.server";
import { createStaff, e2eDatabase, seedCase } from "../helpers/seed-cases";
import { localeText } from "./helpers";

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

test("what is typed, picked and ticked before the page's JavaScript runs is kept", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const s = (key: string, values: Record<string, string | number> = {}) =>
    localeText("nl", "staff", key, values);
  const db = e2eDatabase();
  const worker = await createStaff(db, { role: "ombudsworker" });
  const token = startSession(db, worker.id, true).split(";")[0]!.split("=")[1]!;
  await context.addCookies([
    { name: "ap_staff", value: token, url: `${process.env.E2E_BASE_URL}/medewerker` },
  ]);

  // Two radio groups and a checkbox: a case entered on someone's behalf.
  const c = seedCase(db, { kind: "complaint" });
  let hydrate = await openWithScriptsHeld(page, "/medewerker/invoeren?lng=nl");
  const pick = (label: string) => page.locator("label").filter({ hasText: label }).click();
  await pick(s("entry.kind.options.complaint"));
  await pick(s("entry.channel.options.phone"));
  await pick(s("entry.agreed.option"));
  await hydrate();
  await expect(page.getByRole("radio", { name: s("entry.kind.options.complaint") })).toBeChecked();
  await expect(page.getByRole("radio", { name: s("entry.channel.options.phone") })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: s("entry.agreed.option") })).toBeChecked();
  await page.getByRole("button", { name: s("entry.submit") }).click();
  // The server got all three: a complaint (its first question), by phone (the notice), agreed (no error).
  await expect(page).toHaveURL(/\/klacht\/wie$/);
  await expect(page.getByText(localeText("nl", "intake", "onBehalf.phone"))).toBeVisible();

  // A text area with its counter: a note on a case.
  hydrate = await openWithScriptsHeld(page, `/medewerker/zaken/${c.id}?lng=nl`);
  const note = page.getByRole("textbox", { name: s("case.actions.note"), exact: true });
  const typed = "Ik typte dit voordat de pagina helemaal geladen was.";
  await note.fill(typed);
  await hydrate();
  await expect(note).toHaveValue(typed);
  // The counter counts what is there, not what the page started with.
  const left = String(TEXT_MAX - typed.length).replace(/(\d)(?=(\d{3})+$)/g, "$1[.,]?");
  await expect(page.getByText(new RegExp(`\\b${left}\\b`))).toBeVisible();
  await page.getByRole("button", { name: s("case.actions.addNote") }).click();
  await expect(page.getByText(s("case.done.note"))).toBeVisible();
  await expect(page.getByText(typed)).toBeVisible();

  // A text area that already holds text (a refused form comes back with what was sent): React's hydration
  // of a text area puts the server's text back over an edit made before it ran. With the scripts held,
  // "save" is the browser's own POST, and the refused page comes back with its scripts held too.
  hydrate = await openWithScriptsHeld(page, `/medewerker/zaken/${c.id}?lng=nl`);
  const tooLong = "x".repeat(TEXT_MAX + 1);
  await note.fill(tooLong);
  await page.getByRole("button", { name: s("case.actions.addNote") }).click();
  await expect(page).toHaveTitle(/^Fout: /);
  await expect(note).toHaveValue(tooLong);
  const edited = "Ik heb het anders opgeschreven, nog voor de pagina klaar was.";
  await note.fill(edited);
  await hydrate();
  await expect(note).toHaveValue(edited);
  await page.getByRole("button", { name: s("case.actions.addNote") }).click();
  await expect(page.getByText(edited)).toBeVisible();
});
