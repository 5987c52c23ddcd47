import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CopyButton } from "~/components/staff/CopyButton";
import { PrintButton } from "~/components/staff/PrintButton";
import { TotpCodeField } from "~/components/staff/TotpCodeField";
import { Button, Form, TextField } from "~/components/ui";
import { recoveryRenewSchema } from "~/domain/staff-forms";
import type { RouteHandle } from "~/route-handle";
import {
  renewRecoveryCodesChecked,
  unusedRecoveryCodeCount,
} from "~/server/staff-accounts/recovery-codes.server";
import { flashCookie, takeFlash } from "~/server/staff-flash.server";
import { requireStaff } from "~/server/staff-session.server";
import { parseStaffForm } from "~/server/staff-form.server";

export const handle: RouteHandle = { title: "staff:recovery.title" };

/** The recovery codes, shown once right after they were made; afterwards only how many are left. */
export function loader({ request }: LoaderFunctionArgs) {
  const me = requireStaff(request);
  const { flash, setCookie } = takeFlash(request, me.id, "recovery_codes");
  return json(
    { codes: flash?.codes ?? null, left: unusedRecoveryCodeCount(me.id), name: me.name },
    { headers: setCookie ? { "Set-Cookie": setCookie } : undefined },
  );
}

/** New codes only with the password and a code from the app (ADR 035). */
export async function action({ request }: ActionFunctionArgs) {
  const me = requireStaff(request);
  const fail = (errors: Record<string, string>, status = 400) => json({ errors }, { status });
  const f = await parseStaffForm(request, recoveryRenewSchema, { csrfField: "currentPassword" });
  if (!f.ok) return fail(f.errors);
  const { t } = f;
  const result = await renewRecoveryCodesChecked(me.id, f.data.currentPassword, f.data.code);
  if (!result.ok) {
    if (result.field === "password") {
      return result.reason === "limited"
        ? fail({ currentPassword: t("errors.passwordLimited") }, 429)
        : fail({ currentPassword: t("errors.currentPasswordWrong") });
    }
    return result.reason === "limited"
      ? fail({ code: t("errors.codeLimited") }, 429)
      : fail({ code: t("errors.codeWrong") });
  }
  return redirect("/medewerker/herstelcodes", {
    headers: { "Set-Cookie": flashCookie(me.id, { kind: "recovery_codes", codes: result.codes }) },
  });
}

export default function RecoveryCodes() {
  const { codes, left, name } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const asText = codes ? [t("recovery.fileTitle", { name }), "", ...codes, ""].join("\r\n") : "";
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
          <p className="recovery-actions">
            <a
              className="button button--secondary"
              href={`data:text/plain;charset=utf-8,${encodeURIComponent(asText)}`}
              download={t("recovery.fileName")}
            >
              {t("recovery.download")}
            </a>{" "}
            <PrintButton label={t("recovery.print")} />{" "}
            <CopyButton text={codes.join("\n")} label={t("recovery.copy")} />
          </p>
          <p className="recovery-continue">
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
            <TextField
              name="currentPassword"
              type="password"
              label={t("recovery.password")}
              autoComplete="current-password"
              error={actionData?.errors.currentPassword}
            />
            <TotpCodeField
              label={t("recovery.code")}
              hint={t("recovery.codeHint")}
              error={actionData?.errors.code}
            />
            <Button>{t("recovery.renew")}</Button>
          </Form>
        </>
      )}
    </div>
  );
}
