/**
 * The routes of the BUILT app (build/server/index.js exports `routes`), with their full paths, so the
 * tests cover every route there is, including routes added after these tests were written.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";

type BuildRoute = {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  module: { loader?: unknown; action?: unknown; default?: unknown };
};

export type AppRoute = {
  id: string;
  /** The full path pattern, e.g. /medewerker/zaken/:caseId */
  path: string;
  hasLoader: boolean;
  hasAction: boolean;
};

export async function appRoutes(): Promise<AppRoute[]> {
  const file = path.resolve(import.meta.dirname, "../../../build/server/index.js");
  const build = (await import(pathToFileURL(file).href)) as { routes: Record<string, BuildRoute> };
  const byId = build.routes;
  const fullPath = (r: BuildRoute): string => {
    const parts: string[] = [];
    for (let at: BuildRoute | undefined = r; at; at = at.parentId ? byId[at.parentId] : undefined) {
      if (at.path) parts.unshift(at.path);
    }
    return `/${parts.join("/")}`;
  };
  return Object.values(byId)
    .filter((r) => r.id !== "root")
    .map((r) => ({
      id: r.id,
      path: fullPath(r),
      hasLoader: typeof r.module.loader === "function",
      hasAction: typeof r.module.action === "function",
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Fills `:param`s from the given values; throws for a parameter without a value. */
export function fillPath(pattern: string, values: Record<string, string | number>): string {
  return pattern.replace(/:(\w+)/g, (_, name: string) => {
    if (values[name] === undefined) throw new Error(`No test value for :${name} in ${pattern}`);
    return encodeURIComponent(String(values[name]));
  });
}
