/**
 * Municipality names as people write them: the official CBS name ("'s-Gravenhage"), the name everyone
 * uses ("Den Haag", "The Hague"), a name without the province suffix ("Hengelo" for "Hengelo (O.)") and
 * the name of a municipality that merged since 2018 ("Vlagtwedde" → Westerwolde, from
 * db/data/gemeente_opheffingen_sinds_2018.csv, RvIG Tabel 33, seeded into `municipality_renames`).
 * Matching ignores case, accents, apostrophes and punctuation. Pure.
 */

/**
 * Everyday and English names of municipalities whose official CBS name differs (CBS code → names).
 * Compiled by hand from everyday Dutch usage and English exonyms; no official table of them exists
 * here, so this is a list to extend when people are seen typing another name.
 */
export const municipalityAliases: Readonly<Record<string, readonly string[]>> = {
  GM0518: ["Den Haag", "The Hague", "Hague", "Haag"],
  GM0796: ["Den Bosch", "Hertogenbosch", "Bosch", "Bois-le-Duc"],
  GM1900: ["Zuidwest-Friesland", "Sudwest-Fryslan"],
  GM1970: ["Noordoost-Friesland", "Noardeast-Fryslan"],
  GM1940: ["De Friese Meren"],
  GM0737: ["Tietjerksteradeel"],
  GM1891: ["Dantumadeel"],
};

export type Municipality = { code: string; name: string };
export type FormerMunicipality = { oldName: string; successorCode: string; oldCode: string };

/** A municipality with every other name it is looked up by. */
export type MunicipalityEntry = Municipality & { aliases: string[]; formerNames: string[] };

/** "’s-Gravenhage" → "s gravenhage", "Súdwest-Fryslân" → "sudwest fryslan". */
export function normaliseName(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const withoutSuffix = (name: string) => name.replace(/\s*\([^)]*\)\s*$/, "");

/** Today's municipalities with their aliases and former names (a chain of mergers followed to its end). */
export function municipalityEntries(
  municipalities: readonly Municipality[],
  former: readonly FormerMunicipality[],
): MunicipalityEntry[] {
  const successor = new Map(former.map((f) => [f.oldCode, f.successorCode]));
  const current = (code: string) => {
    let c = code;
    for (let i = 0; i < 10 && successor.has(c); i++) c = successor.get(c)!;
    return c;
  };
  const formerByCode = new Map<string, string[]>();
  for (const f of former) {
    const code = current(f.successorCode);
    formerByCode.set(code, [...(formerByCode.get(code) ?? []), f.oldName]);
  }
  // "Bergen" is two municipalities (NH. and L.): a bare name is an alias only when it is unique.
  const bareCount = new Map<string, number>();
  for (const m of municipalities) {
    const bare = normaliseName(withoutSuffix(m.name));
    bareCount.set(bare, (bareCount.get(bare) ?? 0) + 1);
  }
  return municipalities.map((m) => {
    const bare = withoutSuffix(m.name);
    const aliases = [...(municipalityAliases[m.code] ?? [])];
    if (bare !== m.name && bareCount.get(normaliseName(bare)) === 1) aliases.push(bare);
    return { ...m, aliases, formerNames: formerByCode.get(m.code) ?? [] };
  });
}

/** How a search found a municipality: by its own name, another name, or the name before a merger. */
export type MunicipalityMatch = {
  code: string;
  name: string;
  via?: { kind: "alias" | "former"; name: string };
};

/**
 * The municipalities a search text finds, for the searchable list: the official name, an alias or a
 * former name that contains the text. Official names first, then the others, each alphabetical.
 */
export function searchMunicipalities(
  entries: readonly MunicipalityEntry[],
  query: string,
): MunicipalityMatch[] {
  const q = normaliseName(query);
  if (q === "") return entries.map(({ code, name }) => ({ code, name }));
  const direct: MunicipalityMatch[] = [];
  const indirect: MunicipalityMatch[] = [];
  for (const e of entries) {
    if (normaliseName(e.name).includes(q)) {
      direct.push({ code: e.code, name: e.name });
      continue;
    }
    const alias = e.aliases.find((a) => normaliseName(a).includes(q));
    const former = alias ? undefined : e.formerNames.find((f) => normaliseName(f).includes(q));
    if (alias) indirect.push({ code: e.code, name: e.name, via: { kind: "alias", name: alias } });
    else if (former) indirect.push({ code: e.code, name: e.name, via: { kind: "former", name: former } });
  }
  return [...direct, ...indirect];
}

/**
 * The CBS code of the municipality a person typed or picked: a code, the official name, an alias or a
 * former name, written in any case, with or without accents. Nothing when it names none (or two).
 */
export function resolveMunicipality(
  entries: readonly MunicipalityEntry[],
  typed: string,
): string | undefined {
  const t = typed.trim();
  if (t === "") return undefined;
  const byCode = entries.find((e) => e.code === t.toUpperCase());
  if (byCode) return byCode.code;
  const q = normaliseName(t);
  for (const names of [
    (e: MunicipalityEntry) => [e.name],
    (e: MunicipalityEntry) => [...e.aliases, ...e.formerNames],
  ]) {
    const found = entries.filter((e) => names(e).some((n) => normaliseName(n) === q));
    if (found.length === 1) return found[0]!.code;
    if (found.length > 1) return undefined;
  }
  return undefined;
}
