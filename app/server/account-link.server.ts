/**
 * The setup link (first coordinator) and invitation links share one flow: show the form with a fresh
 * authenticator secret; on a valid submission create the account, use up the link, sign in, and show the
 * recovery codes once.
 */
import { json, redirect } from "@remix-run/node";
import { accountSchema, NAME_MAX } from "~/domain/staff-forms";
import { findValidAccessToken } from "./access-tokens.server";
import { sha256 } from "./crypto.server";
import { parseFormData } from "./forms/parse-form.server";
import { staffRefusal } from "./forms/refusals.server";
import { createAccountFromLink } from "./staff-accounts/new-account.server";
import { hashPassword, totpStep } from "./staff-auth.server";
import { clearEnrolmentCookie, enrolmentSecret, enrolmentView } from "./staff-enrol.server";
import { flashCookie } from "./staff-flash.server";
import { staffTranslators } from "./staff-i18n.server";

type Purpose = "setup" | "invite";

export async function accountLinkLoader(request: Request, token: string | undefined, purpose: Purpose) {
  const link = token ? findValidAccessToken(token, purpose) : undefined;
  if (!token || !link) return json({ valid: false as const, role: null, enrolment: null }, { status: 404 });
  const { secret, setCookie } = enrolmentSecret(request, sha256(token));
  const { t } = staffTranslators(request);
  return json(
    { valid: true as const, role: link.role, enrolment: await enrolmentView(secret, t("enrol.appLabel")) },
    { headers: setCookie ? { "Set-Cookie": setCookie } : undefined },
  );
}

export async function accountLinkAction(request: Request, token: string | undefined, purpose: Purpose) {
  const form = await request.formData();
  const { t } = staffTranslators(request);
  const values = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "") };
  const fail = (errors: Record<string, string>, status = 400) => json({ errors, values }, { status });
  if (!token || !findValidAccessToken(token, purpose)) return fail({ name: t("errors.linkUsed") }, 404);
  const parsed = parseFormData(request, form, accountSchema, {
    t,
    refusal: staffRefusal("name"),
    messageValues: { max: NAME_MAX },
  });
  if (!parsed.ok) return fail(parsed.errors);
  const { secret } = enrolmentSecret(request, sha256(token));
  const step = totpStep(secret, parsed.data.code);
  if (step === null) return fail({ code: t("errors.codeWrongEnrol") });

  const result = createAccountFromLink(token, purpose, {
    name: parsed.data.name,
    email: parsed.data.email,
    passwordHash: await hashPassword(parsed.data.password),
    totpSecret: secret,
    totpStep: step,
  });
  if (!result.ok) {
    return result.reason === "email_taken"
      ? fail({ email: t("errors.emailTaken") })
      : fail({ name: t("errors.linkUsed") }, 404);
  }
  const headers = new Headers();
  headers.append("Set-Cookie", result.setCookie);
  headers.append("Set-Cookie", clearEnrolmentCookie());
  headers.append(
    "Set-Cookie",
    flashCookie(result.staffId, { kind: "recovery_codes", codes: result.recoveryCodes }),
  );
  return redirect("/medewerker/herstelcodes", { headers });
}
