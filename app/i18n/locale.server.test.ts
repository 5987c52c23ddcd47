import { describe, expect, it } from "vitest";
import { detectLanguage, fromAcceptLanguage, languageCookieHeader } from "./locale.server";

const req = (url: string, headers: Record<string, string> = {}) => new Request(`http://x${url}`, { headers });

describe("language detection", () => {
  it("prefers ?lng, then the cookie, then Accept-Language, then Dutch", () => {
    expect(detectLanguage(req("/?lng=en", { Cookie: "lng=nl", "Accept-Language": "nl" }))).toBe("en");
    expect(detectLanguage(req("/", { Cookie: "a=b; lng=en", "Accept-Language": "nl" }))).toBe("en");
    expect(detectLanguage(req("/", { "Accept-Language": "de-DE, en-GB;q=0.8, nl;q=0.5" }))).toBe("en");
    expect(detectLanguage(req("/", { "Accept-Language": "fr" }))).toBe("nl");
    expect(detectLanguage(req("/?lng=xx"))).toBe("nl");
  });

  it("ignores languages with q=0", () => {
    expect(fromAcceptLanguage("en;q=0, nl;q=0.1")).toBe("nl");
  });

  it("sets a cookie only when the URL chooses a language", () => {
    expect(languageCookieHeader(req("/?lng=en"), false)).toMatch(
      /^lng=en; Path=\/; HttpOnly; SameSite=Lax; Max-Age=31536000$/,
    );
    expect(languageCookieHeader(req("/?lng=en"), true)).toMatch(/Secure$/);
    expect(languageCookieHeader(req("/"), false)).toBeUndefined();
  });
});
