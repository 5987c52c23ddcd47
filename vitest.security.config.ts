import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * `npm run test:security`: security tests over real HTTP against the BUILT server (node server.js,
 * NODE_ENV=production) on a free port with a fresh database. tests/security/global-setup.ts builds when
 * build/ is missing or older than the sources, starts the server and hands its address and keys to the
 * tests, which seed data through the same SQLite file. Not part of `vitest run` (vitest.config.ts).
 */
export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: ["tests/security/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/security/global-setup.ts"],
    setupFiles: ["tests/security/helpers/setup-env.ts"],
    pool: "forks",
    // One file at a time: the fuzz test counts rows in the shared database, and the server under test
    // needs a core of its own anyway.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
