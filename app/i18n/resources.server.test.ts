import { describe, expect, it, vi } from "vitest";
import { languages } from "./config";
import { getFixedT, isCacheable, serverI18n } from "./resources.server";

describe("server i18n instances", () => {
  it("makes one instance per language, initialised, in its own language", () => {
    for (const lng of languages) {
      const instance = serverI18n(lng);
      expect(serverI18n(lng)).toBe(instance);
      expect(instance.isInitialized).toBe(true);
      expect(instance.language).toBe(lng);
    }
    expect(serverI18n("nl")).not.toBe(serverI18n("en"));
  });

  it("translates each language with its own words", () => {
    expect(serverI18n("nl").t("skipLink")).toBe("Ga direct naar de inhoud");
    expect(serverI18n("en").t("skipLink")).not.toBe("Ga direct naar de inhoud");
    expect(getFixedT("en", "errors")("csrf")).not.toBe(getFixedT("nl", "errors")("csrf"));
  });

  it("never lets a shared instance change its language", () => {
    expect(() => serverI18n("nl").changeLanguage("en")).toThrow(/cannot change/);
    expect(() => serverI18n("en").changeLanguage()).toThrow(/cannot change/);
    expect(serverI18n("nl").language).toBe("nl");
    expect(serverI18n("en").language).toBe("en");
    expect(serverI18n("nl").t("skipLink")).toBe("Ga direct naar de inhoud");
  });

  it("gives the same text from its remembered plain texts, and still fills in values, counts and defaults", () => {
    const t = getFixedT("nl", "common");
    for (let i = 0; i < 3; i++) {
      expect(t("skipLink")).toBe("Ga direct naar de inhoud");
      expect(getFixedT("en", "common")("skipLink")).not.toBe("Ga direct naar de inhoud");
      expect(t("quickExit.pressesLeft", { count: 1 })).toBe("Druk nog 1 keer op Shift om weg te gaan");
      expect(t("quickExit.pressesLeft", { count: 3 })).toBe("Druk nog 3 keer op Shift om weg te gaan");
      expect(t("crisis.emergency", { number: "112" })).toBe("Gevaar of geweld? Bel 112");
      expect(t("crisis.emergency", { number: "000" })).toBe("Gevaar of geweld? Bel 000");
      expect(t("no.such.key", { defaultValue: "fallback" })).toBe("fallback");
      expect(t("no.such.key")).toBe("no.such.key");
    }
    // The same key in another namespace or with a key prefix is another text.
    expect(getFixedT("nl", "errors")("csrf")).not.toBe(t("csrf"));
    expect(serverI18n("nl").getFixedT("nl", "common", "quickExit")("pressesLeft", { count: 2 })).toBe(
      "Druk nog 2 keer op Shift om weg te gaan",
    );
  });

  it("looks a plain text up once, and a text with values every time", () => {
    const instance = serverI18n("en");
    // i18next's lookup, which the instance's t calls (not in its public types).
    const { translator } = instance as unknown as {
      translator: { translate: (key: unknown, options?: unknown) => unknown };
    };
    const translate = vi.spyOn(translator, "translate");
    const t = instance.getFixedT("en", "common");
    t("crisis.heading");
    t("crisis.heading");
    t("crisis.heading");
    expect(translate.mock.calls.filter(([key]) => key === "crisis.heading").length).toBeLessThanOrEqual(1);
    t("crisis.emergency", { number: "112" });
    t("crisis.emergency", { number: "112" });
    expect(translate.mock.calls.filter(([key]) => key === "crisis.emergency")).toHaveLength(2);
    translate.mockRestore();
  });

  it("looks a text with only a count, or a list, up once per count, and hands out a list nobody can change", () => {
    const instance = serverI18n("nl");
    const { translator } = instance as unknown as {
      translator: { translate: (key: unknown, options?: unknown) => unknown };
    };
    const translate = vi.spyOn(translator, "translate");
    const t = instance.getFixedT("nl", "common");
    for (let i = 0; i < 3; i++) {
      expect(t("quickExit.pressesLeft", { count: 1 })).toBe("Druk nog 1 keer op Shift om weg te gaan");
      expect(t("quickExit.pressesLeft", { count: 2 })).toBe("Druk nog 2 keer op Shift om weg te gaan");
    }
    expect(
      translate.mock.calls.filter(([key]) => key === "quickExit.pressesLeft").length,
    ).toBeLessThanOrEqual(2);

    const pages = instance.getFixedT("nl", "pages");
    const first = pages("accessibility.problems", { returnObjects: true }) as unknown;
    const again = pages("accessibility.problems", { returnObjects: true }) as unknown;
    expect(Array.isArray(first) && first.length).toBeGreaterThan(0);
    expect(again).toEqual(first);
    expect(Object.isFrozen(again)).toBe(true);
    expect(() => (again as unknown[]).push("changed")).toThrow();
    expect(pages("accessibility.problems", { returnObjects: true })).toEqual(first);
    expect(
      translate.mock.calls.filter(([key]) => key === "accessibility.problems").length,
    ).toBeLessThanOrEqual(1);
    translate.mockRestore();
  });

  it("remembers only calls whose text depends on the key alone", () => {
    expect(isCacheable(undefined)).toBe(true);
    expect(isCacheable({ lng: "nl", ns: "common", keyPrefix: "quickExit" })).toBe(true);
    expect(isCacheable({ count: 3 })).toBe(true);
    expect(isCacheable({ returnObjects: true, ns: "pages" })).toBe(true);
    // Values may be what a visitor typed (a name, a code): never kept.
    expect(isCacheable({ name: "Sam" })).toBe(false);
    expect(isCacheable({ count: 3, name: "Sam" })).toBe(false);
    expect(isCacheable({ count: "3" })).toBe(false);
    expect(isCacheable({ count: Number.NaN })).toBe(false);
    expect(isCacheable({ returnObjects: false })).toBe(false);
    expect(isCacheable({ defaultValue: "x" })).toBe(false);
    expect(isCacheable({ context: "male" })).toBe(false);
    expect(isCacheable(null)).toBe(false);
    expect(isCacheable("common")).toBe(false);
  });
});
