// A minimal Remix app, built and served exactly like ours, as the baseline for `npm run bench`.
import path from "node:path";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

const here = import.meta.dirname;
export default defineConfig({
  root: here,
  plugins: [
    remix({
      appDirectory: path.join(here, "app"),
      buildDirectory: path.join(here, "../../../build-minimal"),
    }),
  ],
});
