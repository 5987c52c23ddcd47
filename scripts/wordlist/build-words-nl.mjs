/**
 * Builds app/domain/words-nl.ts, the word list of the passphrase (docs/decisions/028). Run by hand when the
 * list is to change; the result is committed and read by a person before it is.
 *
 *   apt-get install -y wdutch                                  # OpenTaal word list: /usr/share/dict/dutch
 *   (cd /tmp && npm pack @zxcvbn-ts/language-nl-be@3.0.2 && tar xzf zxcvbn-ts-language-nl-be-3.0.2.tgz)
 *   node scripts/wordlist/build-words-nl.mjs /tmp/package/src
 *
 * Every word is in OpenTaal's list (spelling checked, lowercase: no names). The zxcvbn-ts list, ranked by how
 * often words occur, only decides the order in which words are taken: common words first. Rules:
 * 4 to 8 letters a–z; no q, x, y and no c outside "ch" (hard to spell or to read aloud); no past tenses or
 * past participles (ge…d/t/en, …de/te/den/ten); no first or last names; nothing in blocked-parts.txt
 * (violence, sex, drugs, illness and care, locks and punishment, family, crime, religion, insults) or
 * blocked-words.txt (the same, found by reading the list, and English words and names); and no word whose
 * spelling key (ij = ei, ou = au) starts another's: phrases can then be read back without spaces.
 */
import fs from "node:fs";
import path from "node:path";

const SIZE = 2048;
const here = path.dirname(new URL(import.meta.url).pathname);
const zxcvbnSrc = process.argv[2] ?? "/tmp/package/src";
const read = (file) => JSON.parse(fs.readFileSync(path.join(zxcvbnSrc, file), "utf8"));
const words = (file) => fs.readFileSync(path.join(here, file), "utf8").split(/\s+/).filter(Boolean);

const ranked = read("commonWords.json");
const names = new Set(
  ["boysFirstnames.json", "girlsFirstnames.json", "lastnames.json"].flatMap((f) =>
    read(f).map((w) => w.toLowerCase()),
  ),
);
const openTaal = new Set(fs.readFileSync("/usr/share/dict/dutch", "utf8").split("\n"));
const blockedParts = words("blocked-parts.txt");
const blockedWords = new Set(words("blocked-words.txt"));
const key = (w) => w.replace(/ij/g, "ei").replace(/ou/g, "au");

const kept = [];
const keys = [];
for (const w of ranked) {
  if (!/^[a-z]{4,8}$/.test(w) || !openTaal.has(w) || names.has(w)) continue;
  if (/[qxy]/.test(w) || /c(?!h)/.test(w) || /dt$/.test(w)) continue;
  if (/^ge[a-z]+(d|t|en)$/.test(w) || /(de|den|te|ten)$/.test(w)) continue;
  if (blockedWords.has(w) || blockedParts.some((p) => w.includes(p))) continue;
  const k = key(w);
  if (keys.some((o) => o.startsWith(k) || k.startsWith(o))) continue;
  kept.push(w);
  keys.push(k);
  if (kept.length === SIZE) break;
}
if (kept.length !== SIZE) throw new Error(`only ${kept.length} words`);

const lines = [];
for (let i = 0; i < kept.length; i += 10)
  lines.push(
    `  ${kept
      .slice(i, i + 10)
      .map((w) => `"${w}"`)
      .join(", ")},`,
  );
const out = `/**
 * The ${SIZE} words of the passphrase (docs/decisions/028), made by scripts/wordlist/build-words-nl.mjs:
 * every word from the OpenTaal word list (© OpenTaal, Simon Brouwer e.a., Nederlandstalige TeX
 * Gebruikersgroep; BSD licence, see NOTICE), common words first. Generated: change the script, not this file.
 */
export const WORDS_NL: readonly string[] = [
${lines.join("\n")}
];
`;
fs.writeFileSync(path.join(here, "../../app/domain/words-nl.ts"), out);
console.log(`${kept.length} words written`);
