import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, ErrorSummary, Form, TextField } from "~/components/ui";
import { signInSchema } from "~/domain/follow-forms";
import { formValues, type Problems } from "~/domain/form-input";
import { parseInput } from "~/server/forms/parse-form.server";
import type { RouteHandle } from "~/route-handle";
import { formProblem, messagesOf } from "~/server/follow-route.server";
import { followSessionEndsInMs, startFollowSession } from "~/server/follow-session.server";
import { signInGuard } from "~/server/follow-sign-in.server";
import { unsentFieldOf } from "~/server/unsent.server";
import { FOLLOW_IDLE_MS, minutes } from "~/domain/lifetimes";
import followStyles from "~/styles/follow.css?url";

// No React in the browser (ADR 042): the form works without it; the passphrase box's Enter and Tab and the
// error summary's focus come from app/enhance.
export const handle: RouteHandle = { title: "follow:signIn.title", hydrate: false };
export const links = () => [{ rel: "stylesheet", href: followStyles }];

const reasons = ["verlopen", "afgemeld", "bewaard"] as const;
const reasonText = {
  verlopen: "signIn.expired",
  afgemeld: "signIn.signedOut",
  bewaard: "signIn.kept",
} as const;

export function loader({ request }: LoaderFunctionArgs) {
  // Does not end an ended session: its row may hold the case of kept text until signing in again.
  if (followSessionEndsInMs(request) !== null) throw redirect("/volgen/zaak");
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
  const parsed = parseInput(signInSchema, values);
  if (!parsed.ok) return fail(parsed.problems);

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
    // What was typed stays, so one wrong word can be put right (the page is never cached: no-store).
    return fail({ code: { key } });
  }
  // Text kept when the last session ended goes back where it was typed (ADR 029).
  const to = unsentFieldOf(result.caseId) === "addition" ? "/volgen/toevoegen" : "/volgen/zaak";
  return redirect(to, { headers: { "Set-Cookie": startFollowSession(request, result.caseId) } });
}

export default function SignIn() {
  const { reason } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation("follow");
  const errors = data?.errors ?? {};
  const key = JSON.stringify(data ?? null); // new errors: fresh fields with what was sent back
  return (
    <div className="page">
      <ErrorSummary errors={errors} />
      {reason && !data ? (
        <div className="notice" role="status">
          <p>{t(reasonText[reason])}</p>
        </div>
      ) : null}
      <h1>{t("signIn.title")}</h1>
      <p className="lead">{t("signIn.lead")}</p>
      <Form id="sign-in" key={key}>
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
          wraps
        />
        <Button>{t("signIn.submit")}</Button>
      </Form>
      <h2>{t("signIn.forgotten.heading")}</h2>
      <p>{t("signIn.forgotten.text")}</p>
      <p>{t("signIn.safety", { minutes: minutes(FOLLOW_IDLE_MS) })}</p>
    </div>
  );
}
