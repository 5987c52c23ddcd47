import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TotpCodeField } from "~/components/staff/TotpCodeField";
import { Button, Form, TextField } from "~/components/ui";
import { safeStaffPath } from "~/domain/staff-session";
import { signInSchema } from "~/domain/staff-forms";
import type { RouteHandle } from "~/route-handle";
import { signInWithPassword } from "~/server/staff-accounts/sign-in.server";
import { optionalStaff } from "~/server/staff-session.server";
import { parseStaffForm } from "~/server/staff-form.server";

export const handle: RouteHandle = { title: "staff:signIn.title" };

export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const next = safeStaffPath(url.searchParams.get("volgende"));
  if (optionalStaff(request)) throw redirect(next);
  const reason = url.searchParams.get("reden");
  return json({
    next,
    notice:
      reason === "idle" ||
      reason === "ended" ||
      reason === "kept" ||
      reason === "codes" ||
      reason === "signedOut" ||
      reason === "passwordReset"
        ? reason
        : null,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const f = await parseStaffForm(request, signInSchema, { csrfField: "email" });
  const values = { email: String(f.form.get("email") ?? "") };
  const fail = (errors: Record<string, string>, status = 400, askCode = false) =>
    json({ errors, values, askCode }, { status });
  const next = safeStaffPath(String(f.form.get("volgende") ?? ""));
  if (!f.ok) return fail(f.errors);
  const { t } = f;
  const result = await signInWithPassword(f.data.email, f.data.password, context.clientKey, {
    code: f.data.code,
  });
  if (!result.ok) {
    // The same words for a known and an unknown address; from then on the page asks for the code too.
    const limited = result.reason === "limited";
    return fail(
      { email: t(limited ? "errors.signInLimited" : "errors.signInFailed") },
      limited ? 429 : 400,
      limited,
    );
  }
  if (result.verified) return redirect(next, { headers: { "Set-Cookie": result.setCookie } });
  const to = next === "/medewerker" ? "" : `?volgende=${encodeURIComponent(next)}`;
  return redirect(`/medewerker/inloggen/code${to}`, { headers: { "Set-Cookie": result.setCookie } });
}

export default function SignIn() {
  const { next, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  return (
    <div className="page">
      <h1>{t("signIn.title")}</h1>
      {notice && !actionData ? (
        <div className="notice" role="status">
          <p>{t(`signIn.notice.${notice}`)}</p>
        </div>
      ) : null}
      <Form errors={actionData?.errors} id="sign-in">
        <input type="hidden" name="volgende" value={next} />
        <TextField
          name="email"
          // "username" is what password managers look for, and the HTML spec allows it on a text input
          // only (not type=email): text with the e-mail keyboard on phones.
          inputMode="email"
          label={t("signIn.email")}
          autoComplete="username"
          spellCheck={false}
          defaultValue={actionData?.values.email}
          error={actionData?.errors.email}
        />
        <TextField
          name="password"
          type="password"
          label={t("signIn.password")}
          autoComplete="current-password"
          error={actionData?.errors.password}
        />
        {actionData?.askCode ? <TotpCodeField label={t("signIn.code")} hint={t("signIn.codeHint")} /> : null}
        <Button>{t("signIn.submit")}</Button>
      </Form>
      <h2>{t("signIn.helpHeading")}</h2>
      <p>{t("signIn.help")}</p>
    </div>
  );
}
