import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganisationFields } from "~/components/staff/OrganisationFields";
import { Button, Form, TextField } from "~/components/ui";
import { ORG_NAME_MAX, ORG_NOTES_MAX, organisationNewSchema } from "~/domain/organisations";
import type { RouteHandle } from "~/route-handle";
import { createOrganisation } from "~/server/organisations.server";
import { requireStaff } from "~/server/staff-session.server";
import { parseStaffForm } from "~/server/staff-form.server";

export const handle: RouteHandle = { title: "staff:organisations.new.title" };

export function loader({ request }: LoaderFunctionArgs) {
  requireStaff(request, { permission: "organisations.manage" });
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const me = requireStaff(request, { permission: "organisations.manage" });
  const valuesOf = (form: FormData) => ({
    name: String(form.get("name") ?? ""),
    referralEmail: String(form.get("referralEmail") ?? ""),
    notes: String(form.get("notes") ?? ""),
  });
  const f = await parseStaffForm(request, organisationNewSchema, {
    csrfField: "name",
    input: valuesOf,
    messageValues: { nameMax: ORG_NAME_MAX, notesMax: ORG_NOTES_MAX },
  });
  if (!f.ok) return json({ errors: f.errors, values: valuesOf(f.form) }, { status: 400 });
  const id = createOrganisation(me, f.data);
  return redirect(`/medewerker/organisaties/${id}?gedaan=created`);
}

export default function NewOrganisation() {
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
      <h1>{t("organisations.new.title")}</h1>
      <p className="lead">{t("organisations.new.intro")}</p>
      <Form id="new-organisation" errors={errors}>
        <TextField
          name="name"
          label={t("organisations.new.name")}
          hint={t("organisations.new.nameHint")}
          defaultValue={v?.name ?? ""}
          error={errors?.name}
        />
        <OrganisationFields referralEmail={v?.referralEmail ?? ""} notes={v?.notes ?? ""} errors={errors} />
        <Button>{t("organisations.new.submit")}</Button>
      </Form>
    </div>
  );
}
