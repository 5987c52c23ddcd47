/**
 * npm run backup [file]: a consistent copy of the live database (the server may keep running).
 * Default target: ./data/backups/aanspreekpunt-<timestamp>.db
 */
import path from "node:path";
import { backupDatabase } from "../app/server/backup.server";

const source = (process.env.DATABASE_URL ?? "./data/aanspreekpunt.db").replace(/^file:/, "");
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const target = process.argv[2] ?? path.join(path.dirname(source), "backups", `aanspreekpunt-${stamp}.db`);

try {
  let last = -1;
  const result = await backupDatabase(source, target, (done, total) => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (pct !== last) {
      process.stdout.write(`\rBacking up ${source}: ${pct}% (${done}/${total} pages)`);
      last = pct;
    }
  });
  process.stdout.write(`\rBacking up ${source}: 100%${" ".repeat(20)}\n`);
  console.log(
    `Backup written to ${result.file} (${(result.bytes / 1024).toFixed(0)} KiB, ${result.cases} cases).`,
  );
  console.log(`Integrity check: ${result.integrity}.`);
  console.log(
    "The backup holds encrypted data: keep DATA_ENCRYPTION_KEY somewhere else, not next to the backup.",
  );
  process.exit(result.integrity === "ok" ? 0 : 1);
} catch (e) {
  console.error(`Backup failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
