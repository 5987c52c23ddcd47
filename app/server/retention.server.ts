/**
 * Retention: what is due is erased, and only non-identifying counts survive. Closed cases older than the
 * retention period are deleted with everything that hangs on them; their facts stay counted in
 * stat_counts (statistics.server.ts). Expired drafts go (a draft lives 24 hours, DRAFT_TTL_MS); the audit
 * log after its own period; sent and failed mails 90 days after they were queued; ended reporter
 * sessions, unsent texts nobody came back for (reporters' and staff's) and rate-limit windows at once.
 * The periods are coordinator settings (`settingFields` in app/domain/settings-form.ts). Runs hourly
 * inside the server and by hand with `npm run retention`.
 */
import { and, eq, inArray, lt, or } from "drizzle-orm";
import { settingsFrom } from "~/domain/settings-form";
import { getDb, schema, type Db } from "./db.server";
import { sweepFollowSessions } from "./follow-session.server";
import { sweepUnsent } from "./unsent.server";
import { sweepStaffUnsent } from "./staff-unsent.server";
import { sweepRateLimits } from "./rate-limit.server";
import { countAwaitedForGood } from "./statistics.server";

const MAIL_DAYS = 90;
const BATCH = 500;

export type RetentionSettings = { closedCaseMonths: number; auditMonths: number };

/** Keys, bounds (at least 12 months of audit) and defaults: `settingFields` in app/domain/settings-form.ts. */
export function retentionSettings(db: Db = getDb()): RetentionSettings {
  const rows = db.select().from(schema.settings).all();
  return settingsFrom(new Map(rows.map((r) => [r.key, r.value])), ["closedCaseMonths", "auditMonths"]);
}

/** The same moment `months` calendar months earlier. */
export function monthsBefore(now: number, months: number): number {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.getTime();
}

export type RetentionSummary = { cases: number; drafts: number; auditEntries: number; mails: number };

export function runRetention(
  opts: { now?: number; db?: Db; onProgress?: (done: number, total: number) => void } = {},
): RetentionSummary {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now();
  const settings = retentionSettings(db);
  const caseCutoff = monthsBefore(now, settings.closedCaseMonths);

  const due = db
    .select({ id: schema.cases.id })
    .from(schema.cases)
    .where(and(eq(schema.cases.status, "closed"), lt(schema.cases.closedAt, caseCutoff)))
    .all()
    .map((r) => r.id);
  for (let i = 0; i < due.length; i += BATCH) {
    const batch = due.slice(i, i + BATCH);
    db.transaction(() => {
      countAwaitedForGood(db, batch, now);
      db.delete(schema.cases).where(inArray(schema.cases.id, batch)).run();
    });
    opts.onProgress?.(Math.min(i + BATCH, due.length), due.length);
  }

  const drafts = db.delete(schema.drafts).where(lt(schema.drafts.expiresAt, now)).run().changes;
  const auditEntries = db
    .delete(schema.auditLog)
    .where(lt(schema.auditLog.at, monthsBefore(now, settings.auditMonths)))
    .run().changes;
  const mails = db
    .delete(schema.outbox)
    .where(
      and(
        or(eq(schema.outbox.status, "sent"), eq(schema.outbox.status, "failed")),
        lt(schema.outbox.createdAt, now - MAIL_DAYS * 86_400_000),
      ),
    )
    .run().changes;

  // Ended reporter sessions, unsent texts nobody came back for and rate-limit windows: nothing about a
  // visit is kept longer than it counts.
  sweepFollowSessions(db, now);
  sweepUnsent(db, now);
  sweepStaffUnsent(db, now);
  sweepRateLimits(db, now);

  const summary = { cases: due.length, drafts, auditEntries, mails };
  db.insert(schema.auditLog)
    .values({ at: now, actor: "system", action: "retention_run", detail: JSON.stringify(summary) })
    .run();
  return summary;
}

/** Hourly inside the server (and once shortly after start); returns a stop function. */
export function startRetentionJob(intervalMs = 60 * 60_000): () => void {
  const run = () => {
    try {
      const s = runRetention();
      if (s.cases + s.drafts + s.auditEntries + s.mails > 0) {
        console.log(
          `Retention: erased ${s.cases} closed cases, ${s.drafts} drafts, ${s.auditEntries} audit entries, ${s.mails} mails.`,
        );
      }
    } catch (e) {
      console.error("Retention job failed:", e instanceof Error ? e.message : e);
    }
  };
  const first = setTimeout(run, 30_000);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
