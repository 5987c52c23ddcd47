import { describe, expect, it } from "vitest";
import { formatPassphrase } from "~/domain/passphrase";
import { hashPassphrase, verifyDummy, verifyPassphrase } from "./passphrase.server";

const passphrase = "7KQM2XRT0HBD41PN";

describe("passphrase hashing", () => {
  it("stores an argon2id hash with the chosen parameters, never the passphrase", async () => {
    const stored = await hashPassphrase(passphrase);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=9216,t=4,p=1\$/);
    expect(stored).not.toContain(passphrase);
    expect(await hashPassphrase(passphrase)).not.toBe(stored); // salted
  });

  it("verifies the passphrase however it was typed", async () => {
    const stored = await hashPassphrase(formatPassphrase(passphrase));
    expect(await verifyPassphrase(stored, passphrase)).toBe(true);
    expect(await verifyPassphrase(stored, "7kqm 2xrt 0hbd 41pn")).toBe(true);
    // O for zero and I for one, as people write them down.
    expect(await verifyPassphrase(stored, "7KQM-2XRT-OHBD-4IPN")).toBe(true);
  });

  it("verifies a passphrase of words however it was typed, and not another", async () => {
    const stored = await hashPassphrase("appel fiets wolken zomer tafel");
    expect(await verifyPassphrase(stored, "Appel-Fiets-Wolken-Zomer-Tafel")).toBe(true);
    expect(await verifyPassphrase(stored, "appelfietswolkenzomertafel")).toBe(true);
    expect(await verifyPassphrase(stored, "appel fiets wolken zomer tafels")).toBe(false);
    expect(await verifyPassphrase(stored, "appel fiets wolken tafel zomer")).toBe(false);
  });

  it("refuses a wrong or malformed passphrase without throwing", async () => {
    const stored = await hashPassphrase(passphrase);
    expect(await verifyPassphrase(stored, "7KQM2XRT0HBD41PM")).toBe(false);
    expect(await verifyPassphrase(stored, "too short")).toBe(false);
    expect(await verifyPassphrase("not a hash", passphrase)).toBe(false);
  });

  it("refuses to hash something that is not a passphrase", async () => {
    expect(() => hashPassphrase("secret")).toThrow(/Not a passphrase/);
  });

  it("has a dummy verification for unknown codes that always fails", async () => {
    expect(await verifyDummy()).toBe(false);
  });
});
