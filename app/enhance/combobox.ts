/**
 * The municipality question on a page that does not hydrate: what `ComboBoxField` (app/components/ui/
 * ComboBoxField.tsx) does with React, in plain DOM, the way GOV.UK's accessible-autocomplete enhances a
 * <select> (ARIA 1.2 editable combobox with list autocomplete, WAI-ARIA APG).
 *
 * The server renders a <select> of every option (`select[data-combobox]`); without this module that is
 * the field. Next to it, in a <template> (inert without JavaScript), the server renders what takes its
 * place: a text box (role=combobox, aria-expanded, aria-controls; this module adds aria-activedescendant)
 * with the select's id, so its label, hint, error and the error summary's link point at it; a button that
 * shows every option (not in the tab order, as react-aria's); an empty listbox that this module fills with
 * the options that match; a polite live region that says how many match, or, visibly, that nothing does. Down and Up move through the list (Down or Up on a closed
 * list opens it), Enter picks (and sends nothing), Escape closes, Tab leaves with the text kept; a click
 * or a tap on an option picks it.
 *
 * The form gets, under the select's name, what the select posts (the option's value) when the text is an
 * option's name, and otherwise the text itself, which the server resolves (an everyday or former name) or
 * refuses with the text kept: as the hydrated ComboBox, a name typed but not picked is not dropped.
 *
 * The matching rule is a copy of `searchMunicipalities` (app/domain/municipality-names.ts): importing that
 * module here would split it into a chunk shared with the question page's React code, and this page would
 * load a second script (ADR 042). combobox.test.ts checks that the two give the same results.
 *
 * Texts come from the server, in the page's language: the select's `data-text` (what the box starts with),
 * the live region's `data-former` ("{name} (formerly {former})"), `data-none` (nothing found), `data-one`
 * and `data-other` (the count, "{n}"). Each option carries its other names in `data-aliases` and
 * `data-former-names`, separated by "|".
 */

export type Entry = { code: string; name: string; aliases: string[]; formerNames: string[] };
export type Match = { code: string; name: string; via?: { kind: "alias" | "former"; name: string } };

/** `normaliseName` of app/domain/municipality-names.ts. */
export const normaliseName = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** `searchMunicipalities`: official names first, then those found by another name, each in list order. */
export function search(entries: readonly Entry[], query: string): Match[] {
  const q = normaliseName(query);
  const has = (n: string) => normaliseName(n).includes(q);
  const direct: Match[] = [];
  const indirect: Match[] = [];
  for (const { code, name, aliases, formerNames } of entries) {
    if (has(name)) {
      direct.push({ code, name });
      continue;
    }
    const alias = aliases.find(has);
    const former = alias ? undefined : formerNames.find(has);
    if (alias) indirect.push({ code, name, via: { kind: "alias", name: alias } });
    else if (former) indirect.push({ code, name, via: { kind: "former", name: former } });
  }
  return [...direct, ...indirect];
}

/** The option's text: "'s-Gravenhage (Den Haag)", or the former-name text, as ComboBoxField shows it. */
export function optionLabel(m: Match, former: string): string {
  if (!m.via) return m.name;
  const via = m.via.name;
  return m.via.kind === "alias"
    ? `${m.name} (${via})`
    : former.replace("{name}", () => m.name).replace("{former}", () => via);
}

/** What the form sends: the option's value when the text is an option's name (as the select), else the text. */
export function postedValue(entries: readonly Entry[], text: string): string {
  return entries.find((e) => e.name === text.trim())?.code ?? text;
}

/**
 * The option made active by a key, -1 for none (the text box itself), or undefined when the key is not
 * the list's. Down opens a closed list on its first option, Up on its last; neither wraps, and Up from
 * the first option goes back to the text.
 */
export function moveActive(key: string, active: number, count: number, open: boolean): number | undefined {
  if (key === "ArrowDown") return open ? Math.min(active + 1, count - 1) : Math.min(0, count - 1);
  if (key === "ArrowUp") return open ? Math.max(active - 1, -1) : count - 1;
  return undefined;
}

