import fs from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withMatchingCache } from "../../route-matching-cache.js";

const require = createRequire(import.meta.url);
const routerFile = require.resolve("@remix-run/router/dist/router.cjs.js");
const original = fs.readFileSync(routerFile, "utf8");

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };
type Router = {
  matchRoutes: (
    routes: Route[],
    location: string,
  ) => { route: Route; params: unknown; pathname: string }[] | null;
  matchPath: (pattern: unknown, pathname: string) => unknown;
};

/** A fresh copy of the router module from this source, as Node would load it. */
function load(source: string): Router {
  const m = new Module(routerFile) as Module & { _compile: (code: string, file: string) => void };
  m.filename = routerFile;
  m.paths = (Module as unknown as { _nodeModulePaths: (dir: string) => string[] })._nodeModulePaths(
    path.dirname(routerFile),
  );
  m._compile(source, routerFile);
  return m.exports as Router;
}

/** The app's own route tree, from its route files, as Remix builds it. */
function appRoutes(): Route[] {
  const { flatRoutes } = require("@remix-run/dev/dist/config/flat-routes.js") as {
    flatRoutes: (
      appDir: string,
    ) => Record<string, { id: string; parentId?: string; path?: string; index?: boolean }>;
  };
  const manifest = flatRoutes(path.resolve(import.meta.dirname, "../../app"));
  const childrenOf = (parentId: string): Route[] =>
    Object.values(manifest)
      .filter((r) => (r.parentId ?? "root") === parentId)
      .map((r) => ({ id: r.id, path: r.path, index: r.index, children: childrenOf(r.id) }));
  return [{ id: "root", path: "", children: childrenOf("root") }];
}

/** Index, nested, dynamic, optional and splat segments, and a case-sensitive route. */
const tricky: Route[] = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      {
        id: "case",
        path: "zaak/:id",
        children: [
          { id: "case-index", index: true },
          { id: "tab", path: ":tab?" },
        ],
      },
      { id: "lang", path: ":lang?/over" },
      { id: "Exact", path: "Exact", caseSensitive: true },
      { id: "docs", path: "docs/*" },
      { id: "splat", path: "*" },
    ],
  },
];

const simplify = (matches: ReturnType<Router["matchRoutes"]>) =>
  matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname })) ?? null;

describe("route matching that remembers (route-matching-cache.js)", () => {
  it("rewrites the installed @remix-run/router (else the server runs without it and warns)", () => {
    const changed = withMatchingCache(original);
    expect(changed).toBeDefined();
    expect(changed).toContain("rankedBranchesOf(routes)");
    expect(changed).not.toContain("let branches = flattenRoutes(routes);");
  });

  it("leaves a router it was not written for alone, not half-changed", () => {
    expect(withMatchingCache("function compilePath(path, caseSensitive, end) {}")).toBeUndefined();
    expect(withMatchingCache(original.replace("rankRouteBranches(branches);\n", ""))).toBeUndefined();
  });

  it("matches every path as the router does, the first time and when it remembers", () => {
    const before = load(original);
    const after = load(withMatchingCache(original)!);
    const app = appRoutes();
    expect(app[0]!.children!.length).toBeGreaterThan(20);
    const paths = [
      "/",
      "/verhaal",
      "/verhaal/wie",
      "/klacht/wat",
      "/volgen",
      "/volgen/zaak",
      "/medewerker",
      "/medewerker/zaken/12",
      "/medewerker/zaken/12/bewerken",
      "/verwijzing/abc-def",
      "/over/",
      "/no/such/page",
      "/zaak/7",
      "/zaak/7/notes",
      "/nl/over",
      "/over",
      "/Exact",
      "/exact",
      "/docs",
      "/docs/a/b",
      "/caf%C3%A9",
    ];
    for (const routes of [app, tricky]) {
      for (let round = 0; round < 3; round++) {
        for (const p of paths) {
          expect(simplify(after.matchRoutes(routes, p)), p).toEqual(simplify(before.matchRoutes(routes, p)));
        }
      }
    }
    // A new route array (React Router's render makes one per request) is ranked anew, not mixed up.
    const other: Route[] = [{ id: "root", path: "", children: [{ id: "only", path: "verhaal" }] }];
    expect(simplify(after.matchRoutes(other, "/verhaal"))).toEqual(
      simplify(before.matchRoutes(other, "/verhaal")),
    );
    expect(after.matchRoutes(other, "/verhaal/wie")).toBeNull();
    expect(after.matchPath({ path: "/a/:b", end: false }, "/a/1/c")).toEqual(
      before.matchPath({ path: "/a/:b", end: false }, "/a/1/c"),
    );
    expect(after.matchPath("/a/:b", "/a/1/c")).toBeNull();
    expect(after.matchPath({ path: "/A", caseSensitive: true }, "/a")).toBeNull();
    expect(after.matchPath({ path: "/A" }, "/a")).not.toBeNull();
  });
});
