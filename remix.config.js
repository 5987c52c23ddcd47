/**
 * Remix options. vite.config.ts imports this file and hands it to the Remix Vite plugin, so the
 * options stay in the place Remix 2 users expect (see docs/decisions/001-build-with-vite-and-remix-config.md).
 * @type {import('@remix-run/dev').VitePluginConfig}
 */
export default {
  ignoredRouteFiles: ["**/*.test.*", "**/.*"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
  },
};
