import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, ErrorSummary, Form, Link } from "~/components/ui";
import { getTuning } from "~/config/env.server";
import {
  contactFirstPage,
  contactStepPath,
  firstMissingStep,
  relations,
  whoOf,
  type ContactStep,
} from "~/domain/contact-request";
import { detectLanguage } from "~/i18n/locale.server";
import type { RouteHandle } from "~/route-handle";
import { contactAnswers, contactReceipt, submitContactRequest } from "~/server/contact-draft.server";
import { formProblem, messagesOf } from "~/server/follow-route.server";
import { RateLimiter } from "~/server/rate-limit.server";
import followStyles from "~/styles/follow.css?url";

// Text, change links and one button: no React in the browser (ADR 042).
export const handle: RouteHandle = { title: "follow:contact.check.title", hydrate: false };
export const links = () => [{ rel: "stylesheet", href: followStyles }];

// Ten requests an hour from one client is far more than a person sends, and far less than a flood. The
// browser tests raise it (every test browser is 127.0.0.1).
const submissions = new RateLimiter("contact.submit", getTuning().CONTACT_LIMIT_PER_HOUR, 60 * 60_000);

/** The answers, or a redirect to the first page that still needs one (a bookmark, an old tab). */
function completeAnswers(request: Request) {
  const answers = contactAnswers(request);
  const missing = firstMissingStep(answers);
  if (missing) throw redirect(contactStepPath(whoOf(answers), missing));
  return answers;
}

export function loader({ request }: LoaderFunctionArgs) {
  const a = completeAnswers(request);
  return json({ who: whoOf(a), details: a.details ?? {}, question: a.question ?? {} });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const bad = formProblem(request, form);
  if (bad) return json({ errors: messagesOf(request, bad) }, { status: 400 });
  // A repeat of a request that already became a case (double click, back and resend) costs nothing.
  if (contactReceipt(request)) return redirect("/contact/bevestiging");
  if (!submissions.hit(context.clientKey)) {
    return json({ errors: messagesOf(request, { form: { key: "errors:rateLimited" } }) }, { status: 429 });
  }
  const result = await submitContactRequest(request, detectLanguage(request));
  if (result === "incomplete") throw redirect(contactFirstPage[whoOf(contactAnswers(request))]);
  return redirect("/contact/bevestiging");
}

export default function CheckAnswers() {
  const { who, details: d, question: q } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation("follow");
  const young = who === "young_person";
  const notGiven = t("contact.check.notGiven");
  const relation =
    d.relation === "other" && d.relationOther
      ? d.relationOther
      : d.relation && (relations as readonly string[]).includes(d.relation)
        ? t(`contact.relations.${d.relation}`)
        : (d.relation ?? "");
  type Row = { key: string; label: string; value: string; href: string };
  // "Change" opens the page that asks it and comes back here (`?wijzigen=1`).
  const row = (key: string, label: string, value: string, step: ContactStep): Row => ({
    key,
    label,
    value,
    href: `${contactStepPath(who, step)}?wijzigen=1#field-${key}`,
  });
  const rows: Row[] = [
    young
      ? row("name", t("contact.young.name.label"), d.name || notGiven, "name")
      : row("name", t("contact.details.name.label"), d.name ?? "", "name"),
    ...(young ? [] : [row("relation", t("contact.details.relation.label"), relation, "relation")]),
    row("phone", t("contact.details.phone.label"), d.phone || notGiven, "reach"),
    row("email", t("contact.details.email.label"), d.email || notGiven, "reach"),
    ...(d.phone
      ? [
          row("safeTimes", t("contact.details.safeTimes.label"), d.safeTimes || notGiven, "call"),
          row(
            "mayLeaveMessage",
            t("contact.details.mayLeaveMessage.label"),
            t(`contact.answers.${d.mayLeaveMessage || "no"}`),
            "call",
          ),
        ]
      : []),
    young
      ? row("question", t("contact.young.question.title"), q.question || notGiven, "question")
      : row("question", t("contact.question.title"), q.question ?? "", "question"),
    ...(young
      ? []
      : [
          row(
            "youngPersonKnows",
            t("contact.question.youngPersonKnows.label"),
            t(`contact.answers.${q.youngPersonKnows || "unknown"}`),
            "knows",
          ),
        ]),
    row(
      "urgent",
      t("contact.question.urgent.label"),
      t(`contact.question.urgent.${q.urgent ?? "no"}`),
      "urgent",
    ),
  ];
  return (
    <div className="page">
      <Link href={contactStepPath(who, "urgent")} variant="back">
        {t("contact.back")}
      </Link>
      <ErrorSummary errors={data?.errors ?? {}} />
      <h1>{t("contact.check.title")}</h1>
      <dl className="summary-list">
        {rows.map((r) => (
          <div key={r.key} className="summary-list__row">
            <dt>{r.label}</dt>
            <dd className="summary-list__value">{r.value}</dd>
            <dd>
              <a href={r.href}>
                {t("contact.check.change")}
                <span className="visually-hidden"> {r.label}</span>
              </a>
            </dd>
          </div>
        ))}
      </dl>
      <h2>{t("contact.check.nextHeading")}</h2>
      <p>{t(young ? "contact.young.check.next" : "contact.check.next")}</p>
      <Form id="contact-submit">
        <div id="field-form" />
        <Button>{t("contact.check.submit")}</Button>
      </Form>
    </div>
  );
}
