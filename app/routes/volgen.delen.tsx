import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, ErrorSummary, Form, Link, RadioGroup } from "~/components/ui";
import { consentLevels, levelOf } from "~/domain/consent";
import { consentSchema } from "~/domain/follow-forms";
import { formValues, type Problems } from "~/domain/form-input";
import { parseInput } from "~/server/forms/parse-form.server";
import type { RouteHandle } from "~/route-handle";
import { changeConsents } from "~/server/consent.server";
import { consentsForReporter, openCaseKind, organisationsReached } from "~/server/follow.server";
import { formProblem, message, messagesOf, requireReporter } from "~/server/follow-route.server";
import followStyles from "~/styles/follow.css?url";
import { consentRecipients } from "~/domain/vocabulary";

export const handle: RouteHandle = { title: "follow:consent.title", hydrate: false };
export const links = () => [{ rel: "stylesheet", href: followStyles }];

function load(caseId: number) {
  // A contact request shares nothing with anyone: there is nothing to choose.
  if (openCaseKind(caseId) === "contact") throw redirect("/volgen/zaak");
  const found = consentsForReporter(caseId);
  if (!found) throw redirect("/volgen");
  const current = Object.fromEntries(
    consentRecipients.map((r) => {
      const c = found.consents.find((x) => x.recipient === r);
      return [r, c ? levelOf(c) : "none"];
    }),
  ) as Record<(typeof consentRecipients)[number], (typeof consentLevels)[number]>;
  return { current, municipality: found.municipality, reached: organisationsReached(caseId) };
}

export function loader({ request }: LoaderFunctionArgs) {
  const { caseId } = requireReporter(request);
  return json(load(caseId));
}

export async function action({ request }: ActionFunctionArgs) {
  const { caseId } = requireReporter(request);
  load(caseId);
  const form = await request.formData();
  const values = formValues(form, consentRecipients);
  const fail = (problems: Problems) =>
    json({ errors: messagesOf(request, problems), values }, { status: 400 });
  const bad = formProblem(request, form);
  if (bad) return fail(bad);
  const parsed = parseInput(consentSchema, values);
  if (!parsed.ok) {
    // Say which organisation the missing answer is about.
    const problems = parsed.problems;
    for (const r of consentRecipients) {
      if (problems[r]) {
        problems[r] = {
          key: "follow:consent.errors.choose",
          values: { recipient: message(request, `follow:recipients.${r}`) },
        };
      }
    }
    return fail(problems);
  }
  changeConsents(caseId, parsed.data);
  return redirect("/volgen/zaak?gedaan=delen");
}

export default function Consent() {
  const { current, municipality, reached } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation("follow");
  const errors = data?.errors ?? {};
  return (
    <div className="page">
      <Link href="/volgen/zaak" variant="back">
        {t("backToCase")}
      </Link>
      <ErrorSummary errors={errors} />
      <Form id="consent" key={JSON.stringify(data ?? null)}>
        <div id="field-form" />
        <h1>{t("consent.title")}</h1>
        <p className="lead">{t("consent.lead")}</p>
        <div className="notice">
          <p>{t("consent.withdrawNotice")}</p>
          {reached.length > 0 ? <p>{t("consent.reached", { list: reached.join(", ") })}</p> : null}
        </div>
        {consentRecipients.map((r) => (
          <RadioGroup
            key={r}
            name={r}
            label={
              r === "gemeente" && municipality
                ? t("consent.recipient.gemeenteNamed", { name: municipality })
                : t(`consent.recipient.${r}.label`)
            }
            hint={t(`consent.recipient.${r}.hint`)}
            error={errors[r]}
            defaultValue={data?.values[r] ?? current[r]}
            options={consentLevels.map((level) => ({ value: level, label: t(`consent.level.${level}`) }))}
          />
        ))}
        <Button>{t("consent.submit")}</Button>
      </Form>
    </div>
  );
}
