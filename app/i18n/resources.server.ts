import type { i18n, Resource, ResourceKey } from "i18next";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "~/server/paths.server";
import { languages, namespaces, type Language, type Namespace } from "./config";
import { createI18n } from "./instance";

// Read from disk once at start (not imported): plain Node, Vite's SSR build, vitest and Playwright's loader
// all run this module, and Node's ESM loader refuses JSON imports without an import attribute.
function readLocale(lng: Language, ns: Namespace): ResourceKey {
  return JSON.parse(
    fs.readFileSync(path.join(projectRoot, "locales", lng, `${ns}.json`), "utf8"),
  ) as ResourceKey;
}

export const resources: Resource = Object.fromEntries(
  languages.map((lng) => [lng, Object.fromEntries(namespaces.map((ns) => [ns, readLocale(lng, ns)]))]),
);

const instances = new Map<Language, i18n>();

/**
 * The i18next instance of a language, made and initialised once and then shared by every request in that
 * language: building one per request (interpolator, formatter, plural rules…) was about a tenth of the
 * server's time for a page. Sharing is safe because nothing changes it after init: the resources are the
 * same in-memory objects for every instance, translating only reads, and the language is fixed:
 * changeLanguage to any other language throws, so one visitor's choice can never reach another's page.
 */
export function serverI18n(lng: Language): i18n {
  let instance = instances.get(lng);
  if (!instance) {
    instance = createI18n(lng, resources);
    const changeLanguage = instance.changeLanguage.bind(instance);
    instance.changeLanguage = (to, callback) => {
      if (to !== lng) {
        throw new Error(`The shared server i18n instance for "${lng}" cannot change to "${to}"`);
      }
      return changeLanguage(to, callback);
    };
    instance.t = cachedT(instance);
    instances.set(lng, instance);
  }
  return instance;
}

/** What getFixedT adds to a call's options; a call with anything else (values, context…) is not cached. */
const fixedOptions = new Set(["lng", "lngs", "ns", "keyPrefix"]);
const MAX_CACHED = 20_000;

/**
 * The instance's `t`, remembering texts that depend only on the key. A page asks for some hundred texts,
 * each through i18next's whole lookup (key and namespace parsing, fallbacks, plural rules, interpolation
 * and nesting passes): about a twentieth of the server's CPU time for a page. The resources never change
 * after start, so a text asked for with only a key (and the language, namespace and key prefix getFixedT
 * adds), a numeric `count` or `returnObjects: true` is the same every time and is looked up once (ADR 044,
 * ADR 048). A list (`returnObjects`) is frozen, so no page can change what the next one gets. Calls with
 * values (a name, a code: nothing a visitor typed is kept here), a default or other options go to i18next
 * as before. Bounded, should keys ever be built from input.
 */
function cachedT(instance: i18n): i18n["t"] {
  const translate = instance.t.bind(instance) as (key: unknown, options?: unknown) => unknown;
  const cache = new Map<string, unknown>();
  const cached = (key: unknown, options?: unknown): unknown => {
    if (typeof key !== "string" || !isCacheable(options)) return translate(key, options);
    const o = (options ?? {}) as Record<string, unknown>;
    const id =
      `${String(o.lng)}\0${String(o.lngs)}\0${String(o.ns)}\0${String(o.keyPrefix)}\0` +
      `${String(o.count)}\0${String(o.returnObjects)}\0${key}`;
    const hit = cache.get(id);
    if (hit !== undefined) return hit;
    const text = translate(key, options);
    if (cache.size < MAX_CACHED && (typeof text === "string" || o.returnObjects === true)) {
      cache.set(id, deepFreeze(text));
    }
    return text;
  };
  return cached as i18n["t"];
}

/** Whether a call's options leave its text depending on the key alone: see cachedT. */
export function isCacheable(options: unknown): boolean {
  if (options === undefined) return true;
  if (options === null || typeof options !== "object") return false;
  for (const [k, v] of Object.entries(options)) {
    if (fixedOptions.has(k)) continue;
    if (k === "count" && typeof v === "number" && Number.isFinite(v)) continue;
    if (k === "returnObjects" && v === true) continue;
    return false;
  }
  return true;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A translate function for loaders, actions and mails. */
export function getFixedT(lng: Language, ns: Namespace = "common") {
  return serverI18n(lng).getFixedT(lng, ns);
}
