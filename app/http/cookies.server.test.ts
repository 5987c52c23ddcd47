import { describe, expect, it } from "vitest";
import {
  clearCookieHeader,
  cookieFromHeader,
  expireExactCookieHeader,
  readCookie,
  setCookieHeader,
  wireName,
} from "./cookies.server";

describe("cookies", () => {
  it("are always httpOnly and Lax unless asked for Strict, with Secure as asked", () => {
    expect(setCookieHeader("a", "1", { secure: false })).toBe("a=1; Path=/; HttpOnly; SameSite=Lax");
    expect(
      setCookieHeader("a", "1", { path: "/medewerker", sameSite: "Strict", maxAge: 60, secure: true }),
    ).toBe("__Secure-a=1; Path=/medewerker; HttpOnly; SameSite=Strict; Max-Age=60; Secure");
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

  it("carry __Host- (on /) or __Secure- (on a narrower path) over https, and plain names over http", () => {
    expect(wireName("ap_draft", "/", true)).toBe("__Host-ap_draft");
    expect(wireName("ap_staff", "/medewerker", true)).toBe("__Secure-ap_staff");
    expect(wireName("ap_draft", "/", false)).toBe("ap_draft");
    expect(setCookieHeader("ap_csrf", "t", { secure: true })).toBe(
      "__Host-ap_csrf=t; Path=/; HttpOnly; SameSite=Lax; Secure",
    );
    expect(clearCookieHeader("ap_follow", { secure: true })).toBe(
      "__Host-ap_follow=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure",
    );
  });

  it("are read by the name this server gives them, so a plain-named cookie is not taken for a prefixed one", () => {
    // The unit tests run with an http PUBLIC_URL: plain names.
    const request = new Request("http://localhost/", {
      headers: { Cookie: "__Host-ap_draft=x; ap_draft=y" },
    });
    expect(readCookie(request, "ap_draft")).toBe("y");
  });

  it("expire a damaged cookie by the exact name it came with, Secure when the name is prefixed", () => {
    expect(expireExactCookieHeader("__Host-ap_draft", "/")).toBe(
      "__Host-ap_draft=; Path=/; Max-Age=0; SameSite=Lax; Secure",
    );
    expect(expireExactCookieHeader("ap_draft", "/medewerker")).toBe(
      "ap_draft=; Path=/medewerker; Max-Age=0; SameSite=Lax",
    );
  });
});
