import fs from "node:fs";
import i18next from "i18next";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { ComboBoxField } from "~/components/ui/ComboBoxField";
import * as domain from "~/domain/municipality-names";
import en from "../../locales/en/common.json";
import nl from "../../locales/nl/common.json";
import { countText, moveActive, normaliseName, optionLabel, postedValue, search } from "./combobox";

/** The CSV rows as the seed reads them (one name holds commas, in quotes). */
function csv(file: string): string[][] {
  const [, ...lines] = fs.readFileSync(`db/data/${file}`, "utf8").trim().split(/\r?\n/);
  return lines.map((l) => [...l.matchAll(/(?:^|,)("([^"]*)"|[^,]*)/g)].map((m) => m[2] ?? m[1] ?? ""));
}

/** Every municipality of today with its aliases and former names, as the question page gets them. */
const entries = domain.municipalityEntries(
  csv("gemeenten_2026.csv").map(([code, , name]) => ({ code: code!, name: name! })),
  csv("gemeente_opheffingen_sinds_2018.csv").map(([oldCode, oldName, , successorCode]) => ({
    oldCode: oldCode!,
    oldName: oldName!,
    successorCode: successorCode!,
  })),
);

describe("the municipality filter without React", () => {
  it("reads every municipality from the data", () => {
    expect(entries.length).toBeGreaterThan(300);
    expect(entries.find((e) => e.code === "GM0820")?.name).toBe("Nuenen, Gerwen en Nederwetten");
    expect(entries.find((e) => e.code === "GM1950")?.formerNames).toContain("Vlagtwedde");
  });

  // Every query of one or two letters, and names people type: the copy finds what the domain finds.
  const letters = "abcdefghijklmnopqrstuvwxyz".split("");
  const queries = [
    "",
    " ",
    ...letters,
    ...letters.flatMap((a) => ["a", "e", "o", "r"].map((b) => a + b)),
    "den",
    "Den Haag",
    "the hague",
    "'s-Herto",
    "’s gravenhage",
    "súdwest",
    "FRYSLÂN",
    "vlagtw",
    "Hoogezand-Sappemeer",
    "bergen",
    "hengelo",
    "nuenen, gerwen",
    "Atlantis",
    "(",
  ];

  it.each(queries)("finds for %j what searchMunicipalities finds, in the same order", (q) => {
    expect(search(entries, q)).toEqual(domain.searchMunicipalities(entries, q));
  });

  it("normalises names as the domain does", () => {
    for (const s of ["’s-Gravenhage", "Súdwest-Fryslân", "Bergen (NH.)", "  A--b  ", "Noardeast-Fryslân"])
      expect(normaliseName(s)).toBe(domain.normaliseName(s));
  });

  it("labels an option as ComboBoxField does", () => {
    const former = nl.comboBox.formerName.replace("{{name}}", "{name}").replace("{{former}}", "{former}");
    const [haag] = search(entries, "Den Haag");
    const [westerwolde] = search(entries, "Vlagtwedde");
    expect(optionLabel(haag!, former)).toBe("'s-Gravenhage (Den Haag)");
    expect(optionLabel(westerwolde!, former)).toBe("Westerwolde (voorheen Vlagtwedde)");
    expect(optionLabel({ code: "GM0363", name: "Amsterdam" }, former)).toBe("Amsterdam");
    // A "$" in a name is not a replacement pattern.
    expect(optionLabel({ code: "X", name: "A$&", via: { kind: "former", name: "$1" } }, former)).toBe(
      "A$& (voorheen $1)",
    );
  });

  it("posts the option's value for a name, as the select does, and otherwise the text for the server", () => {
    expect(postedValue(entries, "'s-Gravenhage")).toBe("GM0518");
    expect(postedValue(entries, " Westerwolde ")).toBe("GM1950");
    expect(postedValue(entries, "den bosch")).toBe("den bosch");
    expect(postedValue(entries, "Atlantis")).toBe("Atlantis");
    expect(postedValue(entries, "")).toBe("");
    // What the server makes of the text: the same as of the value.
    for (const typed of ["'s-Gravenhage", "Den Haag", "vlagtwedde"])
      expect(domain.resolveMunicipality(entries, postedValue(entries, typed))).toBe(
        domain.resolveMunicipality(entries, typed),
      );
  });

  it("moves through the list with Down and Up, opening it, without wrapping", () => {
    expect(moveActive("ArrowDown", -1, 5, false)).toBe(0);
    expect(moveActive("ArrowUp", -1, 5, false)).toBe(4);
    expect(moveActive("ArrowDown", -1, 5, true)).toBe(0);
    expect(moveActive("ArrowDown", 3, 5, true)).toBe(4);
    expect(moveActive("ArrowDown", 4, 5, true)).toBe(4);
    expect(moveActive("ArrowUp", 1, 5, true)).toBe(0);
    expect(moveActive("ArrowUp", 0, 5, true)).toBe(-1);
    expect(moveActive("ArrowUp", -1, 5, true)).toBe(-1);
    expect(moveActive("ArrowDown", -1, 0, false)).toBe(-1);
    expect(moveActive("ArrowDown", -1, 0, true)).toBe(-1);
    expect(moveActive("ArrowUp", -1, 0, false)).toBe(-1);
  });

  it("leaves every other key to the text box and the form (Enter and Escape are handled by state)", () => {
    for (const key of ["Enter", "Escape", "Tab", "a", "Home", "ArrowLeft"])
      expect(moveActive(key, 2, 5, true)).toBeUndefined();
  });

  it("says the count, or that nothing was found", () => {
    const texts = { one: "1 keuze gevonden", other: "{n} keuzes gevonden", none: "Niets gevonden." };
    expect(countText(1, texts)).toBe("1 keuze gevonden");
    expect(countText(12, texts)).toBe("12 keuzes gevonden");
    expect(countText(0, texts)).toBe("Niets gevonden.");
  });

  it.each([
    ["nl", nl],
    ["en", en],
  ] as const)("gets its parts, texts and names from the server's markup in %s", async (lng, common) => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng,
      resources: { [lng]: { common } },
      defaultNS: "common",
      interpolation: { escapeValue: false },
    });
    const html = renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n },
        createElement(ComboBoxField, {
          name: "municipality",
          label: "Gemeente",
          emptyLabel: "Kies",
          defaultValue: "GM1950",
          options: [
            { value: "GM0518", label: "'s-Gravenhage", aliases: ["Den Haag", "The Hague"] },
            { value: "GM1950", label: "Westerwolde", formerNames: ["Vlagtwedde", "Bellingwedde"] },
          ],
        }),
      ),
    );
    const tag = (re: RegExp) => re.exec(html)?.[0] ?? "";
    const attr = (tagHtml: string, name: string) => new RegExp(` ${name}="([^"]*)"`).exec(tagHtml)?.[1];
    const select = tag(/<select[^>]*>/);
    expect(select).toContain("data-combobox");
    expect(attr(select, "data-text")).toBe("Westerwolde");
    // What takes the select's place, in a template: the box with the select's id and name, the list.
    const template = tag(/<template>[\s\S]*<\/template>/);
    const box = tag(/<input[^>]*role="combobox"[^>]*>/);
    expect(template).toContain(box);
    expect(attr(box, "id")).toBe(attr(select, "id"));
    expect(attr(box, "aria-controls")).toBe(attr(tag(/<ul[^>]*>/), "id"));
    expect(template).toContain('<input type="hidden" name="municipality"/>');
    expect(attr(tag(/<button[^>]*>/), "aria-label")).toBe(common.comboBox.showOptions);
    const status = tag(/<p role="status"[^>]*>/);
    const former = attr(status, "data-former")!;
    expect(optionLabel({ code: "GM1950", name: "W", via: { kind: "former", name: "V" } }, former)).toBe(
      common.comboBox.formerName.replace("{{name}}", "W").replace("{{former}}", "V"),
    );
    const texts = {
      one: attr(status, "data-one"),
      other: attr(status, "data-other"),
      none: attr(status, "data-none"),
    };
    expect(countText(1, texts)).toBe(common.comboBox.results_one.replace("{{count}}", "1"));
    expect(countText(7, texts)).toBe(common.comboBox.results_other.replace("{{count}}", "7"));
    expect(countText(0, texts)).toBe(common.comboBox.noResults);
    expect(html).toContain('data-aliases="Den Haag|The Hague"');
    expect(html).toContain('data-former-names="Vlagtwedde|Bellingwedde"');
  });
});
