import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useFormsKey } from "~/components/ui/use-forms-key";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NewPasswordFields } from "~/components/staff/NewPasswordFields";
import { Button, Form, TextField } from "~/components/ui";
import { passwordChangeSchema } from "~/domain/staff-forms";
import type { RouteHandle } from "~/route-handle";
import { changeOwnPassword } from "~/server/staff-accounts/passwords.server";
import { requireStaff } from "~/server/staff-session.server";
import { parseStaffForm } from "~/server/staff-form.server";

export const handle: RouteHandle = { title: "staff:password.title" };

/** Every staff member changes their own password here; other sessions of the account end. */
export function loader({ request }: LoaderFunctionArgs) {
  requireStaff(request);
  return json({ done: new URL(request.url).searchParams.has("gedaan") });
}

export async function action({ request }: ActionFunctionArgs) {
  const me = requireStaff(request);
  const fail = (errors: Record<string, string>, status = 400) => json({ errors }, { status });
  const f = await parseStaffForm(request, passwordChangeSchema, { csrfField: "currentPassword" });
  if (!f.ok) return fail(f.errors);
  const { t } = f;
  const result = await changeOwnPassword(me, f.data.currentPassword, f.data.password);
  if (!result.ok) {
    return result.reason === "limited"
      ? fail({ currentPassword: t("errors.passwordLimited") }, 429)
      : fail({ currentPassword: t("errors.currentPasswordWrong") });
  }
  return redirect("/medewerker/wachtwoord?gedaan");
}

export default function ChangePassword() {
  const { done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formsKey = useFormsKey();
  const { t } = useTranslation("staff");
  return (
    <div className="page" key={formsKey}>
      <h1>{t("password.title")}</h1>
      {done && !actionData ? (
        <div className="notice notice--success" role="status">
          <p>{t("password.done")}</p>
        </div>
      ) : null}
      <p className="lead">{t("password.intro")}</p>
      <Form errors={actionData?.errors} id="password">
        <TextField
          name="currentPassword"
          type="password"
          label={t("password.current")}
          autoComplete="current-password"
          error={actionData?.errors.currentPassword}
        />
        <NewPasswordFields
          errors={actionData?.errors}
          label={t("password.new")}
          againLabel={t("password.again")}
        />
        <Button>{t("password.submit")}</Button>
      </Form>
    </div>
  );
}
