import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { languages, namespaces } from "./config";

const root = path.resolve(import.meta.dirname, "../../locales");

function flatten(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      flatten(v, prefix ? `${prefix}.${k}` : k),
    );
  }
  return [prefix];
}

function load(lng: string, ns: string) {
  return JSON.parse(fs.readFileSync(path.join(root, lng, `${ns}.json`), "utf8")) as unknown;
}

describe("locales", () => {
  it("has a file for every language and namespace, and no others", () => {
    for (const lng of languages) {
      const files = fs.readdirSync(path.join(root, lng)).sort();
      expect(files).toEqual(namespaces.map((n) => `${n}.json`).sort());
    }
  });

  for (const ns of namespaces) {
    it(`nl and en have the same keys in ${ns}`, () => {
      const nl = flatten(load("nl", ns)).sort();
      const en = flatten(load("en", ns)).sort();
      expect(en.filter((k) => !nl.includes(k))).toEqual([]);
      expect(nl.filter((k) => !en.includes(k))).toEqual([]);
    });

    it(`has no empty strings in ${ns}`, () => {
      for (const lng of languages) {
        const json = JSON.stringify(load(lng, ns));
        expect(json).not.toMatch(/:\s*""/);
      }
    });
  }
});

/** Every string a person reads in one language, across all namespaces. */
function texts(lng: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") out.push(v);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  for (const ns of namespaces) walk(load(lng, ns));
  return out;
}

describe("wording (issue 15 point 10)", () => {
  it("uses one word for one thing: the secret phrase", () => {
    // {{passphrase}} is a value put in, not a word shown.
    expect(texts("en").filter((s) => /passphrase/i.test(s.replace(/\{\{\w+\}\}/g, "")))).toEqual([]);
    expect(texts("nl").filter((s) => /wachtzin|wachtwoordzin/i.test(s))).toEqual([]);
  });

  it("keeps the sentences reviewers found weak out", () => {
    const weak = [
      "Voor wat je wilt, hebben we een andere organisatie nodig.",
      "Je geheime zin bewaren we niet: alleen een versleutelde controle ervan.",
      "het vastloopt",
      "Wacht niet op ons.",
    ];
    expect(texts("nl").filter((s) => weak.some((w) => s.includes(w)))).toEqual([]);
    expect(
      texts("en").filter((s) => /signed out by itself|can be seen for 30 minutes|things are stuck/.test(s)),
    ).toEqual([]);
  });
});
