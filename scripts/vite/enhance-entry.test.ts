import { describe, expect, it } from "vitest";
import { enhanceFileIn, ENHANCE_ENTRY } from "./enhance-entry";

describe("the enhancement entry's built file", () => {
  it("is read from the client build's Vite manifest", () => {
    expect(
      enhanceFileIn({
        "app/entry.client.tsx": { file: "assets/entry.client-abc.js", isEntry: true },
        [ENHANCE_ENTRY]: { file: "assets/enhance-CjUKQYbG.js", isEntry: true },
      }),
    ).toBe("assets/enhance-CjUKQYbG.js");
  });

  it("fails the server build when the client build did not emit it", () => {
    expect(() => enhanceFileIn({})).toThrow(/app\/enhance\/index\.ts is not in the client build/);
  });
});
