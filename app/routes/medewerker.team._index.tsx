import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, isoDate } from "~/components/staff/format";
import { ActionForm, Button, RadioGroup } from "~/components/ui";
import { isStaffRole, staffRoles } from "~/domain/roles";
import type { RouteHandle } from "~/route-handle";
import { getEnv } from "~/config/env.server";
import { refusalOf } from "~/server/forms/parse-form.server";
import {
  createInvitation,
  listTeam,
  openInvitations,
  withdrawInvitation,
} from "~/server/staff-accounts/team.server";
import { flashCookie, takeFlash } from "~/server/staff-flash.server";
import { staffTranslators } from "~/server/staff-i18n.server";
import { requireStaff } from "~/server/staff-session.server";
import { ReflowTable } from "~/components/staff/ReflowTable";
import { CopyButton } from "~/components/staff/CopyButton";

export const handle: RouteHandle = { title: "staff:team.title" };

export function loader({ request }: LoaderFunctionArgs) {
  const me = requireStaff(request, { permission: "team.manage" });
  const { flash, setCookie } = takeFlash(request, me.id, "invitation");
  const url = new URL(request.url);
  return json(
    {
      team: listTeam(),
      invitations: openInvitations(),
      invitation: flash,
      meId: me.id,
      done: url.searchParams.get("gedaan"),
    },
    { headers: setCookie ? { "Set-Cookie": setCookie } : undefined },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const me = requireStaff(request, { permission: "team.manage" });
  const form = await request.formData();
  const { t, tErr } = staffTranslators(request);
  const intent = form.get("intent");
  if (refusalOf(request, form)) return json({ errors: { role: tErr("csrf") } }, { status: 400 });
  if (intent === "withdraw") {
    withdrawInvitation(me.id, Number(form.get("invitation")));
    return redirect("/medewerker/team?gedaan=withdrawn");
  }
  const role = form.get("role");
  if (!isStaffRole(role)) return json({ errors: { role: t("errors.roleRequired") } }, { status: 400 });
  const invitation = createInvitation(me.id, role, getEnv().PUBLIC_URL);
  return redirect("/medewerker/team", {
    headers: { "Set-Cookie": flashCookie(me.id, { kind: "invitation", role: String(role), ...invitation }) },
  });
}

export default function Team() {
  const { team, invitations, invitation, meId, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const cols = {
    name: t("team.columns.name"),
    email: t("team.columns.email"),
    role: t("team.columns.role"),
    state: t("team.columns.state"),
    lastSeen: t("team.columns.lastSeen"),
  };
  return (
    <>
      <h1>{t("team.title")}</h1>
      {invitation ? (
        <div className="notice notice--success" role="status">
          <h2 className="notice__title">{t("team.invitation.madeHeading")}</h2>
          <p>
            {t("team.invitation.made", {
              role: t(`roles.${invitation.role}`),
              date: formatDateTime(invitation.expiresAt, t),
            })}
          </p>
          <p className="invite-link">
            <code>{invitation.link}</code>
          </p>
          <p>
            <CopyButton text={invitation.link} />
          </p>
          <p>{t("team.invitation.once")}</p>
        </div>
      ) : null}
      {done === "withdrawn" ? (
        <div className="notice" role="status">
          <p>{t("team.invitation.withdrawn")}</p>
        </div>
      ) : null}

      <ReflowTable className="team-table" caption={t("team.caption")} columns={cols}>
        {team.map((s) => (
          <tr key={s.id}>
            <th scope="row" data-label={cols.name}>
              <Link to={`/medewerker/team/${s.id}`}>{s.name}</Link>
              {s.id === meId ? <> {t("team.you")}</> : null}
            </th>
            <td data-label={cols.email}>{s.email}</td>
            <td data-label={cols.role}>{t(`roles.${s.role}`)}</td>
            <td data-label={cols.state}>
              {s.active ? (
                <span className="tag tag--success">{t("team.active")}</span>
              ) : (
                <span className="tag tag--error">{t("team.inactive")}</span>
              )}{" "}
              {s.hasSecondFactor ? null : (
                <span className="tag tag--warning">{t("team.noSecondFactor")}</span>
              )}
            </td>
            <td data-label={cols.lastSeen}>
              {s.lastSeenAt ? (
                <time dateTime={isoDate(s.lastSeenAt)}>{formatDateTime(s.lastSeenAt, t)}</time>
              ) : (
                t("team.never")
              )}
            </td>
          </tr>
        ))}
      </ReflowTable>

      <div className="page">
        <h2>{t("team.invite.heading")}</h2>
        <p>{t("team.invite.text")}</p>
        <ActionForm id="invite" intent="invite" errors={actionData?.errors}>
          <RadioGroup
            name="role"
            label={t("team.invite.role")}
            options={staffRoles.map((r) => ({
              value: r,
              label: t(`roles.${r}`),
              hint: t(`team.invite.roleHint.${r}`),
            }))}
            error={actionData?.errors.role}
          />
          <Button>{t("team.invite.submit")}</Button>
        </ActionForm>

        <h2>{t("team.invitations.heading")}</h2>
        {invitations.length === 0 ? (
          <p>{t("team.invitations.none")}</p>
        ) : (
          <ul className="plain-list invitations">
            {invitations.map((i) => (
              <li key={i.id}>
                <p>
                  {t("team.invitations.item", {
                    role: t(`roles.${i.role}`),
                    by: i.createdBy ?? "",
                    date: formatDateTime(i.expiresAt, t),
                  })}
                </p>
                <ActionForm id={`withdraw-${i.id}`} intent="withdraw" values={{ invitation: i.id }}>
                  <Button variant="secondary">{t("team.invitations.withdraw")}</Button>
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
