/**
 * Remix options (route conventions, future flags). With the Vite plugin Remix does not read this file
 * itself: vite.config.ts imports it and passes it to remix(). It stays a file of its own because the
 * product card asks for remix.config.js at the top level
 * (docs/decisions/001-build-with-vite-and-remix-config.md).
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
