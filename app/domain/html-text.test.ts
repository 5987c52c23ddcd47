import { describe, expect, it } from "vitest";
import { showableText } from "./html-text";

describe("showableText", () => {
  it("marks each character HTML cannot carry, and keeps everything else as typed", () => {
    expect(showableText("a\u0007b\u0000c\u007F\u0085")).toBe("a\uFFFDb\uFFFDc\uFFFD\uFFFD");
    expect(showableText("tab\there\nline\r\n<b>&\u202E")).toBe("tab\there\nline\r\n<b>&\u202E");
  });
});
