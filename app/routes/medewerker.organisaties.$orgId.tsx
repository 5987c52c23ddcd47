import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganisationFields } from "~/components/staff/OrganisationFields";
import { SelectField } from "~/components/staff/SelectField";
import { Button, CheckboxGroup, Form } from "~/components/ui";
import { ORG_NOTES_MAX, organisationEditSchema } from "~/domain/organisations";
import type { RouteHandle } from "~/route-handle";
import { parseFormData } from "~/server/forms/parse-form.server";
import { staffRefusal } from "~/server/forms/refusals.server";
import { getOrganisation, regionOptions, updateOrganisation } from "~/server/organisations.server";
import { staffTranslators } from "~/server/staff-i18n.server";
import { requireStaff } from "~/server/staff-session.server";

export const handle: RouteHandle = {
  title: (t, data) => {
    const name = (data as { org?: { name: string } } | undefined)?.org?.name;
    return name ? t("staff:organisations.edit.title", { name }) : t("staff:organisations.title");
  },
};

function orgOr404(param: string | undefined) {
  const id = Number(param);
  const org = Number.isSafeInteger(id) && id > 0 ? getOrganisation(id) : null;
  if (!org) throw json({ reason: "not_found" }, { status: 404 });
  return org;
}

export function loader({ request, params }: LoaderFunctionArgs) {
  requireStaff(request, { permission: "organisations.manage" });
  const org = orgOr404(params.orgId);
  return json({
    org,
    regions: org.kind === "gemeente" ? regionOptions() : [],
    done: new URL(request.url).searchParams.get("gedaan"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const me = requireStaff(request, { permission: "organisations.manage" });
  const org = orgOr404(params.orgId);
  const form = await request.formData();
  const { t } = staffTranslators(request);
  const values = {
    referralEmail: String(form.get("referralEmail") ?? ""),
    notes: String(form.get("notes") ?? ""),
    active: form.get("active") === "yes",
    regionCode: String(form.get("regionCode") ?? ""),
  };
  const fail = (errors: Record<string, string>) => json({ errors, values }, { status: 400 });
  const parsed = parseFormData(request, form, organisationEditSchema, {
    t,
    refusal: staffRefusal("referralEmail"),
    messageValues: { notesMax: ORG_NOTES_MAX },
  });
  if (!parsed.ok) return fail(parsed.errors);
  const result = updateOrganisation(me, org.id, parsed.data);
  if (!result.ok) {
    if (result.reason === "not_found") throw json({ reason: "not_found" }, { status: 404 });
    return fail({ regionCode: t("organisations.errors.regionInvalid") });
  }
  return redirect(`/medewerker/organisaties/${org.id}?gedaan=saved`);
}

export default function EditOrganisation() {
  const { org, regions, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const errors = actionData?.errors;
  const v = actionData?.values;
  return (
    <div className="page">
      <p>
        <Link to="/medewerker/organisaties" className="link link--back">
          {t("organisations.edit.back")}
        </Link>
      </p>
      <h1>{org.name}</h1>
      {done ? (
        <div className="notice notice--success" role="status">
          <p>{t("organisations.done.saved")}</p>
        </div>
      ) : null}
      <dl className="facts">
        <div className="facts__row">
          <dt>{t("organisations.columns.kind")}</dt>
          <dd>{t(`organisations.kinds.${org.kind}`)}</dd>
        </div>
        {org.cbsCode ? (
          <div className="facts__row">
            <dt>{t("organisations.edit.cbsCode")}</dt>
            <dd>{org.cbsCode}</dd>
          </div>
        ) : null}
        {org.province ? (
          <div className="facts__row">
            <dt>{t("organisations.edit.province")}</dt>
            <dd>{org.province}</dd>
          </div>
        ) : null}
        {org.formerNames.length ? (
          <div className="facts__row">
            <dt>{t("organisations.edit.formerNames")}</dt>
            <dd>{org.formerNames.map((f) => `${f.oldName} (${f.oldCode})`).join(", ")}</dd>
          </div>
        ) : null}
        {org.kind === "gemeente" ? (
          <div className="facts__row">
            <dt>{t("organisations.edit.coordinates")}</dt>
            <dd>
              {org.coordinates.length
                ? org.coordinates.map((r) => r.name).join(", ")
                : t("organisations.edit.coordinatesNone")}{" "}
              <Link to="/medewerker/organisaties/regios">{t("organisations.edit.coordinatesChange")}</Link>
            </dd>
          </div>
        ) : null}
      </dl>

      <h2>{t("organisations.edit.heading")}</h2>
      <Form id="organisation" errors={errors}>
        <OrganisationFields
          referralEmail={v ? v.referralEmail : (org.referralEmail ?? "")}
          notes={v ? v.notes : (org.notes ?? "")}
          errors={errors}
        />
        {org.kind === "gemeente" ? (
          <SelectField
            name="regionCode"
            label={t("organisations.edit.region")}
            defaultValue={v ? v.regionCode : (org.regionCode ?? "")}
            options={regions.map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
          />
        ) : null}
        <CheckboxGroup
          name="active"
          label={t("organisations.edit.activeLabel")}
          hint={t("organisations.edit.activeHint")}
          defaultValue={(v ? v.active : org.active) ? ["yes"] : []}
          options={[{ value: "yes", label: t("organisations.edit.active") }]}
        />
        <Button>{t("organisations.edit.save")}</Button>
      </Form>
    </div>
  );
}
