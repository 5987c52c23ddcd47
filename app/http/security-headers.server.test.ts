import { describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers.server";

describe("security headers", () => {
  it("allows scripts only from this origin and with the nonce", () => {
    const csp = securityHeaders({ nonce: "abc", https: false })["Content-Security-Policy"]!;
    expect(csp).toContain("script-src 'self' 'nonce-abc'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("adds HSTS and upgrade-insecure-requests only over https", () => {
    expect(securityHeaders({ nonce: "n", https: false })["Strict-Transport-Security"]).toBeUndefined();
    const h = securityHeaders({ nonce: "n", https: true });
    expect(h["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(h["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  it("sets the privacy headers", () => {
    const h = securityHeaders({ nonce: "n", https: false });
    expect(h["Referrer-Policy"]).toBe("no-referrer");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Permissions-Policy"]).toContain("camera=()");
  });
});
