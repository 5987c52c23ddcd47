import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Bullets } from "~/components/layout/Prose";
import { Button, ErrorSummary, Form, Link, TextField } from "~/components/ui";
import { notifyEmailSchema } from "~/domain/follow-forms";
import { formValues, type Problems } from "~/domain/form-input";
import { parseInput } from "~/server/forms/parse-form.server";
import { maskEmail } from "~/domain/reporter-view";
import type { RouteHandle } from "~/route-handle";
import { notifyEmailOf, setNotifyEmail } from "~/server/follow.server";
import { formProblem, messagesOf, requireReporter } from "~/server/follow-route.server";
import followStyles from "~/styles/follow.css?url";

export const handle: RouteHandle = { title: "follow:news.title", hydrate: false };
export const links = () => [{ rel: "stylesheet", href: followStyles }];

export function loader({ request }: LoaderFunctionArgs) {
  const { caseId } = requireReporter(request);
  const email = notifyEmailOf(caseId);
  // Only a masked form goes to the page: enough to recognise, not enough for a passer-by.
  return json({ masked: email ? maskEmail(email) : null });
}

export async function action({ request }: ActionFunctionArgs) {
  const { caseId } = requireReporter(request);
  const form = await request.formData();
  const values = formValues(form, ["email"]);
  const fail = (problems: Problems) =>
    json({ errors: messagesOf(request, problems), values }, { status: 400 });
  const bad = formProblem(request, form);
  if (bad) return fail(bad);
  if (form.get("intent") === "remove") {
    setNotifyEmail(caseId, null);
    return redirect("/volgen/zaak?gedaan=email-uit");
  }
  const parsed = parseInput(notifyEmailSchema, values);
  if (!parsed.ok) return fail(parsed.problems);
  setNotifyEmail(caseId, parsed.data.email);
  return redirect("/volgen/zaak?gedaan=email-aan");
}

export default function NewsEmail() {
  const { masked } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation("follow");
  const errors = data?.errors ?? {};
  return (
    <div className="page">
      <Link href="/volgen/zaak" variant="back">
        {t("backToCase")}
      </Link>
      <ErrorSummary errors={errors} />
      <h1>{t("news.title")}</h1>
      <p className="lead">{t("news.lead")}</p>
      <Bullets k="news.about" ns="follow" />
      {masked ? (
        <Form id="news-off">
          <div id="field-form" />
          <div className="notice">
            <p>{t("news.current", { email: masked })}</p>
          </div>
          <input type="hidden" name="intent" value="remove" />
          <Button variant="secondary">{t("news.remove")}</Button>
        </Form>
      ) : (
        <Form id="news-on" key={JSON.stringify(data ?? null)}>
          <div id="field-form" />
          <TextField
            name="email"
            type="email"
            label={t("news.label")}
            hint={t("news.hint")}
            error={errors.email}
            defaultValue={data?.values.email}
            autoComplete="email"
            spellCheck={false}
          />
          <Button>{t("news.submit")}</Button>
        </Form>
      )}
    </div>
  );
}
