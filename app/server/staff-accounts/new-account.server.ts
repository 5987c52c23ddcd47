/**
 * A new staff account from a setup or invitation link: the account, its second factor and recovery
 * codes, the link used up and a signed-in session, in one transaction.
 */
import { eq } from "drizzle-orm";
import { consumeAccessToken } from "../access-tokens.server";
import { audit } from "../audit.server";
import { encrypt, sha256 } from "../crypto.server";
import { getDb, schema } from "../db.server";
import { normaliseEmail } from "../sign-in-throttle.server";
import { acceptTotpStep } from "../staff-auth.server";
import { startSession } from "../staff-session.server";
import { storeRecoveryCodes } from "./recovery-codes.server";

export type NewAccountInput = {
  name: string;
  email: string;
  passwordHash: string;
  totpSecret: string;
  /** The time step of the code that proved the app works. */
  totpStep: number;
};

export type NewAccountResult =
  | { ok: true; staffId: number; recoveryCodes: string[]; setCookie: string }
  | { ok: false; reason: "link" | "email_taken" };

/**
 * Creates the account a setup or invitation link is for, with its second factor and recovery codes, and
 * signs it in (the person just proved password and app). The link is used up in the same transaction.
 */
export function createAccountFromLink(
  token: string,
  purpose: "setup" | "invite",
  input: NewAccountInput,
  now = Date.now(),
): NewAccountResult {
  const db = getDb();
  const email = normaliseEmail(input.email);
  return db.transaction((tx): NewAccountResult => {
    const link = tx
      .select()
      .from(schema.accessTokens)
      .where(eq(schema.accessTokens.tokenHash, sha256(token)))
      .get();
    if (tx.select({ id: schema.staff.id }).from(schema.staff).where(eq(schema.staff.email, email)).get()) {
      return { ok: false, reason: "email_taken" };
    }
    if (!link || !consumeAccessToken(token, purpose, now, tx)) return { ok: false, reason: "link" };
    const staff = tx
      .insert(schema.staff)
      .values({
        name: input.name.trim(),
        email,
        passwordHash: input.passwordHash,
        totpSecretEnc: encrypt(input.totpSecret),
        role: link.role,
        createdAt: now,
      })
      .returning({ id: schema.staff.id })
      .get();
    const recoveryCodes = storeRecoveryCodes(tx, staff.id);
    acceptTotpStep(staff.id, input.totpStep);
    audit(
      tx,
      { action: "account_created", staffId: staff.id, detail: { role: link.role, via: purpose } },
      now,
    );
    audit(tx, { action: "sign_in", staffId: staff.id, detail: { method: "enrolment" } }, now);
    const setCookie = startSession(tx, staff.id, true, now);
    return { ok: true, staffId: staff.id, recoveryCodes, setCookie };
  });
}
