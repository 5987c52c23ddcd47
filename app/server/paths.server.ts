import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project folder, found by walking up from this module to package.json. Works from the source
 * (app/server) and from the build (build/server), whatever the current directory is.
 */
export const projectRoot = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
})();

export const migrationsFolder = path.join(projectRoot, "db", "migrations");
export const referenceDataFolder = path.join(projectRoot, "db", "data");
