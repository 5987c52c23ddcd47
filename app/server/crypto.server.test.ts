import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptWith, encryptWith, makeKeyring } from "./crypto.server";

const k1 = crypto.randomBytes(32).toString("base64");
const k2 = crypto.randomBytes(32).toString("base64");

describe("encryption at rest", () => {
  it("round-trips unicode text and never stores the plaintext", () => {
    const ring = makeKeyring(k1);
    const text = "Ik zat 23 uur per dag alleen — 'separeer' 🙁";
    const stored = encryptWith(ring, text);
    expect(stored).not.toContain("alleen");
    expect(stored.startsWith(`v1.${ring.currentId}.`)).toBe(true);
    expect(decryptWith(ring, stored)).toBe(text);
  });

  it("uses a fresh IV each time", () => {
    const ring = makeKeyring(k1);
    expect(encryptWith(ring, "same")).not.toBe(encryptWith(ring, "same"));
  });

  it("detects tampering", () => {
    const ring = makeKeyring(k1);
    const parts = encryptWith(ring, "a story").split(".");
    const ct = Buffer.from(parts[4]!, "base64url");
    ct[0] = ct[0]! ^ 1;
    parts[4] = ct.toString("base64url");
    expect(() => decryptWith(ring, parts.join("."))).toThrow();
  });

  it("reads values written with an older key after rotation", () => {
    const old = makeKeyring(k1);
    const stored = encryptWith(old, "before rotation");
    const rotated = makeKeyring(k2, [k1]);
    expect(rotated.currentId).not.toBe(old.currentId);
    expect(decryptWith(rotated, stored)).toBe("before rotation");
    expect(() => decryptWith(makeKeyring(k2), stored)).toThrow(/No key/);
  });
});
