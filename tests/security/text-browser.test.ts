/**
 * What a text browser (lynx, w3m) shows: the server HTML without styles, so visually hidden text is read
 * out in the flow. Words of separate elements must not run together (issue 15 point 9 found
 * "EnglishRead this page in English" in the header).
 */
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { word } from "./helpers/locale";
import { Client } from "./helpers/http";

describe("in a text browser", () => {
  it("the language switch reads as separate words, on a plain page and on a question page", async () => {
    const client = new Client();
    for (const [path, lng] of [
      ["/?lng=nl", "nl"],
      ["/verhaal/wie?lng=en", "en"],
    ] as const) {
      const res = await client.get(path);
      expect(res.status, path).toBe(200);
      const header = parse(res.body).querySelector("header");
      const text = header?.textContent ?? "";
      const short = word(lng, "common", "language.switchTo");
      const long = word(lng, "common", "language.switchToLong");
      expect(text, path).toContain(`${short} ${long}`);
    }
  });
});
