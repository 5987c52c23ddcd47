/**
 * Recovery codes: a fresh set (stored as hashes, the old set gone), how many are left, and new ones on
 * request, only with the password and a code from the app.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { audit } from "../audit.server";
import { getDb, schema } from "../db.server";
import { generateRecoveryCodes, hashRecoveryCode } from "../staff-auth.server";
import type { DbOrTx } from "../tx.server";
import { checkCurrentPassword, staffRow } from "./passwords.server";
import { checkSecondFactor } from "./second-factor.server";

/** A new set of recovery codes for the account; the earlier set stops working. */
export function storeRecoveryCodes(tx: DbOrTx, staffId: number): string[] {
  const codes = generateRecoveryCodes();
  tx.delete(schema.recoveryCodes).where(eq(schema.recoveryCodes.staffId, staffId)).run();
  for (const code of codes) {
    tx.insert(schema.recoveryCodes)
      .values({ staffId, codeHash: hashRecoveryCode(code) })
      .run();
  }
  return codes;
}

export function renewRecoveryCodes(staffId: number, now = Date.now()): string[] {
  return getDb().transaction((tx) => {
    const codes = storeRecoveryCodes(tx, staffId);
    audit(tx, { action: "recovery_codes_renewed", staffId }, now);
    return codes;
  });
}

export function unusedRecoveryCodeCount(staffId: number): number {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(schema.recoveryCodes)
      .where(and(eq(schema.recoveryCodes.staffId, staffId), isNull(schema.recoveryCodes.usedAt)))
      .get()?.n ?? 0
  );
}

export type RenewResult =
  { ok: true; codes: string[] } | { ok: false; field: "password" | "code"; reason: "invalid" | "limited" };

/**
 * New recovery codes only with the password and a code from the app (or a recovery code) now: a session
 * left open on someone's desk does not give away a fresh way in.
 */
export async function renewRecoveryCodesChecked(
  staffId: number,
  password: string,
  code: string,
  now = Date.now(),
): Promise<RenewResult> {
  const staff = staffRow(staffId);
  if (!staff || !staff.active) return { ok: false, field: "password", reason: "invalid" };
  const check = await checkCurrentPassword(staff, password, now);
  if (!check.ok) return { ok: false, field: "password", reason: check.reason };
  const second = checkSecondFactor(staff, code, now);
  if (!second.ok) return { ok: false, field: "code", reason: second.reason };
  if (second.method === "recovery_code") audit(getDb(), { action: "recovery_code_used", staffId }, now);
  return { ok: true, codes: renewRecoveryCodes(staffId, now) };
}
