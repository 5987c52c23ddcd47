/**
 * The start of a long text, for a page that shows only a preview. Cut between characters as a reader
 * sees them (grapheme clusters): a cut by UTF-16 units split an emoji in half, and the page showed "�"
 * where the person wrote "👩‍👩‍👧" (issue 14). Pure.
 */
const graphemes = (s: string) =>
  Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(s), (x) => x.segment);

/** The first `max` characters and how many more there are (both counted as a reader counts them). */
export function textPreview(text: string, max: number): { preview: string; more: number } {
  // Most texts are short: no need to segment them.
  if (text.length <= max) return { preview: text, more: 0 };
  const all = graphemes(text);
  return { preview: all.slice(0, max).join(""), more: Math.max(0, all.length - max) };
}
