import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useFormsKey } from "~/components/ui/use-forms-key";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/staff/SelectField";
import { useCachedT } from "~/components/staff/use-cached-t";
import { Button, CheckboxGroup, Form, TextField } from "~/components/ui";
import { themes } from "~/domain/case-content";
import { formInputFrom, type FormInput } from "~/domain/intake/validation";
import { periodOf } from "~/domain/period";
import type { RouteHandle } from "~/route-handle";
import { editFacts, factsForm } from "~/server/case-admin/facts.server";
import { refusalOf } from "~/server/forms/parse-form.server";
import { flashCookie } from "~/server/staff-flash.server";
import { staffTranslators } from "~/server/staff-i18n.server";
import { requireStaff } from "~/server/staff-session.server";

export const handle: RouteHandle = {
  title: (t, data) => {
    const code = (data as { form?: { case: { code: string } } } | undefined)?.form?.case.code;
    return code ? t("staff:facts.title", { code }) : t("staff:title");
  },
};

function caseIdFrom(param: string | undefined): number {
  const id = Number(param);
  if (!Number.isSafeInteger(id) || id < 1) throw json({ reason: "not_found" }, { status: 404 });
  return id;
}

export function loader({ request, params }: LoaderFunctionArgs) {
  requireStaff(request, { permission: "cases.handle" });
  const form = factsForm(caseIdFrom(params.caseId));
  if (!form) throw json({ reason: "not_found" }, { status: 404 });
  return json({ form });
}

/** What the person sent, without the form's own fields: shown again so nothing chosen is lost. */
function kept(input: FormInput) {
  const one = (k: string) => (typeof input[k] === "string" ? (input[k] as string) : "");
  const list = input.themes;
  return {
    municipality: one("municipality"),
    unit: one("unit"),
    periodFrom: one("periodFrom"),
    periodTo: one("periodTo"),
    themes: Array.isArray(list) ? list : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const me = requireStaff(request, { permission: "cases.handle" });
  const id = caseIdFrom(params.caseId);
  const formData = await request.formData();
  const { t, tErr } = staffTranslators(request);
  const input = formInputFrom(formData);
  const values = kept(input);
  const fail = (errors: Record<string, string>, status = 400) => json({ errors, values }, { status });
  if (refusalOf(request, formData)) return fail({ municipality: tErr("csrf") });
  const result = editFacts(id, me, input);
  if (!result.ok) {
    if (result.reason === "not_found") throw json({ reason: "not_found" }, { status: 404 });
    if (result.reason === "same") return fail({ municipality: t("facts.errors.same") }, 409);
    return fail(
      Object.fromEntries(
        Object.entries(result.errors).map(([field, e]) => [
          field,
          t([`facts.errors.${field}.${e.key}`, `facts.errors.${e.key}`], e.params ?? {}),
        ]),
      ),
    );
  }
  return redirect(`/medewerker/zaken/${id}?gedaan=facts`, {
    headers: { "Set-Cookie": flashCookie(me.id, { kind: "acted", caseId: id }) },
  });
}

export default function EditFacts() {
  const { form } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formsKey = useFormsKey();
  const t = useCachedT();
  const f = form.facts;
  const errors = actionData?.errors;
  const v = actionData?.values;
  const unitSlug = form.units.find((u) => u.id === f.unitId)?.slug ?? "";
  const period = periodOf(f.periodFrom, f.periodTo);
  return (
    <div className="page" key={formsKey}>
      <p>
        <Link to={`/medewerker/zaken/${form.case.id}`} className="link link--back">
          {t("facts.back", { code: form.case.code })}
        </Link>
      </p>
      <h1>{t("facts.title", { code: form.case.code })}</h1>
      <p className="lead">{t("facts.intro")}</p>
      <Form id="facts" errors={errors}>
        <SelectField
          name="municipality"
          label={t("facts.labels.municipality")}
          defaultValue={v ? v.municipality : (f.municipalityCode ?? "")}
          error={errors?.municipality}
          options={[
            { value: "", label: t("case.unknown") },
            ...form.municipalities.map((m) => ({ value: m.code, label: m.name })),
          ]}
        />
        <SelectField
          name="unit"
          label={t("facts.labels.unit")}
          defaultValue={v ? v.unit : unitSlug}
          error={errors?.unit}
          options={[
            { value: "", label: t("case.unknown") },
            ...form.units.map((u) => ({ value: u.slug, label: `${u.name}, ${u.place}` })),
          ]}
        />
        <TextField
          name="periodFrom"
          label={t("facts.labels.periodFrom")}
          hint={t("facts.yearHint")}
          optional
          width="short"
          inputMode="numeric"
          defaultValue={v ? v.periodFrom : period.fromYear ? String(period.fromYear) : ""}
          error={errors?.periodFrom}
        />
        <TextField
          name="periodTo"
          label={t("facts.labels.periodTo")}
          hint={t("facts.yearHint")}
          optional
          width="short"
          inputMode="numeric"
          defaultValue={v ? v.periodTo : period.toYear ? String(period.toYear) : ""}
          error={errors?.periodTo}
        />
        <CheckboxGroup
          name="themes"
          label={t("facts.labels.themes")}
          optional
          defaultValue={v ? v.themes : f.themes}
          options={themes.map((k) => ({ value: k, label: t(`themes.${k}`) }))}
          error={errors?.themes}
        />
        <Button>{t("facts.save")}</Button>
      </Form>
    </div>
  );
}
