import { describe, expect, it } from "vitest";
import { clearCookieHeader, cookieFromHeader, setCookieHeader } from "./cookies.server";

describe("cookies", () => {
  it("are always httpOnly and Lax unless asked for Strict, with Secure as asked", () => {
    expect(setCookieHeader("a", "1", { secure: false })).toBe("a=1; Path=/; HttpOnly; SameSite=Lax");
    expect(
      setCookieHeader("a", "1", { path: "/medewerker", sameSite: "Strict", maxAge: 60, secure: true }),
    ).toBe("a=1; Path=/medewerker; HttpOnly; SameSite=Strict; Max-Age=60; Secure");
    expect(clearCookieHeader("a", { path: "/medewerker", secure: false })).toBe(
      "a=; Path=/medewerker; HttpOnly; SameSite=Lax; Max-Age=0",
    );
  });

  it("are read by exact name, and a value that cannot be decoded is no value", () => {
    const header = "ap_draft_old=x; ap_draft=abc%2Bd; bad=%E0%A4%A";
    expect(cookieFromHeader(header, "ap_draft")).toBe("abc+d");
    expect(cookieFromHeader(header, "ap_dra")).toBeUndefined();
    expect(cookieFromHeader(header, "bad")).toBeUndefined();
    expect(cookieFromHeader(null, "ap_draft")).toBeUndefined();
  });
});
