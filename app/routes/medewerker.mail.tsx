import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, isoDate } from "~/components/staff/format";
import { Button, Form } from "~/components/ui";
import type { RouteHandle } from "~/route-handle";
import { refusalOf } from "~/server/forms/parse-form.server";
import { mailProblems, retryProblemMail } from "~/server/mail-admin.server";
import { staffTranslators } from "~/server/staff-i18n.server";
import { requireStaff } from "~/server/staff-session.server";
import { ReflowTable } from "~/components/staff/ReflowTable";

export const handle: RouteHandle = { title: "staff:mail.title" };

export function loader({ request }: LoaderFunctionArgs) {
  requireStaff(request, { permission: "mail.manage" });
  return json({ ...mailProblems(), done: new URL(request.url).searchParams.get("gedaan") });
}

export async function action({ request }: ActionFunctionArgs) {
  const me = requireStaff(request, { permission: "mail.manage" });
  const form = await request.formData();
  const { t, tErr } = staffTranslators(request);
  const id = Number(form.get("mailId"));
  const field = `mail-${Number.isSafeInteger(id) ? id : 0}`;
  const fail = (message: string, status = 400) => json({ errors: { [field]: message } }, { status });
  if (refusalOf(request, form)) return fail(tErr("csrf"));
  if (!Number.isSafeInteger(id) || id < 1) return fail(t("mail.errors.not_found"));
  const result = retryProblemMail(me, id);
  if (!result.ok) return fail(t(`mail.errors.${result.reason}`), 409);
  return redirect("/medewerker/mail?gedaan=retried");
}

export default function Mail() {
  const { rows, queued, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const cols = {
    what: t("mail.columns.what"),
    created: t("mail.columns.created"),
    attempts: t("mail.columns.attempts"),
    state: t("mail.columns.state"),
    action: t("mail.columns.action"),
  };
  return (
    <>
      <h1>{t("mail.title")}</h1>
      <p className="lead">{t("mail.intro")}</p>
      {done ? (
        <div className="notice notice--success" role="status">
          <p>{t("mail.retried")}</p>
        </div>
      ) : null}
      <p className="queue-total">{t("mail.queued", { count: queued })}</p>
      {rows.length === 0 ? (
        <p>{t("mail.empty")}</p>
      ) : (
        <ReflowTable className="mail-table" caption={t("mail.caption")} columns={cols}>
          {rows.map((m) => {
            const what = t(`mail.kinds.${m.kind}`, { reference: m.reference, purpose: m.purpose });
            const field = `mail-${m.id}`;
            const error = actionData?.errors[field];
            return (
              <tr key={m.id}>
                <th scope="row" data-label={cols.what}>
                  {what}
                  {m.caseId ? (
                    <>
                      {" · "}
                      <Link to={`/medewerker/zaken/${m.caseId}#verwijzingen`}>{t("mail.openCase")}</Link>
                    </>
                  ) : null}
                </th>
                <td data-label={cols.created}>
                  <time dateTime={isoDate(m.createdAt)}>{formatDateTime(m.createdAt, t)}</time>
                </td>
                <td data-label={cols.attempts}>{m.attempts}</td>
                <td data-label={cols.state}>
                  {m.cancelled ? (
                    <span>{t("mail.cancelled")}</span>
                  ) : m.uncertain && m.startedAt ? (
                    <span className="tag tag--warning">
                      {t("mail.uncertain", { time: formatDateTime(m.startedAt, t) })}
                    </span>
                  ) : (
                    <>
                      <span className="tag tag--error">{t("mail.failed")}</span>
                      {m.lastError ? (
                        <p className="mail-table__error">{t("mail.lastError", { error: m.lastError })}</p>
                      ) : null}
                    </>
                  )}
                </td>
                <td data-label={cols.action}>
                  {m.cancelled ? null : (
                    <Form id={`retry-${m.id}`} errors={error ? { [field]: error } : undefined}>
                      <input type="hidden" name="mailId" value={m.id} />
                      {error ? (
                        <p className="field__error" id={`field-${field}`}>
                          {error}
                        </p>
                      ) : null}
                      <Button variant="secondary" aria-label={t("mail.retryLabel", { what })}>
                        {t("mail.retry")}
                      </Button>
                    </Form>
                  )}
                </td>
              </tr>
            );
          })}
        </ReflowTable>
      )}
    </>
  );
}
