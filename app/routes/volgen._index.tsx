import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, Form, TextField } from "~/components/ui";
import { signInSchema } from "~/domain/follow-forms";
import { formValues, problemsOf, type Problems } from "~/domain/form-input";
import type { RouteHandle } from "~/route-handle";
import { formProblem, messagesOf } from "~/server/follow-route.server";
import { lookupFollowSession, startFollowSession } from "~/server/follow-session.server";
import { signInGuard } from "~/server/follow-sign-in.server";
import followStyles from "~/styles/follow.css?url";

export const handle: RouteHandle = { title: "follow:signIn.title" };
export const links = () => [{ rel: "stylesheet", href: followStyles }];

const reasons = ["verlopen", "afgemeld"] as const;

export function loader({ request }: LoaderFunctionArgs) {
  if (lookupFollowSession(request).state === "active") throw redirect("/volgen/zaak");
  const reden = new URL(request.url).searchParams.get("reden");
  return json({ reason: reasons.find((r) => r === reden) ?? null });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = formValues(form, ["code", "passphrase"]);
  const fail = (problems: Problems, keep = values) =>
    json({ errors: messagesOf(request, problems), values: keep }, { status: 400 });

  const bad = formProblem(request, form);
  if (bad) return fail(bad);
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return fail(problemsOf(parsed.error));

  const result = await signInGuard.signIn(parsed.data.code, parsed.data.passphrase, {
    clientKey: context.clientKey,
  });
  if (!result.ok) {
    const key =
      result.reason === "rate_limited"
        ? "errors:rateLimited"
        : result.reason === "locked"
          ? "follow:signIn.errors.locked"
          : "follow:signIn.errors.wrong";
    // The passphrase is not sent back into the page after a failed try.
    return fail({ code: { key } }, { code: values.code ?? "", passphrase: "" });
  }
  return redirect("/volgen/zaak", { headers: { "Set-Cookie": startFollowSession(request, result.caseId) } });
}

export default function SignIn() {
  const { reason } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation("follow");
  const errors = data?.errors ?? {};
  const key = JSON.stringify(data ?? null); // new errors: fresh fields with what was sent back
  return (
    <div className="page">
      {reason && !data ? (
        <div className="notice" role="status">
          <p>{t(reason === "verlopen" ? "signIn.expired" : "signIn.signedOut")}</p>
        </div>
      ) : null}
      <h1>{t("signIn.title")}</h1>
      <p className="lead">{t("signIn.lead")}</p>
      <Form errors={errors} id="sign-in" key={key}>
        <div id="field-form" />
        <TextField
          name="code"
          label={t("signIn.code.label")}
          hint={t("signIn.code.hint")}
          error={errors.code}
          defaultValue={data?.values.code}
          autoComplete="off"
          spellCheck={false}
          width="medium"
        />
        <TextField
          name="passphrase"
          label={t("signIn.passphrase.label")}
          hint={t("signIn.passphrase.hint")}
          error={errors.passphrase}
          defaultValue={data?.values.passphrase}
          autoComplete="off"
          spellCheck={false}
        />
        <Button>{t("signIn.submit")}</Button>
      </Form>
      <h2>{t("signIn.forgotten.heading")}</h2>
      <p>{t("signIn.forgotten.text")}</p>
      <p>{t("signIn.safety")}</p>
    </div>
  );
}
