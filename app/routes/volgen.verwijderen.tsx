import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Bullets } from "~/components/layout/Prose";
import { Button, ErrorSummary, Form, Link } from "~/components/ui";
import type { RouteHandle } from "~/route-handle";
import { eraseCase } from "~/server/erasure.server";
import { organisationsReached } from "~/server/follow.server";
import { formProblem, messagesOf, requireReporter } from "~/server/follow-route.server";
import { endFollowSession } from "~/server/follow-session.server";
import followStyles from "~/styles/follow.css?url";

export const handle: RouteHandle = { title: "follow:erase.title", hydrate: false };
export const links = () => [{ rel: "stylesheet", href: followStyles }];

export function loader({ request }: LoaderFunctionArgs) {
  const { caseId } = requireReporter(request);
  return json({ reached: organisationsReached(caseId) });
}

export async function action({ request }: ActionFunctionArgs) {
  const { caseId } = requireReporter(request);
  const form = await request.formData();
  const bad = formProblem(request, form);
  if (bad) return json({ errors: messagesOf(request, bad) }, { status: 400 });
  eraseCase(caseId, { actor: "reporter" });
  return redirect("/volgen/verwijderd", { headers: { "Set-Cookie": endFollowSession(request) } });
}

export default function Erase() {
  const { reached } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation("follow");
  return (
    <div className="page">
      <Link href="/volgen/zaak" variant="back">
        {t("backToCase")}
      </Link>
      <ErrorSummary errors={data?.errors ?? {}} />
      <Form id="erase">
        <div id="field-form" />
        <h1>{t("erase.title")}</h1>
        <p className="lead">{t("erase.lead")}</p>
        <Bullets k="erase.what" ns="follow" />
        {reached.length > 0 ? (
          <div className="notice">
            <p>{t("erase.reached", { list: reached.join(", ") })}</p>
          </div>
        ) : null}
        <p className="warning-text">
          <strong>{t("erase.warning")}</strong>
        </p>
        <Button variant="warning">{t("erase.confirm")}</Button>
        <p>
          <Link href="/volgen/zaak">{t("erase.cancel")}</Link>
        </p>
      </Form>
    </div>
  );
}
