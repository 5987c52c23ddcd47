/**
 * Route matching that remembers what it worked out (issue 17, ADR 048). Imported by server.js before
 * anything of Remix, so it is in place when `@remix-run/router` is first required.
 *
 * Remix 2 matches every request against all routes three times (its own match, the static handler's query,
 * React Router's render), and each `matchRoutes` call flattens and ranks the whole route tree again and
 * compiles a regular expression for every route path it tries: about a tenth of a public page's server
 * CPU, which the one-route minimal Remix page hardly pays. The results depend only on the route objects
 * and path strings, which do not change while the server runs, so in this process:
 * - the flattened and ranked branches of a routes array are kept per array (a WeakMap: Remix builds its
 *   two server-side route arrays once; React Router's render builds a new array per request and misses);
 * - the compiled matcher of a route path is kept per path, case sensitivity and `end` (bounded).
 *
 * Only the server's copy of `@remix-run/router` (dist/router.cjs.js, loaded through `require`) is changed,
 * as its source is loaded, in memory; the files in node_modules and the browser bundle are untouched.
 * When a new version of the router no longer has the lines this rewrites, it is loaded as it is, with a
 * warning (and tests/unit/route-matching-cache.test.ts fails), never half-changed.
 */
import fs from "node:fs";
import Module from "node:module";

const ROUTER_FILE = /[\\/]@remix-run[\\/]router[\\/]dist[\\/]router\.cjs\.js$/;

/** What is replaced, each exactly once: [what the router says, what it says instead]. */
const REWRITES = [
  [
    "  let branches = flattenRoutes(routes);\n  rankRouteBranches(branches);\n",
    "  let branches = rankedBranchesOf(routes);\n",
  ],
  [
    "function compilePath(path, caseSensitive, end) {",
    "function compilePathAnew(path, caseSensitive, end) {",
  ],
];

const ADDED = `
// Added by route-matching-cache.js (ADR 048): remembered route matching.
const rankedBranches = new WeakMap();
function rankedBranchesOf(routes) {
  let branches = rankedBranches.get(routes);
  if (branches === undefined) {
    branches = flattenRoutes(routes);
    rankRouteBranches(branches);
    rankedBranches.set(routes, branches);
  }
  return branches;
}
const compiledPaths = new Map();
function compilePath(path, caseSensitive, end) {
  const key = (caseSensitive ? "1" : "0") + (end === undefined || end ? "1" : "0") + path;
  let compiled = compiledPaths.get(key);
  if (compiled === undefined) {
    compiled = compilePathAnew(path, caseSensitive, end);
    if (compiledPaths.size < 1000) compiledPaths.set(key, compiled);
  }
  return compiled;
}
`;

/**
 * The router's source with the caches, or undefined when a line to rewrite is not found exactly once (a
 * version this was not written for).
 * @param {string} source
 * @returns {string | undefined}
 */
export function withMatchingCache(source) {
  let out = source;
  for (const [from, to] of REWRITES) {
    if (out.split(from).length !== 2) return undefined;
    out = out.replace(from, to);
  }
  return out + ADDED;
}

let installed = false;

/** Rewrites `@remix-run/router`'s CommonJS build as Node loads it. Once per process. */
export function installRouteMatchingCache() {
  if (installed) return;
  installed = true;
  // require.extensions: how Node's CommonJS loader reads a .js file (documented, kept for such hooks).
  const extensions = Module._extensions;
  const loadJs = extensions[".js"];
  extensions[".js"] = function (module, filename) {
    if (!ROUTER_FILE.test(filename)) return loadJs.call(this, module, filename);
    const changed = withMatchingCache(fs.readFileSync(filename, "utf8"));
    if (changed === undefined) {
      console.warn(
        `route-matching-cache: ${filename} is not the version this was written for; left as it is`,
      );
      return loadJs.call(this, module, filename);
    }
    module._compile(changed, filename);
  };
}

installRouteMatchingCache();
