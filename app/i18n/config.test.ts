import { describe, expect, it } from "vitest";
import { localPath } from "./config";

describe("localPath", () => {
  it("keeps an ordinary path", () => {
    expect(localPath("/verhaal/wie")).toBe("/verhaal/wie");
    expect(localPath("/")).toBe("/");
  });

  it("turns paths a browser would read as another host into paths on this site", () => {
    expect(localPath("//evil.example/x")).toBe("/evil.example/x");
    expect(localPath("///evil.example")).toBe("/evil.example");
    expect(localPath("/\\evil.example")).toBe("/evil.example");
    expect(localPath("\\/evil.example")).toBe("/evil.example");
  });

  it("always starts with exactly one slash, so the link stays on this origin", () => {
    for (const p of ["", "evil.example", "//a//b", "/\\/\\x"]) {
      const local = localPath(p);
      expect(local.startsWith("/")).toBe(true);
      expect(new URL(local, "https://aanspreekpunt.example").origin).toBe("https://aanspreekpunt.example");
    }
  });
});
