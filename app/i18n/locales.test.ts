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
