/**
 * The layout check of reflow.ts must catch what it is there to catch: cut-off text and overlapping
 * controls. (The checks themselves run on every page state in a11y-sweep.spec.ts.)
 */
import { test } from "@playwright/test";
import { expect } from "./expect";
import { layoutProblems } from "./reflow";

test("the layout check does catch cut-off text and overlapping controls", async ({ page }) => {
  await page.setContent(`
    <div style="width: 120px; height: 1.2em; overflow: hidden"><p>Een zin die niet in dit kleine vak past</p></div>
    <button style="position: absolute; left: 10px; top: 100px">Een</button>
    <button style="position: absolute; left: 20px; top: 105px">Twee</button>
    <a href="#" style="position: absolute; left: 10px; top: -100px">Buiten beeld, met opzet</a>`);
  const problems = await page.evaluate(layoutProblems);
  expect(problems).toEqual([
    expect.stringMatching(/^text cut off: <p>/),
    expect.stringMatching(/^controls overlap: <button> "Een" and <button> "Twee"/),
  ]);
});
