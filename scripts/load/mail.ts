/**
 * Phase 3 of the load test: referral mails while the SMTP server is away. Referrals are made with the
 * app's own createReferral() in this process, against the server's database file (SQLite allows a second
 * writer process; the server's outbox worker picks the mails up from the table). The SMTP sink counts
 * what arrives by the referral's reference in the subject ("Verwijzing R-12 …").
 */
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/server/db.server";
import { createReferral } from "~/server/referrals/create.server";
import type { StaffUser } from "~/server/staff-session.server";
import type { Received, SmtpSink } from "../lib/smtp-sink";
import { withReadOnly } from "./checks";

export const referenceOf = (mail: Received) => /\bR-(\d+)\b/.exec(mail.subject)?.[1];

type OutboxRow = { purpose: string; status: string; attempts: number };

export function referralMails(file: string): Map<number, OutboxRow> {
  const rows = withReadOnly(
    file,
    (db) =>
      db
        .prepare("select purpose, status, attempts from outbox where purpose like 'referral:%'")
        .all() as OutboxRow[],
  );
  return new Map(rows.map((r) => [Number(r.purpose.slice("referral:".length)), r]));
}

export function referralStatus(file: string, id: number): string | undefined {
  return withReadOnly(
    file,
    (db) =>
      (db.prepare("select status from referrals where id = ?").get(id) as { status: string } | undefined)
        ?.status,
  );
}

/** How often each referral's mail arrived at the sink. */
export function arrivals(sink: SmtpSink): Map<number, number> {
  const counts = new Map<number, number>();
  for (const mail of sink.received) {
    const ref = referenceOf(mail);
    if (ref) counts.set(Number(ref), (counts.get(Number(ref)) ?? 0) + 1);
  }
  return counts;
}

/** A staff member and an IGJ mailbox, so referrals can be made; returns a function making one. */
export function referralMaker() {
  const db = getDb();
  db.update(schema.organisations)
    .set({ referralEmail: "meldingen@igj.example" })
    .where(eq(schema.organisations.kind, "igj"))
    .run();
  const staff = db
    .insert(schema.staff)
    .values({
      name: "Load test",
      email: `load-${Date.now()}@example.org`,
      passwordHash: "x",
      role: "ombudsworker",
    })
    .returning({ id: schema.staff.id })
    .get();
  const me: StaffUser = {
    id: staff.id,
    name: "Load test",
    email: "load@example.org",
    role: "ombudsworker",
    sessionIdHash: "load-test",
  };
  const igj = db
    .select({ id: schema.organisations.id })
    .from(schema.organisations)
    .where(eq(schema.organisations.kind, "igj"))
    .get()!.id;
  // Cases from the intake phases nobody has referred yet, oldest first.
  const candidates = db
    .select({ id: schema.cases.id })
    .from(schema.cases)
    .where(eq(schema.cases.status, "received"))
    .orderBy(schema.cases.id)
    .all()
    .map((c) => c.id);
  return (): number => {
    const caseId = candidates.shift();
    if (caseId === undefined) throw new Error("No case left to refer: run the intake phases first");
    const r = createReferral(me, caseId, {
      organisationId: igj,
      parts: ["story", "themes"],
      coveringNote: "",
    });
    if (!r.ok) throw new Error(`createReferral(case ${caseId}) refused: ${r.reason}`);
    return r.referralId;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `done()` or the timeout; prints `status()` every 10 seconds. */
export async function waitFor(
  done: () => boolean,
  timeoutMs: number,
  status: () => string,
): Promise<boolean> {
  const start = Date.now();
  let lastPrint = start;
  while (!done()) {
    if (Date.now() - start > timeoutMs) return false;
    if (Date.now() - lastPrint >= 10_000) {
      lastPrint = Date.now();
      console.log(`  ${String(Math.round((lastPrint - start) / 1000)).padStart(3)} s: ${status()}`);
    }
    await sleep(250);
  }
  return true;
}
