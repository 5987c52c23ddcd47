import i18next from "i18next";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { RadioGroup } from "~/components/ui/ChoiceGroups";
import { MANAGED_RADIO } from "./radio-tab-stops";

const options = [
  { value: "a", label: "A" },
  { value: "b", label: "B" },
];

describe("the radios' Tab stop without React", () => {
  it("finds the tabindex react-aria's radios get on the server, a stale stop once another is picked", async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: "nl", resources: {} });
    const html = renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n },
        createElement(RadioGroup, { name: "pick", label: "Pick", options, defaultValue: "a" }),
      ),
    );
    const radios = [...html.matchAll(/<input[^>]*type="radio"[^>]*>/g)].map((m) => m[0]);
    expect(radios).toHaveLength(2);
    // The one Tab stop is fixed to the radio picked when the page was made…
    expect(radios[0]).toMatch(/tabindex="0"/);
    expect(radios[1]).toMatch(/tabindex="-1"/);
    // …and the selector the module clears matches these radios (and only radios).
    const [tag, type, tabindex] = /^(\w+)\[type="(\w+)"\]\[(\w+)\]$/.exec(MANAGED_RADIO)!.slice(1);
    for (const r of radios) {
      expect(r.startsWith(`<${tag}`)).toBe(true);
      expect(r).toContain(`type="${type}"`);
      expect(r).toContain(`${tabindex}=`);
    }
  });
});
