import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useFormsKey } from "~/components/ui/use-forms-key";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, CheckboxGroup, Form, RadioGroup } from "~/components/ui";
import { intakeKinds } from "~/domain/intake/answers";
import { stepPath } from "~/domain/intake/steps";
import { entryChannels } from "~/domain/new-case";
import { caseEntrySchema } from "~/domain/staff-forms";
import type { RouteHandle } from "~/route-handle";
import { startEntryOnBehalf } from "~/server/intake/start.server";
import { requireStaff } from "~/server/staff-session.server";
import { parseStaffForm } from "~/server/staff-form.server";

export const handle: RouteHandle = { title: "staff:entry.title" };

/**
 * A case from a phone call or a visit (ADR 040): the worker goes through the same questions as the
 * person would online, in this browser, and reads the code and passphrase out at the end. The draft
 * records who entered it and how; the case's timeline and the audit log say so.
 */
export function loader({ request }: LoaderFunctionArgs) {
  requireStaff(request, { permission: "cases.handle" });
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  const me = requireStaff(request, { permission: "cases.handle" });
  const valuesOf = (form: FormData) => ({
    kind: String(form.get("kind") ?? ""),
    channel: String(form.get("channel") ?? ""),
    agreed: String(form.get("agreed") ?? ""),
  });
  const f = await parseStaffForm(request, caseEntrySchema, { csrfField: "kind", input: valuesOf });
  if (!f.ok) return json({ errors: f.errors, values: valuesOf(f.form) }, { status: 400 });
  const { kind, channel } = f.data;
  const setCookie = startEntryOnBehalf({ staffId: me.id, channel }, kind);
  return redirect(stepPath(kind, "who"), { headers: { "Set-Cookie": setCookie } });
}

export default function CaseEntry() {
  const actionData = useActionData<typeof action>();
  const formsKey = useFormsKey();
  const { t } = useTranslation("staff");
  const errors = actionData?.errors;
  return (
    <div className="page" key={formsKey}>
      <h1>{t("entry.title")}</h1>
      <p className="lead">{t("entry.lead")}</p>
      <ul>
        <li>{t("entry.steps.words")}</li>
        <li>{t("entry.steps.consent")}</li>
        <li>{t("entry.steps.receipt")}</li>
      </ul>
      <Form id="entry" errors={errors}>
        <RadioGroup
          name="kind"
          label={t("entry.kind.label")}
          defaultValue={actionData?.values.kind}
          options={intakeKinds.map((k) => ({ value: k, label: t(`entry.kind.options.${k}`) }))}
          error={errors?.kind}
        />
        <RadioGroup
          name="channel"
          label={t("entry.channel.label")}
          defaultValue={actionData?.values.channel}
          options={entryChannels.map((c) => ({ value: c, label: t(`entry.channel.options.${c}`) }))}
          error={errors?.channel}
        />
        <CheckboxGroup
          name="agreed"
          label={t("entry.agreed.label")}
          defaultValue={actionData?.values.agreed === "yes" ? ["yes"] : []}
          options={[{ value: "yes", label: t("entry.agreed.option") }]}
          error={errors?.agreed}
        />
        <Button>{t("entry.submit")}</Button>
      </Form>
    </div>
  );
}
