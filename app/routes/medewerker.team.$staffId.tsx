import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useFormsKey } from "~/components/ui/use-forms-key";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionForm, Button, CheckboxGroup, RadioGroup } from "~/components/ui";
import { isStaffRole, mayManageAccount, staffRoles } from "~/domain/roles";
import type { RouteHandle } from "~/route-handle";
import { refusalOf } from "~/server/forms/parse-form.server";
import { getEnv } from "~/config/env.server";
import { CopyButton } from "~/components/staff/CopyButton";
import { formatDateTime } from "~/components/staff/format";
import { createPasswordResetLink } from "~/server/staff-accounts/passwords.server";
import {
  changeRole,
  getStaffMember,
  resetSecondFactor,
  setActive,
} from "~/server/staff-accounts/team.server";
import { flashCookie, takeFlash } from "~/server/staff-flash.server";
import { staffTranslators } from "~/server/staff-i18n.server";
import { requireStaff } from "~/server/staff-session.server";

export const handle: RouteHandle = {
  title: (t, data) => {
    const name = (data as { member?: { name: string } } | undefined)?.member?.name;
    return name ? t("staff:member.title", { name }) : t("staff:team.title");
  },
};

function memberOr404(param: string | undefined) {
  const id = Number(param);
  const member = Number.isSafeInteger(id) && id > 0 ? getStaffMember(id) : undefined;
  if (!member) throw json({ reason: "not_found" }, { status: 404 });
  return { ...member, hasSecondFactor: Boolean(member.hasSecondFactor) };
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const me = requireStaff(request, { permission: "team.manage" });
  const member = memberOr404(params.staffId);
  const { flash, setCookie } = takeFlash(request, me.id, "password_reset_link");
  return json(
    {
      member,
      mayManage: mayManageAccount(me, member),
      done: new URL(request.url).searchParams.get("gedaan"),
      resetLink: flash?.forStaffId === member.id ? flash : null,
    },
    { headers: setCookie ? { "Set-Cookie": setCookie } : undefined },
  );
}

const fieldOf = {
  role: "role",
  active: "confirmActive",
  reset: "confirmReset",
  password: "passwordLink",
} as const;
type Intent = keyof typeof fieldOf;

export async function action({ request, params }: ActionFunctionArgs) {
  const me = requireStaff(request, { permission: "team.manage" });
  const member = memberOr404(params.staffId);
  const form = await request.formData();
  const { t, tErr } = staffTranslators(request);
  const intent = (
    Object.keys(fieldOf).includes(String(form.get("intent"))) ? form.get("intent") : "role"
  ) as Intent;
  const fail = (message: string, status = 400) =>
    json({ intent, errors: { [fieldOf[intent]]: message } }, { status });
  if (refusalOf(request, form)) return fail(tErr("csrf"));
  if (!mayManageAccount(me, member)) return fail(t("errors.notYourself"), 403);
  const back = (done: string) => redirect(`/medewerker/team/${member.id}?gedaan=${done}`);
  if (intent === "role") {
    const role = form.get("role");
    if (!isStaffRole(role)) return fail(t("errors.roleRequired"));
    if (role === member.role) return fail(t("errors.roleSame"));
    changeRole(me.id, member.id, role);
    return back("role");
  }
  if (intent === "active") {
    if (member.active && form.get("confirmActive") !== "yes") return fail(t("errors.confirmDeactivate"));
    setActive(me.id, member.id, !member.active);
    return back(member.active ? "deactivated" : "reactivated");
  }
  if (intent === "password") {
    const made = createPasswordResetLink(me.id, member.id, getEnv().PUBLIC_URL);
    if (!made) return fail(t("errors.resetNotPossible"));
    return redirect(`/medewerker/team/${member.id}?gedaan=resetLink`, {
      headers: {
        "Set-Cookie": flashCookie(me.id, { kind: "password_reset_link", forStaffId: member.id, ...made }),
      },
    });
  }
  if (form.get("confirmReset") !== "yes") return fail(t("errors.confirmReset"));
  resetSecondFactor(me.id, member.id);
  return back("reset");
}

