/**
 * Staff alerts by e-mail (issue 16, point 2), queued in the outbox in the same transaction as the change
 * they announce. The mail names no case content and not the kind of news: only that there is something to
 * look at, with a link to the case (which opens after signing in). Who gets what: app/domain/staff-alerts.ts.
 */
import { and, eq, isNull, lte, ne } from "drizzle-orm";
import { getEnv } from "~/config/env.server";
import {
  alertRecipients,
  DUE_SOON_MS,
  dueAlertFor,
  staffAlertKinds,
  type StaffAlertKind,
} from "~/domain/staff-alerts";
import { getFixedT } from "~/i18n/resources.server";
import { getDb, schema } from "./db.server";
import { enqueueMail } from "./outbox.server";
import { IMMEDIATE, type DbOrTx } from "./tx.server";

export const STAFF_ALERT_PURPOSE = "staff_alert";

/** Queues the alert for everyone who should get it; returns how many mails were queued. */
export function queueStaffAlert(tx: DbOrTx, kind: StaffAlertKind, caseId: number, now = Date.now()): number {
  const c = tx
    .select({ assigneeId: schema.cases.assigneeId })
    .from(schema.cases)
    .where(eq(schema.cases.id, caseId))
    .get();
  if (!c) return 0;
  const staff = tx
    .select({
      id: schema.staff.id,
      email: schema.staff.email,
      role: schema.staff.role,
      active: schema.staff.active,
    })
    .from(schema.staff)
    .all();
  const optOuts = tx.select().from(schema.staffAlertOptOuts).all();
  const candidates = staff.map((s) => ({
    id: s.id,
    active: s.active,
    coordinator: s.role === "coordinator",
    off: new Set(optOuts.filter((o) => o.staffId === s.id).map((o) => o.kind)),
  }));
  const ids = alertRecipients(kind, c.assigneeId, candidates);
  // Staff accounts have no language of their own; the back office's first language is Dutch.
  const t = getFixedT("nl", "staff");
  const base = getEnv().PUBLIC_URL;
  for (const id of ids) {
    enqueueMail(
      tx,
      {
        purpose: `${STAFF_ALERT_PURPOSE}:${kind}`,
        to: staff.find((s) => s.id === id)!.email,
        subject: t("alerts.mail.subject"),
        bodyText: t("alerts.mail.body", {
          url: `${base}/medewerker/zaken/${caseId}`,
          settings: `${base}/medewerker/e-mails`,
        }),
      },
      now,
    );
  }
  return ids.length;
}

/** The kinds this person gets (everything unless turned off). */
export function alertsOn(staffId: number, db = getDb()): StaffAlertKind[] {
  const off = new Set(
    db
      .select({ kind: schema.staffAlertOptOuts.kind })
      .from(schema.staffAlertOptOuts)
      .where(eq(schema.staffAlertOptOuts.staffId, staffId))
      .all()
      .map((r) => r.kind),
  );
  return staffAlertKinds.filter((k) => !off.has(k));
}

export function saveAlertsOn(staffId: number, on: readonly StaffAlertKind[], db = getDb()) {
  db.transaction((tx) => {
    tx.delete(schema.staffAlertOptOuts).where(eq(schema.staffAlertOptOuts.staffId, staffId)).run();
    const off = staffAlertKinds.filter((k) => !on.includes(k));
    if (off.length)
      tx.insert(schema.staffAlertOptOuts)
        .values(off.map((kind) => ({ staffId, kind })))
        .run();
  });
}

/**
 * Deadline alerts: every open case whose next due date (ADR 039) is within a day or has passed gets its
 * alert once per due date and stage. Returns how many cases were alerted.
 */
export function queueDeadlineAlerts(now = Date.now(), db = getDb()): number {
  return db.transaction((tx) => {
    const due = tx
      .select({
        id: schema.cases.id,
        nextDueAt: schema.cases.nextDueAt,
        alertedAt: schema.cases.dueAlertedAt,
        alertedKind: schema.cases.dueAlertedKind,
      })
      .from(schema.cases)
      .where(
        and(
          ne(schema.cases.status, "closed"),
          isNull(schema.cases.erasedAt),
          lte(schema.cases.nextDueAt, now + DUE_SOON_MS),
        ),
      )
      .all();
    let alerted = 0;
    for (const c of due) {
      const kind = dueAlertFor(c.nextDueAt, now, { at: c.alertedAt, kind: c.alertedKind });
      if (!kind) continue;
      queueStaffAlert(tx, kind, c.id, now);
      tx.update(schema.cases)
        .set({ dueAlertedAt: c.nextDueAt, dueAlertedKind: kind })
        .where(eq(schema.cases.id, c.id))
        .run();
      alerted++;
    }
    return alerted;
  }, IMMEDIATE);
}

/**
 * Hourly inside the server; the first run after one interval, not at start (a deadline measured in
 * working days can wait an hour, and a restart never sends a burst). Returns a stop function.
 */
export function startDeadlineAlertJob(intervalMs = 60 * 60_000): () => void {
  const timer = setInterval(() => {
    try {
      queueDeadlineAlerts();
    } catch (e) {
      console.error("Deadline alerts failed:", e instanceof Error ? e.message : e);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
