import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CheckboxGroup, Form } from "~/components/ui";
import type { RouteHandle } from "~/route-handle";
import { checkForm } from "~/server/csrf.server";
import { renewRecoveryCodes, unusedRecoveryCodeCount } from "~/server/staff-accounts.server";
import { flashCookie, takeFlash } from "~/server/staff-flash.server";
import { staffTranslators } from "~/server/staff-i18n.server";
import { requireStaff } from "~/server/staff-session.server";

export const handle: RouteHandle = { title: "staff:recovery.title" };

/** The recovery codes, shown once right after they were made; afterwards only how many are left. */
export function loader({ request }: LoaderFunctionArgs) {
  const me = requireStaff(request);
  const { flash, setCookie } = takeFlash(request, me.id, "recovery_codes");
  return json(
    { codes: flash?.codes ?? null, left: unusedRecoveryCodeCount(me.id) },
    { headers: setCookie ? { "Set-Cookie": setCookie } : undefined },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const me = requireStaff(request);
  const form = await request.formData();
  const { t, tErr } = staffTranslators(request);
  if (checkForm(request, form) !== "ok")
    return json({ errors: { confirmRenew: tErr("csrf") } }, { status: 400 });
  if (form.get("confirmRenew") !== "yes") {
    return json({ errors: { confirmRenew: t("errors.confirmRenew") } }, { status: 400 });
  }
  const codes = renewRecoveryCodes(me.id);
  return redirect("/medewerker/herstelcodes", {
    headers: { "Set-Cookie": flashCookie(me.id, { kind: "recovery_codes", codes }) },
  });
}

export default function RecoveryCodes() {
  const { codes, left } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  return (
    <div className="page">
      <h1>{t("recovery.title")}</h1>
      {codes ? (
        <>
          <p className="lead">{t("recovery.intro")}</p>
          <div className="notice notice--warning">
            <p>{t("recovery.warning")}</p>
          </div>
          <ol className="recovery-codes" aria-label={t("recovery.listLabel")}>
            {codes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ol>
          <p>
            <Link to="/medewerker" className="link link--button">
              {t("recovery.continue")}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t("recovery.left", { count: left })}</p>
          <p>{t("recovery.shownOnce")}</p>
          <h2>{t("recovery.renewHeading")}</h2>
          <p>{t("recovery.renewText")}</p>
          <Form errors={actionData?.errors} id="renew">
            <CheckboxGroup
              name="confirmRenew"
              label={t("recovery.renewConfirmLabel")}
              options={[{ value: "yes", label: t("recovery.renewConfirm") }]}
              error={actionData?.errors.confirmRenew}
            />
            <Button>{t("recovery.renew")}</Button>
          </Form>
        </>
      )}
    </div>
  );
}
