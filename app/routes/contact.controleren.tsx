import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, ErrorSummary, Form, Link } from "~/components/ui";
import { firstMissingStep, isComplete, relations } from "~/domain/contact-request";
import { detectLanguage } from "~/i18n/locale.server";
import type { RouteHandle } from "~/route-handle";
import { contactAnswers, contactReceipt, submitContactRequest } from "~/server/contact-draft.server";
import { formProblem, messagesOf } from "~/server/follow-route.server";
import { RateLimiter } from "~/server/rate-limit.server";
import followStyles from "~/styles/follow.css?url";

export const handle: RouteHandle = { title: "follow:contact.check.title" };
export const links = () => [{ rel: "stylesheet", href: followStyles }];

// Ten requests an hour from one client is far more than a person sends, and far less than a flood. The
// browser tests raise it (every test browser is 127.0.0.1).
const submissions = new RateLimiter(
  "contact.submit",
  Number(process.env.CONTACT_LIMIT_PER_HOUR ?? 10),
  60 * 60_000,
);

function completeAnswers(request: Request) {
  const answers = contactAnswers(request);
  const missing = firstMissingStep(answers);
  if (missing === "question") throw redirect("/contact/vraag");
  if (!isComplete(answers)) throw redirect("/contact");
  return answers;
}

export function loader({ request }: LoaderFunctionArgs) {
  const a = completeAnswers(request);
  return json({ details: a.details, question: a.question });
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
  if (result === "incomplete") throw redirect("/contact");
  return redirect("/contact/bevestiging");
}

export default function CheckAnswers() {
  const { details: d, question: q } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation("follow");
  const notGiven = t("contact.check.notGiven");
  const relation =
    d.relation === "other" && d.relationOther
      ? d.relationOther
      : (relations as readonly string[]).includes(d.relation)
        ? t(`contact.relations.${d.relation}`)
        : d.relation;
  const rows: { key: string; label: string; value: string; href: string }[] = [
    { key: "name", label: t("contact.details.name.label"), value: d.name, href: "/contact#field-name" },
    {
      key: "relation",
      label: t("contact.details.relation.label"),
      value: relation,
      href: "/contact#field-relation",
    },
    {
      key: "phone",
      label: t("contact.details.phone.label"),
      value: d.phone || notGiven,
      href: "/contact#field-phone",
    },
    {
      key: "email",
      label: t("contact.details.email.label"),
      value: d.email || notGiven,
      href: "/contact#field-email",
    },
    {
      key: "safeTimes",
      label: t("contact.details.safeTimes.label"),
      value: d.safeTimes || notGiven,
      href: "/contact#field-safeTimes",
    },
    ...(d.phone
      ? [
          {
            key: "mayLeaveMessage",
            label: t("contact.details.mayLeaveMessage.label"),
            value: t(`contact.answers.${d.mayLeaveMessage || "no"}`),
            href: "/contact#field-mayLeaveMessage",
          },
        ]
      : []),
    {
      key: "question",
      label: t("contact.question.title"),
      value: q.question,
      href: "/contact/vraag#field-question",
    },
    {
      key: "youngPersonKnows",
      label: t("contact.question.youngPersonKnows.label"),
      value: t(`contact.answers.${q.youngPersonKnows}`),
      href: "/contact/vraag#field-youngPersonKnows",
    },
    {
      key: "urgent",
      label: t("contact.question.urgent.label"),
      value: t(`contact.question.urgent.${q.urgent}`),
      href: "/contact/vraag#field-urgent",
    },
  ];
  return (
    <div className="page">
      <Link href="/contact/vraag" variant="back">
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
      <p>{t("contact.check.next")}</p>
      <Form id="contact-submit">
        <div id="field-form" />
        <Button>{t("contact.check.submit")}</Button>
      </Form>
    </div>
  );
}
