import { describe, expect, it } from "vitest";
import { gzipBytes, scriptPaths } from "./assets";

// The shape of a Remix 2 page (trimmed from the minimal baseline app's output).
const html = `<!DOCTYPE html><html><head><link rel="stylesheet" href="/assets/root.css"/>
<link rel="modulepreload" href="/assets/manifest-2243a414.js"/><link rel="modulepreload" href="/assets/entry.client-D4Y.js"/>
<link href="/assets/components-J.js" rel='modulepreload'/><link rel="preload" href="/font.woff2" as="font"/>
<script src="https://cdn.example.org/x.js"></script><script nonce="abc" src="/assets/legacy.js"></script>
<script>window.__remixContext = {"a": "import('/assets/not-code.js')"};</script>
<script type="module" async="">import "/assets/manifest-2243a414.js";
import * as route0 from "/assets/root-B22.js";
import * as route1 from "/assets/_index-C6S.js";
window.__remixRouteModules = {"root":route0,"routes/_index":route1};
import("/assets/entry.client-D4Y.js");</script></head></html>`;

describe("scriptPaths", () => {
  it("finds preloads, script sources and module imports, once each, same origin only", () => {
    expect(scriptPaths(html)).toEqual([
      "/assets/manifest-2243a414.js",
      "/assets/entry.client-D4Y.js",
      "/assets/components-J.js",
      "/assets/legacy.js",
      "/assets/root-B22.js",
      "/assets/_index-C6S.js",
    ]);
  });
  it("finds nothing in a page without scripts", () => expect(scriptPaths("<p>Hoi</p>")).toEqual([]));
});

describe("gzipBytes", () => {
  it("is far smaller than repetitive input", () => {
    expect(gzipBytes(Buffer.from("a".repeat(10_000)))).toBeLessThan(100);
  });
});
