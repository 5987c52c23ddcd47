import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NewPasswordFields } from "~/components/staff/NewPasswordFields";
import { Button, Form } from "~/components/ui";
import { passwordResetSchema } from "~/domain/staff-forms";
import type { RouteHandle } from "~/route-handle";
import { findPasswordResetLink, resetPasswordWithLink } from "~/server/staff-accounts/passwords.server";
import { clearSessionCookie } from "~/server/staff-session.server";
import { parseStaffForm } from "~/server/staff-form.server";

export const handle: RouteHandle = { title: "staff:passwordReset.title" };

/** A password reset link from a coordinator: choose a new password; the second factor stays. */
export function loader({ params }: LoaderFunctionArgs) {
  const link = params.token ? findPasswordResetLink(params.token) : undefined;
  if (!link) return json({ valid: false as const, name: null }, { status: 404 });
  return json({ valid: true as const, name: link.name });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const fail = (errors: Record<string, string>, status = 400) => json({ errors }, { status });
  const token = params.token ?? "";
  const f = await parseStaffForm(request, passwordResetSchema, { csrfField: "password" });
  const { t } = f;
  if (!findPasswordResetLink(token)) return fail({ password: t("errors.linkUsed") }, 404);
  if (!f.ok) return fail(f.errors);
  const result = await resetPasswordWithLink(token, f.data.password);
  if (!result.ok) return fail({ password: t("errors.linkUsed") }, 404);
  return redirect("/medewerker/inloggen?reden=passwordReset", {
    headers: { "Set-Cookie": clearSessionCookie() },
  });
}

export default function PasswordReset() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  return (
    <div className="page">
      <h1>{t("passwordReset.title")}</h1>
      {data.valid ? (
        <>
          <p className="lead">{t("passwordReset.intro", { name: data.name })}</p>
          <Form errors={actionData?.errors} id="password-reset">
            <NewPasswordFields errors={actionData?.errors} />
            <Button>{t("passwordReset.submit")}</Button>
          </Form>
        </>
      ) : (
        <div className="notice">
          <p>{t("passwordReset.invalid")}</p>
        </div>
      )}
    </div>
  );
}
