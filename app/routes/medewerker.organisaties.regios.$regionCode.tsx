import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField } from "~/components/staff/SelectField";
import { Button, Form } from "~/components/ui";
import { regionCoordinationSchema } from "~/domain/organisations";
import type { RouteHandle } from "~/route-handle";
import { parseFormData } from "~/server/forms/parse-form.server";
import { staffRefusal } from "~/server/forms/refusals.server";
import { getRegion, municipalityOptions, setRegionCoordination } from "~/server/organisations.server";
import { staffTranslators } from "~/server/staff-i18n.server";
import { requireStaff } from "~/server/staff-session.server";

export const handle: RouteHandle = {
  title: (t, data) => {
    const name = (data as { region?: { name: string } } | undefined)?.region?.name;
    return name ? t("staff:regions.edit.title", { region: name }) : t("staff:regions.title");
  },
};

function regionOr404(param: string | undefined) {
  const region = param && /^JZ\d{2}$/.test(param) ? getRegion(param) : null;
  if (!region) throw json({ reason: "not_found" }, { status: 404 });
  return region;
}

export function loader({ request, params }: LoaderFunctionArgs) {
  requireStaff(request, { permission: "organisations.manage" });
  return json({ region: regionOr404(params.regionCode), municipalities: municipalityOptions() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const me = requireStaff(request, { permission: "organisations.manage" });
  const region = regionOr404(params.regionCode);
  const form = await request.formData();
  const { t } = staffTranslators(request);
  const fail = (message: string) => json({ errors: { organisationId: message } }, { status: 400 });
  const parsed = parseFormData(request, form, regionCoordinationSchema, {
    t,
    refusal: staffRefusal("organisationId"),
  });
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
  const result = setRegionCoordination(me, region.code, parsed.data.organisationId);
  if (!result.ok && result.reason !== "same") return fail(t(`organisations.errors.${result.reason}`));
  return redirect("/medewerker/organisaties/regios?gedaan=saved");
}

export default function RegionCoordination() {
  const { region, municipalities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  return (
    <div className="page">
      <p>
        <Link to="/medewerker/organisaties/regios" className="link link--back">
          {t("regions.edit.back")}
        </Link>
      </p>
      <h1>{t("regions.edit.title", { region: region.name })}</h1>
      <p>{t("regions.edit.members", { names: region.members.map((m) => m.name).join(", ") })}</p>
      <Form id="coordination" errors={actionData?.errors}>
        <SelectField
          name="organisationId"
          label={t("regions.edit.label")}
          defaultValue={region.coordinatorId ? String(region.coordinatorId) : "none"}
          options={[
            { value: "none", label: t("regions.edit.none") },
            ...municipalities.map((m) => ({ value: String(m.id), label: m.name })),
          ]}
        />
        <Button>{t("regions.edit.save")}</Button>
      </Form>
    </div>
  );
}
