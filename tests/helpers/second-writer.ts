import { Worker } from "node:worker_threads";

/**
 * Another process writing to the same database file (a CLI, or the load test making referrals) while the
 * app reads and then writes: in a thread of its own, a second connection takes the write lock, adds a row
 * and commits after `ms`. Resolves once the lock is held; the worker exits after the commit.
 */
export function writerHoldingTheLock(dbFile: string, ms: number): Promise<Worker> {
  const worker = new Worker(
    `const { workerData, parentPort } = require("node:worker_threads");
     const Database = require("better-sqlite3");
     const db = new Database(workerData.file);
     db.exec("begin immediate");
     db.prepare("insert into settings (key, value) values ('held', '1')").run();
     parentPort.postMessage("locked");
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
     db.exec("commit");
     db.close();`,
    { eval: true, workerData: { file: dbFile, ms } },
  );
  return new Promise((resolve, reject) => {
    worker.once("message", () => resolve(worker));
    worker.once("error", reject);
  });
}