export default function Member() {
  const { member, mayManage, done, resetLink } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formsKey = useFormsKey();
  const { t } = useTranslation("staff");
  const errorsFor = (intent: Intent) => (actionData?.intent === intent ? actionData.errors : undefined);
  return (
    <div className="page" key={formsKey}>
      <p>
        <Link to="/medewerker/team" className="link link--back">
          {t("member.back")}
        </Link>
      </p>
      <h1>{t("member.title", { name: member.name })}</h1>
      {resetLink && !actionData ? (
        <div className="notice notice--success" role="status">
          <h2 className="notice__title">{t("memberReset.madeHeading")}</h2>
          <p>{t("memberReset.made", { name: member.name, date: formatDateTime(resetLink.expiresAt, t) })}</p>
          <p className="invite-link">
            <code>{resetLink.link}</code>
          </p>
          <p>
            <CopyButton text={resetLink.link} />
          </p>
          <p>{t("memberReset.once")}</p>
        </div>
      ) : done && !actionData ? (
        <div className="notice notice--success" role="status">
          <p>{t(`member.done.${done}`, { defaultValue: t("case.done.default") })}</p>
        </div>
      ) : null}
      <dl className="facts">
        <div className="facts__row">
          <dt>{t("team.columns.email")}</dt>
          <dd>{member.email}</dd>
        </div>
        <div className="facts__row">
          <dt>{t("team.columns.role")}</dt>
          <dd>{t(`roles.${member.role}`)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t("team.columns.state")}</dt>
          <dd>{member.active ? t("team.active") : t("team.inactive")}</dd>
        </div>
        <div className="facts__row">
          <dt>{t("member.secondFactor")}</dt>
          <dd>{member.hasSecondFactor ? t("member.secondFactorSet") : t("member.secondFactorMissing")}</dd>
        </div>
      </dl>

      {!mayManage ? (
        <div className="notice">
          <p>{t("member.yourself")}</p>
        </div>
      ) : (
        <>
          <h2>{t("member.roleHeading")}</h2>
          <ActionForm id="role" intent="role" errors={errorsFor("role")}>
            <RadioGroup
              name="role"
              label={t("member.newRole")}
              defaultValue={member.role}
              options={staffRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              error={errorsFor("role")?.role}
            />
            <Button variant="secondary">{t("member.changeRole")}</Button>
          </ActionForm>

          <h2>{t("memberReset.heading")}</h2>
          {member.active ? (
            <>
              <p>{t("memberReset.text", { name: member.name })}</p>
              <ActionForm id="password-link" intent="password" errors={errorsFor("password")}>
                <Button variant="secondary">{t("memberReset.submit")}</Button>
              </ActionForm>
            </>
          ) : (
            <p>{t("memberReset.inactive")}</p>
          )}

          <h2>{t(member.active ? "member.deactivateHeading" : "member.reactivateHeading")}</h2>
          <p>{t(member.active ? "member.deactivateText" : "member.reactivateText")}</p>
          <ActionForm id="active" intent="active" errors={errorsFor("active")}>
            {member.active ? (
              <CheckboxGroup
                name="confirmActive"
                label={t("member.confirmLabel")}
                options={[{ value: "yes", label: t("member.confirmDeactivate", { name: member.name }) }]}
                error={errorsFor("active")?.confirmActive}
              />
            ) : null}
            <Button variant={member.active ? "warning" : "secondary"}>
              {t(member.active ? "member.deactivate" : "member.reactivate")}
            </Button>
          </ActionForm>

          <h2>{t("member.resetHeading")}</h2>
          <p>{t("member.resetText")}</p>
          <ActionForm id="reset" intent="reset" errors={errorsFor("reset")}>
            <CheckboxGroup
              name="confirmReset"
              label={t("member.confirmLabel")}
              options={[{ value: "yes", label: t("member.confirmReset", { name: member.name }) }]}
              error={errorsFor("reset")?.confirmReset}
            />
            <Button variant="warning">{t("member.reset")}</Button>
          </ActionForm>
        </>
      )}
    </div>
  );
}
