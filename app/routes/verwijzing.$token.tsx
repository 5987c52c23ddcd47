/**
 * The receiving organisation's page, opened from the link in the referral mail: no account, no quick
 * exit. It shows exactly the frozen copy of what was shared (as far as the reporter's consent still
 * covers it) and takes "received / in progress / done" with a note. Every view and every report is in the
 * audit log (actor "organisation").
 */
import { useFormsKey } from "~/components/ui/use-forms-key";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  useActionData,
  useLoaderData,
  useRouteError,
  type ClientLoaderFunctionArgs,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReferralContentView } from "~/components/routing/ReferralContentView";
import { Button, Form, RadioGroup, TextArea } from "~/components/ui";
import { ORGANISATION_NOTE_MAX, organisationReportSchema, organisationStatuses } from "~/domain/referrals";
import { formatMoment } from "~/domain/reporter-view";
import { detectLanguage } from "~/i18n/locale.server";
import { loadAllNamespaces } from "~/i18n/resources.client";
import { getFixedT } from "~/i18n/resources.server";
import type { RouteHandle } from "~/route-handle";
import { parseFormData } from "~/server/forms/parse-form.server";
import { organisationRefusal } from "~/server/forms/refusals.server";
import {
  openReferral,
  reportReferralStatus,
  type LinkProblem,
} from "~/server/referrals/organisation-link.server";
import referralStylesUrl from "~/styles/referral.css?url";

export const handle: RouteHandle = {
  frame: "organisation",
  title: (t, data) => {
    const reference = (data as { view?: { reference: string } } | undefined)?.view?.reference;
    return reference ? t("referral:title", { reference }) : t("referral:gone.title");
  },
  errorTitle: (t, status) => t(status === 410 ? "referral:gone.title" : "referral:notFound.title"),
};

export const links = () => [{ rel: "stylesheet", href: referralStylesUrl }];

const refuse = (problem: LinkProblem) =>
  json({ reason: problem }, { status: problem === "gone" ? 410 : 404 });

export function loader({ request, params }: LoaderFunctionArgs) {
  const opened = openReferral(params.token ?? "");
  if (!opened.ok) throw refuse(opened.problem);
  const lang = detectLanguage(request);
  const date = (ms: number) => formatMoment(ms, lang).date;
  const moment = (ms: number) => {
    const m = formatMoment(ms, lang);
    return `${m.date}, ${m.time}`;
  };
  const v = opened.view;
  return json({
    view: {
      ...v,
      sharedOn: date(v.sharedAt),
      validUntil: date(v.linkExpiresAt),
      reports: v.reports.map((r) => ({ ...r, when: moment(r.at) })),
      additions: v.content?.story?.additions.map((a) => ({ ...a, when: date(a.at) })) ?? [],
    },
    done: new URL(request.url).searchParams.get("gedaan") === "1",
  });
}

// Arriving from a public page without a page load: the organisation's texts first (ADR 042).
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  await loadAllNamespaces();
  return serverLoader();
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const form = await request.formData();
  const t = getFixedT(detectLanguage(request), "referral");
  const values = { status: String(form.get("status") ?? ""), note: String(form.get("note") ?? "") };
  const fail = (errors: Record<string, string>) => json({ errors, values }, { status: 400 });
  const parsed = parseFormData(request, form, organisationReportSchema, {
    t,
    refusal: organisationRefusal,
    input: () => values,
    messageValues: { max: ORGANISATION_NOTE_MAX },
  });
  if (!parsed.ok) return fail(parsed.errors);
  const result = reportReferralStatus(token, parsed.data);
  if (!result.ok) {
    if ("problem" in result) throw refuse(result.problem);
    return fail({ status: t(result.reason === "same" ? "form.errors.same" : "gone.title") });
  }
  return redirect(`/verwijzing/${token}?gedaan=1`);
}

export default function ReferralPage() {
  const { view, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formsKey = useFormsKey();
  const { t } = useTranslation("referral");
  const errors = actionData?.errors;
  return (
    <div className="page referral-page" key={formsKey}>
      <h1>{t("title", { reference: view.reference })}</h1>
      <p className="lead">{t("lead", { organisation: view.organisation })}</p>
      {done ? (
        <div className="notice notice--success" role="status">
          <p>{t("report.done")}</p>
        </div>
      ) : null}

      <dl className="facts" aria-label={t("facts.label")}>
        <div className="facts__row">
          <dt>{t("facts.reference")}</dt>
          <dd>{view.reference}</dd>
        </div>
        <div className="facts__row">
          <dt>{t("facts.organisation")}</dt>
          <dd>{view.organisation}</dd>
        </div>
        <div className="facts__row">
          <dt>{t("facts.sharedAt")}</dt>
          <dd>{view.sharedOn}</dd>
        </div>
        <div className="facts__row">
          <dt>{t("facts.status")}</dt>
          <dd>{t(`status.${view.status}`)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t("facts.validUntil")}</dt>
          <dd>{view.validUntil}</dd>
        </div>
      </dl>

      <ReferralContentView content={view.content} withdrawn={view.withdrawn} additions={view.additions} />

      <section aria-labelledby="report-heading" className="referral-report">
        <h2 id="report-heading">{t("report.heading")}</h2>
        <p>{t("report.intro")}</p>
        {view.reports.length ? (
          <>
            <h3>{t("report.history")}</h3>
            <ul className="referral-history">
              {view.reports.map((r) => (
                <li key={r.at}>
                  {t("report.historyItem", { date: r.when, status: t(`status.${r.status}`) })}
                  {r.note ? <p className="referral-history__note">{r.note}</p> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <Form id="report" errors={errors}>
          <RadioGroup
            name="status"
            label={t("report.statusLabel")}
            defaultValue={actionData?.values.status || undefined}
            options={organisationStatuses.map((s) => ({
              value: s,
              label: t(`report.options.${s}.label`),
              hint: t(`report.options.${s}.hint`),
            }))}
            error={errors?.status}
          />
          <TextArea
            name="note"
            label={t("report.note")}
            hint={t("report.noteHint")}
            optional
            maxLength={ORGANISATION_NOTE_MAX}
            rows={5}
            defaultValue={actionData?.values.note ?? ""}
            error={errors?.note}
          />
          <Button>{t("report.submit")}</Button>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation("referral");
  const gone = isRouteErrorResponse(error) && error.status === 410;
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!gone && !notFound) throw error;
  const key = gone ? "gone" : "notFound";
  return (
    <div className="page">
      <h1>{t(`${key}.title`)}</h1>
      <p className="lead">{t(`${key}.text`)}</p>
    </div>
  );
}
