import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useFormsKey } from "~/components/ui/use-forms-key";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CheckboxGroup, Form } from "~/components/ui";
import { isStaffAlertKind, staffAlertKinds } from "~/domain/staff-alerts";
import type { RouteHandle } from "~/route-handle";
import { refusalOf } from "~/server/forms/parse-form.server";
import { alertsOn, saveAlertsOn } from "~/server/staff-alerts.server";
import { staffTranslators } from "~/server/staff-i18n.server";
import { requireStaff } from "~/server/staff-session.server";

export const handle: RouteHandle = { title: "staff:alerts.title" };

/** Everyone chooses which e-mail alerts they get (issue 16, point 2); all are on until turned off. */
export function loader({ request }: LoaderFunctionArgs) {
  const me = requireStaff(request);
  return json({ on: alertsOn(me.id), done: new URL(request.url).searchParams.has("gedaan") });
}

export async function action({ request }: ActionFunctionArgs) {
  const me = requireStaff(request);
  const form = await request.formData();
  const { tErr } = staffTranslators(request);
  if (refusalOf(request, form)) return json({ errors: { on: tErr("csrf") } }, { status: 400 });
  saveAlertsOn(me.id, form.getAll("on").filter(isStaffAlertKind));
  return redirect("/medewerker/e-mails?gedaan");
}

export default function AlertSettings() {
  const { on, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formsKey = useFormsKey();
  const { t } = useTranslation("staff");
  return (
    <div className="page" key={formsKey}>
      <h1>{t("alerts.title")}</h1>
      {done && !actionData ? (
        <div className="notice notice--success" role="status">
          <p>{t("alerts.saved")}</p>
        </div>
      ) : null}
      <p className="lead">{t("alerts.intro")}</p>
      <Form errors={actionData?.errors} id="alerts">
        <CheckboxGroup
          name="on"
          label={t("alerts.legend")}
          hint={t("alerts.hint")}
          options={staffAlertKinds.map((k) => ({ value: k, label: t(`alerts.kinds.${k}`) }))}
          defaultValue={on}
          error={actionData?.errors.on}
        />
        <Button>{t("alerts.save")}</Button>
      </Form>
    </div>
  );
}
