import path from "node:path";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import remixConfig from "./remix.config.js";
import { clientBundleGuard } from "./scripts/vite/client-bundle-guard";

export default defineConfig({
  plugins: [remix(remixConfig), clientBundleGuard()],
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  build: { target: "es2020", assetsInlineLimit: 0 },
  server: { fs: { allow: [import.meta.dirname] } },
});