/** "3 results", or the nothing-found text: what the live region says for a count. */
export function countText(count: number, texts: DOMStringMap): string {
  return ((count ? texts[count === 1 ? "one" : "other"] : texts.none) ?? "").replace("{n}", String(count));
}

export function enhanceComboBoxes(doc: Document) {
  for (const select of doc.querySelectorAll<HTMLSelectElement>("select[data-combobox]")) {
    const template = select.nextElementSibling as HTMLTemplateElement;
    const parts = template.content;
    const split = (s?: string) => (s ? s.split("|") : []);
    const entries: Entry[] = [...select.options]
      .filter((o) => o.value)
      .map((o) => ({
        code: o.value,
        name: o.text,
        aliases: split(o.dataset.aliases),
        formerNames: split(o.dataset.formerNames),
      }));
    const [hidden, box] = parts.querySelectorAll("input") as unknown as HTMLInputElement[];
    const button = parts.querySelector("button")!;
    const list = parts.querySelector("ul")!;
    const status = parts.querySelector("p")!;
    const texts = status.dataset;
    const options = list.children;
    box!.value = select.dataset.text ?? "";
    template.remove();
    select.replaceWith(parts);

    let matches: Match[] = [];
    let active = -1;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const isOpen = () => !list.hidden;

    function setActive(i: number) {
      options[active]?.removeAttribute("aria-selected");
      active = i;
      const li = options[i];
      li?.setAttribute("aria-selected", "true");
      li?.scrollIntoView({ block: "nearest" });
      if (li) box!.setAttribute("aria-activedescendant", li.id);
      else box!.removeAttribute("aria-activedescendant");
    }

    function show(open: boolean) {
      list.hidden = !open || !matches.length;
      for (const el of [box!, button]) el.setAttribute("aria-expanded", String(isOpen()));
      if (!isOpen()) setActive(-1);
    }

    function update(open: boolean) {
      const text = box!.value;
      hidden!.value = postedValue(entries, text);
      matches = search(entries, text);
      active = -1;
      list.innerHTML = "";
      matches.forEach((m, n) => {
        const li = list.appendChild(doc.createElement("li"));
        li.id = `${list.id}-${n}`;
        li.className = "combobox__option";
        li.setAttribute("role", "option");
        li.textContent = optionLabel(m, texts.former ?? "");
      });
      show(open);
      // Nothing found is shown and said at once; the count is said when typing pauses.
      const none = text.trim() !== "" && !matches.length;
      status.className = none ? "combobox__empty" : "visually-hidden";
      clearTimeout(timer);
      if (none) status.textContent = countText(0, texts);
      else timer = setTimeout(() => (status.textContent = open ? countText(matches.length, texts) : ""), 700);
    }

    function pick(li: Element | null) {
      const m = matches[[...options].indexOf(li!)];
      if (!m) return;
      box!.value = m.name;
      update(false);
    }

    update(false);
    box!.addEventListener("input", () => update(true));
    box!.addEventListener("click", () => show(true));
    box!.addEventListener("blur", () => show(false));
    box!.addEventListener("keydown", (e) => {
      const next = moveActive(e.key, active, matches.length, isOpen());
      const act =
        next !== undefined || (e.key === "Enter" && active >= 0) || (e.key === "Escape" && isOpen());
      if (!act) return;
      e.preventDefault();
      if (next !== undefined) {
        show(true);
        setActive(next);
      } else if (e.key === "Enter") pick(options[active]!);
      else show(false);
    });
    // A press on the list or the button keeps focus in the text box.
    for (const el of [list, button]) el.addEventListener("mousedown", (e) => e.preventDefault());
    button.addEventListener("click", () => {
      const wasOpen = isOpen();
      box!.focus();
      show(!wasOpen);
    });
    list.addEventListener("click", (e) => pick((e.target as Element).closest("li")));
  }
}
