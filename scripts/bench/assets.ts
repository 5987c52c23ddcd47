/** The JavaScript a page loads at start, and its size on the wire with gzip. */
import zlib from "node:zlib";

/**
 * Same-origin script paths a page loads at start: `<link rel="modulepreload">`, `<script src>`, and the
 * static and dynamic imports in inline module scripts (Remix's bootstrap). Each path once, in order.
 */
export function scriptPaths(html: string): string[] {
  const found: string[] = [];
  const attr = (tag: string, name: string) =>
    new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, "i").exec(tag)?.slice(2, 4).find(Boolean);
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    if (/^modulepreload$/i.test(attr(tag, "rel") ?? "")) found.push(attr(tag, "href") ?? "");
  }
  for (const [, open, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attr(open!, "src");
    if (src) found.push(src);
    else if (/type\s*=\s*["']?module/i.test(open!)) {
      for (const m of body!.matchAll(/\bimport\s*(?:\(\s*|[^"'();]*?\bfrom\s*|)["']([^"']+)["']/g))
        found.push(m[1]!);
    }
  }
  return [...new Set(found.filter((p) => p.startsWith("/") && !p.startsWith("//")))];
}

/** Gzip size (level 9, as a static pre-compressor would; `compression` uses 6 and differs by a few %). */
export const gzipBytes = (body: Buffer) => zlib.gzipSync(body, { level: 9 }).length;

/** Sum of the gzip sizes of every script a page loads, fetched from the running server. */
export async function pageJsGzip(origin: string, page: string): Promise<{ files: number; bytes: number }> {
  const res = await fetch(origin + page, { headers: { "Accept-Language": "nl" } });
  if (res.status !== 200) throw new Error(`${page} answered ${res.status}`);
  const paths = scriptPaths(await res.text());
  let bytes = 0;
  for (const p of paths) {
    const asset = await fetch(origin + p);
    if (asset.status !== 200) throw new Error(`${p} (loaded by ${page}) answered ${asset.status}`);
    bytes += gzipBytes(Buffer.from(await asset.arrayBuffer()));
  }
  return { files: paths.length, bytes };
}
