/** npm run retention: erase what is due now (the server does this hourly too), with progress and a summary. */
import { loadEnv } from "../app/config/env.server";
import { closeDb, getDb, prepareDatabase } from "../app/server/db.server";
import { retentionSettings, runRetention } from "../app/server/retention.server";

try {
  loadEnv();
  prepareDatabase(getDb());
  const s = retentionSettings();
  console.log(
    `Erasing closed cases older than ${s.closedCaseMonths} months, audit entries older than ${s.auditMonths} months, abandoned drafts and old mails.`,
  );
  const summary = runRetention({
    onProgress: (done, total) => process.stdout.write(`\rClosed cases: ${done}/${total}`),
  });
  if (summary.cases > 0) process.stdout.write("\n");
  console.log(
    `Done: ${summary.cases} cases erased (kept as counts), ${summary.drafts} drafts, ${summary.auditEntries} audit entries, ${summary.mails} mails removed.`,
  );
  closeDb();
} catch (e) {
  console.error(`Retention failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
