/**
 * The second factor's check (an app code or a recovery code), counted per address before it is checked,
 * and the audit entry when a failure locks a factor. Used by signing in and by the checked actions of
 * someone already signed in.
 */
import { and, eq, isNull } from "drizzle-orm";
import { lockMs, MAX_CODE_FAILURES } from "~/domain/sign-in-throttle";
import { audit } from "../audit.server";
import { decrypt } from "../crypto.server";
import { getDb, schema } from "../db.server";
import { addressKey, reserve } from "../sign-in-throttle.server";
import { acceptTotpStep, hashRecoveryCode, looksLikeRecoveryCode, totpStep } from "../staff-auth.server";
import type { DbOrTx } from "../tx.server";

export type StaffRow = typeof schema.staff.$inferSelect;
export type SecondFactor =
  { ok: true; method: "totp" | "recovery_code" } | { ok: false; reason: "invalid" | "limited" };

/**
 * Checks an app code or a recovery code, counting the attempt first (per address, in the database): the
 * fifth wrong one in a round locks the second factor, whoever asks and however.
 */
export function checkSecondFactor(staff: StaffRow, code: string, now: number): SecondFactor {
  if (!staff.totpSecretEnc) return { ok: false, reason: "invalid" };
  const db = getDb();
  const key = addressKey(staff.email);
  const reservation = reserve(key, "code", MAX_CODE_FAILURES, now);
  if (reservation.outcome === "locked") {
    audit(db, { action: "second_factor_failed", staffId: staff.id, detail: { limited: true } }, now);
    return { ok: false, reason: "limited" };
  }
  let method: "totp" | "recovery_code" | null = null;
  if (looksLikeRecoveryCode(code)) {
    const used = db
      .update(schema.recoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(schema.recoveryCodes.staffId, staff.id),
          eq(schema.recoveryCodes.codeHash, hashRecoveryCode(code)),
          isNull(schema.recoveryCodes.usedAt),
        ),
      )
      .run();
    if (used.changes === 1) method = "recovery_code";
  } else {
    const step = totpStep(decrypt(staff.totpSecretEnc), code, now);
    if (step !== null && acceptTotpStep(staff.id, step)) method = "totp";
  }
  if (method) return { ok: true, method };
  audit(db, { action: "second_factor_failed", staffId: staff.id }, now);
  if (reservation.last) {
    auditLock(db, staff.id, "second_factor", reservation, now);
    return { ok: false, reason: "limited" };
  }
  return { ok: false, reason: "invalid" };
}

/** The failure that used up the last try locks the factor: logged once, with how long the lock lasts. */
export function auditLock(
  db: DbOrTx,
  staffId: number | undefined,
  factor: "password" | "second_factor",
  reservation: { counter: { locks: number } },
  now: number,
) {
  const minutes = lockMs(reservation.counter.locks) / 60_000;
  audit(db, { action: "sign_in_locked", staffId, detail: { factor, minutes } }, now);
}
