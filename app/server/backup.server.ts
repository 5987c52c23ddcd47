/**
 * A consistent copy of the live database with SQLite's online backup API: safe while the server runs and
 * writes (pages changed during the copy are copied again). The copy is checked with PRAGMA integrity_check.
 * The copy holds ciphertext only; the encryption key must be kept somewhere else.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type BackupResult = { file: string; bytes: number; integrity: string; cases: number };

export async function backupDatabase(
  source: string,
  target: string,
  onProgress?: (done: number, total: number) => void,
): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new Error(`There is no database at ${source}`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const db = new Database(source, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    let steps = 0;
    await db.backup(target, {
      progress({ totalPages, remainingPages }) {
        onProgress?.(totalPages - remainingPages, totalPages);
        // Short steps keep the server's writers unblocked, but every write by another connection restarts
        // the copy: after a few steps, copy the rest in one step so a busy server cannot starve the backup.
        return ++steps < 20 ? 256 : 2 ** 30;
      },
    });
  } finally {
    db.close();
  }
  fs.chmodSync(target, 0o600);
  const copy = new Database(target, { readonly: true });
  try {
    const integrity = (copy.pragma("integrity_check", { simple: true }) as string) ?? "unknown";
    const cases = (copy.prepare("select count(*) as n from cases").get() as { n: number }).n;
    return { file: target, bytes: fs.statSync(target).size, integrity, cases };
  } finally {
    copy.close();
  }
}
