import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, getTuning, parseEnv, secretBytes, withDevelopmentSecrets } from "./env.server";

const strong = Buffer.alloc(32, 7).toString("base64");

describe("parseEnv", () => {
  it("accepts good values and fills defaults", () => {
    const env = parseEnv({ SESSION_SECRET: strong, DATA_ENCRYPTION_KEY: strong, PORT: "4000" });
    expect(env.PORT).toBe(4000);
    expect(env.HOST).toBe("localhost");
    expect(env.PUBLIC_URL).toBe("http://localhost:4000");
    expect(env.DATABASE_URL).toBe("./data/aanspreekpunt.db");
    expect(env.NODE_ENV).toBe("development");
  });

  it("strips a file: prefix and a trailing slash", () => {
    const env = parseEnv({
      SESSION_SECRET: strong,
      DATA_ENCRYPTION_KEY: strong,
      DATABASE_URL: "file:/tmp/x.db",
      PUBLIC_URL: "https://example.org/",
    });
    expect(env.DATABASE_URL).toBe("/tmp/x.db");
    expect(env.PUBLIC_URL).toBe("https://example.org");
  });

  it("names every bad variable", () => {
    expect(() =>
      parseEnv({ SESSION_SECRET: "short", PORT: "seventy", PUBLIC_URL: "not a url", NODE_ENV: "production" }),
    ).toThrowError(ConfigError);
    try {
      parseEnv({ SESSION_SECRET: "short", PORT: "seventy", PUBLIC_URL: "not a url" });
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toMatch(/SESSION_SECRET: SESSION_SECRET is too weak/);
      expect(msg).toMatch(/DATA_ENCRYPTION_KEY: DATA_ENCRYPTION_KEY is missing/);
      expect(msg).toMatch(/PORT/);
      expect(msg).toMatch(/PUBLIC_URL/);
    }
  });

  it("treats an empty string as missing", () => {
    expect(() => parseEnv({ SESSION_SECRET: "", DATA_ENCRYPTION_KEY: strong })).toThrow(
      /SESSION_SECRET is missing/,
    );
  });
});

describe("TRUST_PROXY", () => {
  const trust = (v: string | undefined) =>
    parseEnv({ SESSION_SECRET: strong, DATA_ENCRYPTION_KEY: strong, TRUST_PROXY: v }).TRUST_PROXY;

  it("trusts nobody when unset, false or 0: the TCP peer is the client", () => {
    expect(trust(undefined)).toBe(false);
    expect(trust("false")).toBe(false);
    expect(trust("0")).toBe(false);
  });

  it("takes a hop count or a list of addresses, ranges and Express's names", () => {
    expect(trust("1")).toBe(1);
    expect(trust("10.0.0.5, 192.168.0.0/16,loopback")).toEqual(["10.0.0.5", "192.168.0.0/16", "loopback"]);
    expect(trust("::1,fd00::/8,uniquelocal,linklocal")).toEqual([
      "::1",
      "fd00::/8",
      "uniquelocal",
      "linklocal",
    ]);
  });

  it("refuses true, names and bad ranges, naming what it did not understand", () => {
    expect(() => trust("true")).toThrow(/TRUST_PROXY: .*not understood: true .*any client/);
    expect(() => trust("proxy.example.nl")).toThrow(/not understood: proxy\.example\.nl/);
    expect(() => trust("10.0.0.0/33")).toThrow(/not understood: 10\.0\.0\.0\/33/);
    expect(() => trust("::1/129,10.0.0.1/8/8")).toThrow(/not understood: ::1\/129, 10\.0\.0\.1\/8\/8/);
  });
});

describe("limits and the outbox pace", () => {
  it("has the defaults for real use, and reads what the tests set", () => {
    expect(getTuning({})).toEqual({
      FINISH_LIMIT_PER_10_MIN: 20,
      DRAFT_LIMIT_PER_HOUR: 20,
      FOLLOW_SIGN_IN_LIMIT_PER_15_MIN: 60,
      CONTACT_LIMIT_PER_HOUR: 10,
      OUTBOX_INTERVAL_MS: 5_000,
    });
    expect(getTuning({ CONTACT_LIMIT_PER_HOUR: "1000", OUTBOX_INTERVAL_MS: "" }).CONTACT_LIMIT_PER_HOUR).toBe(
      1000,
    );
  });

  it("names a bad value, alone and in the full configuration", () => {
    expect(() => getTuning({ DRAFT_LIMIT_PER_HOUR: "many" })).toThrow(/DRAFT_LIMIT_PER_HOUR/);
    expect(() =>
      parseEnv({ SESSION_SECRET: strong, DATA_ENCRYPTION_KEY: strong, OUTBOX_INTERVAL_MS: "-1" }),
    ).toThrow(/OUTBOX_INTERVAL_MS/);
  });
});

describe("secretBytes", () => {
  it("needs 32 bytes", () => {
    expect(secretBytes("ab".repeat(31))).toBeNull();
    expect(secretBytes("ab".repeat(32))?.length).toBe(32);
    expect(secretBytes(strong)?.length).toBe(32);
    expect(secretBytes("password123")).toBeNull();
  });
});

describe("withDevelopmentSecrets", () => {
  it("generates a 0600 secrets file once and reuses it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-env-"));
    const raw = { DATABASE_URL: path.join(dir, "db.sqlite") };
    const first = withDevelopmentSecrets(raw);
    expect(first.generatedFile).toBe(path.join(dir, "secrets.json"));
    expect(fs.statSync(first.generatedFile!).mode & 0o777).toBe(0o600);
    const second = withDevelopmentSecrets(raw);
    expect(second.generatedFile).toBeUndefined();
    expect(second.env.SESSION_SECRET).toBe(first.env.SESSION_SECRET);
    expect(() => parseEnv(second.env)).not.toThrow();
  });

  it("never generates secrets in production", () => {
    const out = withDevelopmentSecrets({ NODE_ENV: "production" });
    expect(out.env.SESSION_SECRET).toBeUndefined();
    expect(() => parseEnv(out.env)).toThrow(/SESSION_SECRET is missing/);
  });
});

describe("operator", () => {
  it("has placeholder defaults and reads every OPERATOR_* variable", () => {
    const base = { SESSION_SECRET: strong, DATA_ENCRYPTION_KEY: strong };
    expect(parseEnv(base).operator).toMatchObject({ name: "Voorbeeldorganisatie", phone: "030 000 0000" });
    const op = parseEnv({
      ...base,
      OPERATOR_NAME: "Stichting Test",
      OPERATOR_ADDRESS: "Teststraat 2, 1000 AA Amsterdam",
      OPERATOR_PHONE: "020 123 4567",
      OPERATOR_HOURS: "08:30-16:00",
      OPERATOR_EMAIL: "hallo@test.nl",
      OPERATOR_SIGNATURE: "Team ZIKOS",
    }).operator;
    expect(op).toEqual({
      name: "Stichting Test",
      address: "Teststraat 2, 1000 AA Amsterdam",
      phone: "020 123 4567",
      hoursFrom: "08:30",
      hoursTo: "16:00",
      email: "hallo@test.nl",
      signature: "Team ZIKOS",
    });
  });

  it("names a bad phone number or opening hours", () => {
    const base = { SESSION_SECRET: strong, DATA_ENCRYPTION_KEY: strong };
    expect(() => parseEnv({ ...base, OPERATOR_PHONE: "call us" })).toThrow(/OPERATOR_PHONE/);
    expect(() => parseEnv({ ...base, OPERATOR_HOURS: "9 to 5" })).toThrow(/OPERATOR_HOURS/);
  });
});
