/** Strings from locales/<lang>/<ns>.json with {{values}} filled in: tests look for what people read. */
import fs from "node:fs";
import path from "node:path";
import { root } from "./server";

const cache = new Map<string, Record<string, unknown>>();

export function word(
  lang: "nl" | "en",
  ns: string,
  key: string,
  values: Record<string, string | number> = {},
): string {
  const file = `${lang}/${ns}`;
  if (!cache.has(file)) {
    cache.set(file, JSON.parse(fs.readFileSync(path.join(root, "locales", `${file}.json`), "utf8")));
  }
  let node: unknown = cache.get(file);
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== "string") throw new Error(`No string ${file}:${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ""));
}
