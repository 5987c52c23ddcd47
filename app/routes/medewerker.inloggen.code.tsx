import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TotpEnrolment } from "~/components/staff/TotpEnrolment";
import { TotpCodeField } from "~/components/staff/TotpCodeField";
import { Button, Form } from "~/components/ui";
import { codeSchema } from "~/domain/staff-forms";
import { safeStaffPath } from "~/domain/staff-session";
import type { RouteHandle } from "~/route-handle";
import { enrolSecondFactor, signInWithCode } from "~/server/staff-accounts/sign-in.server";
import { totpStep } from "~/server/staff-auth.server";
import { clearEnrolmentCookie, enrolmentSecret, enrolmentView } from "~/server/staff-enrol.server";
import { flashCookie } from "~/server/staff-flash.server";
import { clearSessionCookie, requirePendingSession } from "~/server/staff-session.server";
import { parseStaffForm } from "~/server/staff-form.server";

export const handle: RouteHandle = {
  title: (t, data) =>
    t((data as { enrolment: unknown } | undefined)?.enrolment ? "staff:code.enrolTitle" : "staff:code.title"),
};

export async function loader({ request }: LoaderFunctionArgs) {
  const pending = requirePendingSession(request);
  const next = safeStaffPath(new URL(request.url).searchParams.get("volgende"));
  if (pending.staff.totpSecretEnc) return json({ next, enrolment: null });
  // The second factor was reset by a coordinator: link a new app now.
  const { secret, setCookie } = enrolmentSecret(request, pending.idHash);
  return json(
    { next, enrolment: await enrolmentView(secret, pending.staff.email) },
    { headers: setCookie ? { "Set-Cookie": setCookie } : undefined },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const pending = requirePendingSession(request);
  const f = await parseStaffForm(request, codeSchema, { csrfField: "code" });
  const next = safeStaffPath(String(f.form.get("volgende") ?? ""));
  if (!f.ok) return json({ errors: f.errors }, { status: 400 });
  const { t } = f;

  if (!pending.staff.totpSecretEnc) {
    const { secret } = enrolmentSecret(request, pending.idHash);
    const step = totpStep(secret, f.data.code);
    const enrolled =
      step === null
        ? null
        : enrolSecondFactor({ idHash: pending.idHash, staffId: pending.staff.id }, secret, step);
    if (!enrolled?.ok) return json({ errors: { code: t("errors.codeWrongEnrol") } }, { status: 400 });
    const headers = new Headers();
    headers.append("Set-Cookie", enrolled.setCookie);
    headers.append("Set-Cookie", clearEnrolmentCookie());
    headers.append(
      "Set-Cookie",
      flashCookie(pending.staff.id, { kind: "recovery_codes", codes: enrolled.recoveryCodes }),
    );
    return redirect("/medewerker/herstelcodes", { headers });
  }

  const result = await signInWithCode(pending, f.data.code);
  if (!result.ok) {
    if (result.reason === "limited") {
      return redirect("/medewerker/inloggen?reden=codes", {
        headers: { "Set-Cookie": clearSessionCookie() },
      });
    }
    return json({ errors: { code: t("errors.codeWrong") } }, { status: 400 });
  }
  return redirect(next, { headers: { "Set-Cookie": result.setCookie } });
}

export default function SecondFactor() {
  const { next, enrolment } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  return (
    <div className="page">
      <h1>{t(enrolment ? "code.enrolTitle" : "code.title")}</h1>
      <Form errors={actionData?.errors} id="second-factor">
        <input type="hidden" name="volgende" value={next} />
        {enrolment ? (
          <>
            <p className="lead">{t("code.enrolIntro")}</p>
            <TotpEnrolment enrolment={enrolment} error={actionData?.errors.code} />
          </>
        ) : (
          <TotpCodeField label={t("code.label")} hint={t("code.hint")} error={actionData?.errors.code} />
        )}
        <Button>{t("code.submit")}</Button>
      </Form>
      <p>
        <Link to="/medewerker/inloggen">{t("code.startAgain")}</Link>
      </p>
    </div>
  );
}
