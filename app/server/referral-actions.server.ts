/**
 * The referral intents of the case page's action (kept here so the case page only hands them over).
 * "renewLink": a new 30-day link for one referral of this case, mailed to the organisation; audited.
 */
import { json, redirect } from "@remix-run/node";
import { refusalOf } from "./forms/parse-form.server";
import { renewReferralLink } from "./referrals/create.server";
import { staffTranslators } from "./staff-i18n.server";
import type { StaffUser } from "./staff-session.server";

export function renewLinkAction(request: Request, form: FormData, me: StaffUser, caseId: number) {
  const { t, tErr } = staffTranslators(request);
  const referralId = Number(form.get("referralId"));
  const field = `referral-${Number.isSafeInteger(referralId) ? referralId : 0}`;
  // The same shape as the case page's other answers, so its form keeps working.
  const fail = (message: string, status = 400) =>
    json(
      {
        errors: { [field]: message },
        intent: "renewLink" as const,
        values: {
          outcome: "",
          note: "",
          message: "",
          reason: "",
          messageRole: "",
          followUpDate: "",
          followUpReason: "",
          confirmClose: false,
        },
        openReferrals: null,
      },
      { status },
    );
  if (refusalOf(request, form)) return fail(tErr("csrf"));
  if (!Number.isSafeInteger(referralId) || referralId < 1) return fail(t("routing.errors.renew.not_found"));
  const result = renewReferralLink(me, caseId, referralId);
  if (!result.ok) return fail(t(`routing.errors.renew.${result.reason}`), 409);
  return redirect(`/medewerker/zaken/${caseId}?gedaan=renewLink#verwijzingen`);
}
