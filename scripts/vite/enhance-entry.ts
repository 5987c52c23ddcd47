import fs from "node:fs";
import path from "node:path";
import type { Plugin, ResolvedConfig } from "vite";

/**
 * The enhancement script of pages that do not hydrate (ADR 042, app/enhance/index.ts), built as its own
 * hashed client asset next to Remix's, and its address for the server render.
 *
 * `import enhanceSrc from "virtual:enhance-entry"` gives that address:
 * - `vite dev`: the module's own path, which Vite serves and transforms;
 * - the client build emits the module as a chunk of its own (Remix owns rollup's `input`) and the
 *   address is not needed there (a hydrating page never renders the script);
 * - the server build runs after the client build and reads the emitted file from its Vite manifest, as
 *   Remix does for its own entry.
 */
export const ENHANCE_ENTRY = "app/enhance/index.ts";
const VIRTUAL = "virtual:enhance-entry";
const RESOLVED = `\0${VIRTUAL}`;

type ManifestChunk = { file: string; isEntry?: boolean };

/** The built file of the enhancement entry in a client build's Vite manifest. */
export function enhanceFileIn(manifest: Record<string, ManifestChunk>): string {
  const chunk = manifest[ENHANCE_ENTRY];
  if (!chunk)
    throw new Error(`${ENHANCE_ENTRY} is not in the client build's manifest: build the client first.`);
  return chunk.file;
}

export function enhanceEntry({ clientBuildDir }: { clientBuildDir: string }): Plugin {
  let config: ResolvedConfig;
  return {
    name: "aanspreekpunt:enhance-entry",
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      if (config.command !== "build" || config.build.ssr) return;
      this.emitFile({ type: "chunk", id: path.resolve(config.root, ENHANCE_ENTRY), name: "enhance" });
    },
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      let src = "";
      if (config.command === "serve") src = `${config.base}${ENHANCE_ENTRY}`;
      else if (config.build.ssr) {
        const manifestFile = path.join(clientBuildDir, ".vite", "manifest.json");
        this.addWatchFile(manifestFile);
        src = `${config.base}${enhanceFileIn(JSON.parse(fs.readFileSync(manifestFile, "utf8")))}`;
      }
      return `export default ${JSON.stringify(src)};`;
    },
  };
}
