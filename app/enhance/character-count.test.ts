import i18next from "i18next";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import * as hydrated from "~/components/ui/TextArea";
import nlCommon from "../../locales/nl/common.json";
import enCommon from "../../locales/en/common.json";
import { COUNT_ANNOUNCE_DELAY_MS, countOf, sentence, sentenceKey } from "./character-count";

/** TextArea's count as the server renders it, in a language, with the real texts. */
async function countMarkup(lng: "nl" | "en", value: string, max: number) {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    defaultNS: "common",
    interpolation: { escapeValue: false },
    resources: { nl: { common: nlCommon }, en: { common: enCommon } },
  });
  const html = renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(hydrated.TextArea, {
        name: "story",
        label: "Story",
        maxLength: max,
        defaultValue: value,
      }),
    ),
  );
  const p = /<p id="field-story-count"([^>]*)>([^<]*)<\/p>/.exec(html);
  if (!p) throw new Error(`no count in ${html}`);
  const texts: Record<string, string> = {};
  for (const [, key, text] of p[1]!.matchAll(/data-([\w-]+)="([^"]*)"/g)) {
    texts[key!.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] = text!;
  }
  return { texts, shown: p[2]!, plural: new Intl.PluralRules(lng) };
}

describe("the character count without React", () => {
  it("waits as long as the hydrated count before it is read out", () => {
    expect(COUNT_ANNOUNCE_DELAY_MS).toBe(hydrated.COUNT_ANNOUNCE_DELAY_MS);
  });

  it("counts what is left, and how far over the limit the text is", () => {
    expect(countOf(10, "")).toEqual({ kind: "remaining", count: 10 });
    expect(countOf(10, "abc")).toEqual({ kind: "remaining", count: 7 });
    expect(countOf(3, "abc")).toEqual({ kind: "remaining", count: 0 });
    expect(countOf(3, "abcd")).toEqual({ kind: "over", count: 1 });
    expect(countOf(3, "a\nbcde")).toEqual({ kind: "over", count: 3 });
  });

  it("says the sentence of the number's plural form, the 'other' one when the form has none", () => {
    const texts = { remainingOne: "{{count}} teken", remainingOther: "{{count}} tekens" };
    expect(sentence(texts, { kind: "remaining", count: 1 }, "one")).toBe("1 teken");
    expect(sentence(texts, { kind: "remaining", count: 5 }, "other")).toBe("5 tekens");
    expect(sentence(texts, { kind: "remaining", count: 2 }, "two")).toBe("2 tekens");
    expect(sentenceKey("over", "few")).toBe("overFew");
  });

  for (const lng of ["nl", "en"] as const) {
    it(`reads its sentences from the server's count and writes what TextArea writes (${lng})`, async () => {
      for (const [value, max] of [
        ["", 20],
        ["x".repeat(19), 20],
        ["x".repeat(21), 20],
        ["x".repeat(25), 20],
        ["x".repeat(20), 20],
      ] as const) {
        // The server's count for this text is TextArea's own sentence: the module must write the same.
        const { texts, shown, plural } = await countMarkup(lng, value, max);
        const c = countOf(max, value);
        expect(sentence(texts, c, plural.select(c.count))).toBe(shown);
        expect(shown).toMatch(/\d/);
      }
    });
  }
});
