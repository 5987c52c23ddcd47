import path from "node:path";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import remixConfig from "./remix.config.js";
import { clientBundleGuard } from "./scripts/vite/client-bundle-guard";
import { enhanceEntry } from "./scripts/vite/enhance-entry";

export default defineConfig({
  plugins: [
    remix(remixConfig),
    clientBundleGuard(),
    // Remix builds the client into <buildDirectory>/client ("build" unless remix.config.js says otherwise).
    enhanceEntry({ clientBuildDir: path.resolve(import.meta.dirname, "build", "client") }),
  ],
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  build: { target: "es2020", assetsInlineLimit: 0 },
  server: { fs: { allow: [import.meta.dirname] } },
});
