import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganisationFields } from "~/components/staff/OrganisationFields";
import { Button, Form, TextField } from "~/components/ui";
import {
  ORG_NAME_MAX,
  ORG_NOTES_MAX,
  organisationFieldErrors,
  organisationNewSchema,
} from "~/domain/organisations";
import type { RouteHandle } from "~/route-handle";
import { checkForm } from "~/server/csrf.server";
import { createOrganisation } from "~/server/organisations.server";
import { staffTranslators, translateErrors } from "~/server/staff-i18n.server";
import { requireStaff } from "~/server/staff-session.server";

export const handle: RouteHandle = { title: "staff:organisations.new.title" };

export function loader({ request }: LoaderFunctionArgs) {
  requireStaff(request, { permission: "organisations.manage" });
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const me = requireStaff(request, { permission: "organisations.manage" });
  const form = await request.formData();
  const { t, tErr } = staffTranslators(request);
  const values = {
    name: String(form.get("name") ?? ""),
    referralEmail: String(form.get("referralEmail") ?? ""),
    notes: String(form.get("notes") ?? ""),
  };
  const fail = (errors: Record<string, string>) => json({ errors, values }, { status: 400 });
  if (checkForm(request, form) !== "ok") return fail({ name: tErr("csrf") });
  const parsed = organisationNewSchema.safeParse(values);
  if (!parsed.success)
    return fail(
      translateErrors(organisationFieldErrors(parsed.error), t, {
        nameMax: ORG_NAME_MAX,
        notesMax: ORG_NOTES_MAX,
      }),
    );
  const id = createOrganisation(me, parsed.data);
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
