import { describe, expect, it } from "vitest";
import { linesWorthShowing } from "../e2e/failure-context-reporter";

const context = [
  "# Page snapshot",
  "",
  "```yaml",
  "- banner:",
  '  - link "Snel weg"',
  '- heading "Wie vertelt ons dit?" [level=1]',
  '- radio "Ik zat zelf op een ZIKOS-afdeling"',
  '- radio "Ik ben ouder of verzorger"',
  '- paragraph: "Je hoeft je naam niet te geven."',
  '- alert: "Er is een probleem"',
  "```",
].join("\n");

describe("what the failure reporter shows of the page", () => {
  it("keeps headings and alerts with the two lines under them, and leaves the rest out", () => {
    expect(linesWorthShowing(context)).toEqual([
      '- heading "Wie vertelt ons dit?" [level=1]',
      '- radio "Ik zat zelf op een ZIKOS-afdeling"',
      '- radio "Ik ben ouder of verzorger"',
      '- alert: "Er is een probleem"',
      "",
    ]);
  });

  it("says nothing when the error context has no snapshot", () => {
    expect(linesWorthShowing("# Error details\nTimeout")).toBeUndefined();
  });
});
