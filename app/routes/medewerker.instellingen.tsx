import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, Form, TextField } from "~/components/ui";
import { parseSettings, type SettingField } from "~/domain/settings-form";
import type { RouteHandle } from "~/route-handle";
import { refusalOf } from "~/server/forms/parse-form.server";
import { currentSettings, saveSettings } from "~/server/settings.server";
import { staffTranslators } from "~/server/staff-i18n.server";
import { requireStaff } from "~/server/staff-session.server";

export const handle: RouteHandle = { title: "reports:settings.title" };

export function loader({ request }: LoaderFunctionArgs) {
  requireStaff(request, { permission: "settings.manage" });
  const saved = new URL(request.url).searchParams.has("opgeslagen");
  return json({ values: currentSettings(), saved });
}

export async function action({ request }: ActionFunctionArgs) {
  const me = requireStaff(request, { permission: "settings.manage" });
  const form = await request.formData();
  const { t, tErr } = staffTranslators(request);
  const fields = Object.fromEntries(form);
  const refused = refusalOf(request, form);
  if (refused) {
    return json(
      { errors: { form: tErr(refused === "csrf" ? "csrf" : "required") }, values: fields },
      { status: 400 },
    );
  }
  const parsed = parseSettings(fields);
  if (!parsed.ok) {
    const errors = Object.fromEntries(
      Object.entries(parsed.errors).map(([f, b]) => [f, t("reports:settings.errors.number", b)]),
    );
    return json({ errors, values: parsed.raw }, { status: 400 });
  }
  saveSettings(parsed.values, me.id);
  return redirect("/medewerker/instellingen?opgeslagen=1");
}

export default function Settings() {
  const { values, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("reports");
  const shown = (f: SettingField) => String(actionData?.values?.[f] ?? values[f]);
  const field = (f: SettingField, hint?: string) => (
    <TextField
      key={f}
      name={f}
      label={t(`settings.${f}`)}
      hint={hint}
      inputMode="numeric"
      width="short"
      defaultValue={shown(f)}
      error={actionData?.errors?.[f as keyof typeof actionData.errors]}
    />
  );
  return (
    <div className="page">
      <h1>{t("settings.title")}</h1>
      {saved && !actionData ? (
        <p className="notice" role="status">
          {t("settings.saved")}
        </p>
      ) : null}
      <p>{t("settings.intro")}</p>
      <Form errors={actionData?.errors} id="settings">
        <h2>{t("settings.deadlinesHeading")}</h2>
        {field("ackWorkingDays")}
        {field("ackWorkingDaysUrgent")}
        {field("answerWeeks")}
        <h2>{t("settings.retentionHeading")}</h2>
        {field("closedCaseMonths", t("settings.closedCaseMonthsHint"))}
        {field("auditMonths", t("settings.auditMonthsHint"))}
        <Button>{t("settings.save")}</Button>
      </Form>
    </div>
  );
}
