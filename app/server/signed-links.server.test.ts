import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { signLinkWith, verifyLinkWith } from "./signed-links.server";

const secret = crypto.randomBytes(32).toString("base64");
const claims = { referralId: 7, version: 1, expiresAt: 1_000_000 };

describe("organisation links", () => {
  it("verify with their claims before expiry", () => {
    const token = signLinkWith(secret, claims);
    expect(verifyLinkWith(secret, token, 999_999)).toEqual({ ok: true, claims });
  });

  it("expire", () => {
    expect(verifyLinkWith(secret, signLinkWith(secret, claims), 1_000_001)).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("are scoped: changing the referral id in a token breaks the signature", () => {
    const token = signLinkWith(secret, claims);
    const [, sig] = token.split(".");
    const forged = `${Buffer.from("8.1.1000000").toString("base64url")}.${sig}`;
    expect(verifyLinkWith(secret, forged, 0)).toEqual({ ok: false, reason: "signature" });
    const other = signLinkWith(secret, { ...claims, referralId: 8 });
    expect(verifyLinkWith(secret, other, 0)).toMatchObject({ ok: true, claims: { referralId: 8 } });
    expect(other).not.toBe(token);
  });

  it("do not verify with another secret, or when malformed", () => {
    const token = signLinkWith(secret, claims);
    expect(verifyLinkWith(crypto.randomBytes(32).toString("base64"), token, 0)).toMatchObject({ ok: false });
    expect(verifyLinkWith(secret, "nonsense", 0)).toEqual({ ok: false, reason: "malformed" });
    expect(verifyLinkWith(secret, `${token}.x`, 0)).toEqual({ ok: false, reason: "malformed" });
  });
});
