/**
 * Referral mails: the mail to the organisation (built here, in Dutch), queued without its body, rendered
 * with the live link by the outbox worker at send time, and the worker's checks before and after SMTP.
 */
import { and, eq } from "drizzle-orm";
import { getEnv } from "~/config/env.server";
import { referralIdOfPurpose, referralMailPurpose, referralReference } from "~/domain/referrals";
import { getFixedT } from "~/i18n/resources.server";
import { audit } from "../audit.server";
import { referralAllowed } from "../consent.server";
import { schema } from "../db.server";
import { enqueueMail } from "../outbox.server";
import { signLink } from "../signed-links.server";
import type { DbOrTx, Tx } from "../tx.server";
import { liveCase, type OrgRow } from "./case-data.server";

const r = schema.referrals;
const o = schema.organisations;

const TZ = "Europe/Amsterdam";

export function referralLink(referralId: number, version: number, expiresAt: number): string {
  return `${getEnv().PUBLIC_URL}/verwijzing/${signLink({ referralId, version, expiresAt })}`;
}

/**
 * The mail to the organisation, in Dutch: their name, the reference, the link and until when it works.
 * No story, no case code, nothing about the reporter: the content is only behind the link.
 */
export function referralMail(
  org: { name: string; kind: string },
  referral: { id: number; linkVersion: number; linkExpiresAt: number },
  renewed: boolean,
) {
  const t = getFixedT("nl", "referral");
  const values = {
    // A municipality is stored by its name alone ("Amsterdam"): address its people, not the place.
    greeting: t(org.kind === "gemeente" ? "mail.greetingMunicipality" : "mail.greeting", {
      organisation: org.name,
    }),
    organisation: org.name,
    reference: referralReference(referral.id),
    url: referralLink(referral.id, referral.linkVersion, referral.linkExpiresAt),
    expires: new Intl.DateTimeFormat("nl-NL", { timeZone: TZ, dateStyle: "long" }).format(
      referral.linkExpiresAt,
    ),
  };
  return {
    subject: t(renewed ? "mail.subjectRenewed" : "mail.subject", values),
    bodyText: t(renewed ? "mail.bodyRenewed" : "mail.body", values),
  };
}

/**
 * Queues the mail as a typed message: its purpose (`referral:<id>`) and subject, no body. The body with
 * the link, a bearer token to the story, is made by the worker at send time (renderReferralMail), so no
 * live link is ever at rest in the database, its WAL or a backup.
 */
export function queueReferralMail(
  tx: Tx,
  org: OrgRow,
  referral: { id: number; linkVersion: number; linkExpiresAt: number },
  renewed: boolean,
  now: number,
) {
  enqueueMail(
    tx,
    {
      purpose: referralMailPurpose(referral.id),
      to: org.referralEmail!,
      subject: referralMail(org, referral, renewed).subject,
      bodyText: "",
    },
    now,
  );
}

/**
 * A referral's mail as it goes out now, made from the referral as it is (its current link version and
 * expiry; a version above 1 is a renewed link). Null when the purpose is not a referral's, or the
 * referral is gone.
 */
export function renderReferralMail(
  db: DbOrTx,
  purpose: string,
): { subject: string; bodyText: string } | null {
  const id = referralIdOfPurpose(purpose);
  if (id === null) return null;
  const ref = db.select().from(r).where(eq(r.id, id)).get();
  const org =
    ref && db.select({ name: o.name, kind: o.kind }).from(o).where(eq(o.id, ref.organisationId)).get();
  if (!ref || !org) return null;
  return referralMail(org, ref, ref.linkVersion > 1);
}

// ---------------------------------------------------------------- the outbox worker

/** What the worker writes as the "error" of a referral mail it did not send on purpose. */
export const REFERRAL_MAIL_CANCELLED = "cancelled: referral blocked";

/**
 * Asked by the outbox worker right before a mail goes to SMTP: a referral mail goes out only while its
 * referral may still go out (not blocked by a withdrawal, case not erased, consent still there).
 */
export function referralMailAllowed(db: DbOrTx, purpose: string): boolean {
  const id = referralIdOfPurpose(purpose);
  if (id === null) return true;
  const ref = db.select().from(r).where(eq(r.id, id)).get();
  if (!ref || ref.status === "blocked" || !liveCase(db, ref.caseId)) return false;
  return ref.status !== "pending" || referralAllowed(db, ref.caseId, ref.organisationId, ref.parts).allowed;
}

/** After SMTP accepted a referral mail: the referral is sent (audited once, by the system). */
export function referralMailSent(db: DbOrTx, purpose: string, now: number): void {
  const id = referralIdOfPurpose(purpose);
  if (id === null) return;
  const ref = db.select({ caseId: r.caseId }).from(r).where(eq(r.id, id)).get();
  if (!ref) return;
  const changed = db
    .update(r)
    .set({ status: "sent", sentAt: now })
    .where(and(eq(r.id, id), eq(r.status, "pending")))
    .run().changes;
  if (changed === 1)
    audit(
      db,
      { action: "referral_sent", actor: "system", caseId: ref.caseId, detail: { referralId: id } },
      now,
    );
}
