import { describe, expect, it } from "vitest";
import { languages } from "./config";
import { getFixedT, serverI18n } from "./resources.server";

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
});
