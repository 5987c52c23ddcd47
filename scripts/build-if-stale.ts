/** `npm run build` only when build/ is missing or older than its sources (scripts/lib/server.ts). */
import { buildIfNeeded } from "./lib/server";

buildIfNeeded();
