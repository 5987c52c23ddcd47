import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useFormsKey } from "~/components/ui/use-forms-key";
import { Form as GetForm, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganisationSelect } from "~/components/routing/OrganisationSelect";
import { ConfirmNotice } from "~/components/staff/ConfirmNotice";
import { formatDate } from "~/components/staff/format";
import { Button, CheckboxGroup, Form, TextArea } from "~/components/ui";
import { COVERING_NOTE_MAX, referralCreateSchema, referralParts, type PartState } from "~/domain/referrals";
import type { RouteHandle } from "~/route-handle";
import { parseFormData } from "~/server/forms/parse-form.server";
import { staffRefusal } from "~/server/forms/refusals.server";
import { referralChoices } from "~/server/referrals/choices.server";
import { createReferral } from "~/server/referrals/create.server";
import { staffTranslators } from "~/server/staff-i18n.server";
import { requireStaff } from "~/server/staff-session.server";

export const handle: RouteHandle = {
  title: (t, data) => {
    const code = (data as { choices?: { case: { code: string } } } | undefined)?.choices?.case.code;
    return code ? t("staff:routing.create.title", { code }) : t("staff:title");
  },
};

function idFrom(value: string | null | undefined): number | null {
  const id = Number(value);
  return value && Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function loader({ request, params }: LoaderFunctionArgs) {
  requireStaff(request, { permission: "cases.handle" });
  const caseId = idFrom(params.caseId);
  const selected = idFrom(new URL(request.url).searchParams.get("naar"));
  const choices = caseId ? referralChoices(caseId, selected) : null;
  if (!choices) throw json({ reason: "not_found" }, { status: 404 });
  return json({ choices });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const me = requireStaff(request, { permission: "cases.handle" });
  const caseId = idFrom(params.caseId);
  if (!caseId) throw json({ reason: "not_found" }, { status: 404 });
  const form = await request.formData();
  const { t } = staffTranslators(request);
  const values = {
    parts: form.getAll("parts").map(String),
    coveringNote: String(form.get("coveringNote") ?? ""),
  };
  const fail = (errors: Record<string, string>, status = 400) =>
    json({ errors, values, earlier: null }, { status });
  const parsed = parseFormData(request, form, referralCreateSchema, {
    t,
    refusal: staffRefusal("parts"),
    input: () => ({ organisationId: form.get("organisationId"), ...values }),
    messageValues: { max: COVERING_NOTE_MAX },
  });
  if (!parsed.ok) return fail(parsed.errors);
  const result = createReferral(me, caseId, parsed.data, Date.now(), {
    confirmRepeat: form.get("confirmRepeat") === "yes",
  });
  if (!result.ok) {
    if (result.reason === "not_found") throw json({ reason: "not_found" }, { status: 404 });
    // Not an error but a question: the same form comes back with the earlier referrals and a confirm button.
    if (result.reason === "already_referred")
      return json({ errors: {} as Record<string, string>, values, earlier: result.earlier }, { status: 409 });
    const part = result.part ? t(`routing.parts.${result.part}.label`, { defaultValue: result.part }) : "";
    return fail({ parts: t(`routing.errors.create.${result.reason}`, { part }) }, 409);
  }
  return redirect(`/medewerker/zaken/${caseId}?gedaan=referral#verwijzingen`);
}

const unavailableKey: Record<Exclude<PartState, "available">, string> = {
  no_consent: "routing.partState.no_consent",
  no_identity_consent: "routing.partState.no_identity_consent",
  not_in_case: "routing.partState.not_in_case",
};

export default function Refer() {
  const { choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formsKey = useFormsKey();
  const { t } = useTranslation("staff");
  const c = choices.case;
  const selected = choices.selected;
  const errors = actionData?.errors;
  const available = selected ? referralParts.filter((p) => selected.options.parts[p] === "available") : [];
  const unavailable = selected ? referralParts.filter((p) => selected.options.parts[p] !== "available") : [];
  return (
    <div className="page refer" key={formsKey}>
      <p>
        <Link to={`/medewerker/zaken/${c.id}#verwijzingen`} className="link link--back">
          {t("routing.create.back", { code: c.code })}
        </Link>
      </p>
      <h1>{t("routing.create.title", { code: c.code })}</h1>
      <p className="lead">{t("routing.create.intro")}</p>

      {c.closed ? (
        <div className="notice">
          <p>{t("routing.create.closed")}</p>
        </div>
      ) : (
        <>
          <h2>{t("routing.create.step1")}</h2>
          <GetForm method="get" className="refer__choose" aria-label={t("routing.create.step1")}>
            <OrganisationSelect
              name="naar"
              label={t("routing.create.organisation")}
              hint={t("routing.create.organisationHint")}
              placeholder={t("routing.create.choose")}
              defaultValue={selected ? String(selected.id) : ""}
              groups={[
                { label: t("routing.create.groups.suggested"), options: choices.groups.suggested },
                { label: t("routing.create.groups.national"), options: choices.groups.national },
                { label: t("routing.create.groups.other"), options: choices.groups.other },
                { label: t("routing.create.groups.municipalities"), options: choices.groups.municipalities },
              ]}
            />
            <button type="submit" className="button button--secondary">
              {t("routing.create.chooseSubmit")}
            </button>
          </GetForm>

          {selected ? (
            <>
              <h2>{t("routing.create.step2", { name: selected.name })}</h2>
              {selected.options.block ? (
                <div className="notice notice--warning" role="status">
                  <h3 className="notice__title">{t("routing.create.cannot", { name: selected.name })}</h3>
                  <p>
                    {t(`routing.block.${selected.options.block}`, {
                      name: selected.name,
                      own: selected.ownMunicipality ?? t("routing.create.unknownMunicipality"),
                    })}
                  </p>
                </div>
              ) : (
                <Form id="refer" errors={errors}>
                  <input type="hidden" name="organisationId" value={selected.id} />
                  <CheckboxGroup
                    name="parts"
                    label={t("routing.create.parts")}
                    hint={t("routing.create.partsHint")}
                    defaultValue={actionData?.values.parts ?? []}
                    options={available.map((p) => ({
                      value: p,
                      label: t(`routing.parts.${p}.label`),
                      hint: t(`routing.parts.${p}.hint`),
                    }))}
                    error={errors?.parts}
                  />
                  {unavailable.length ? (
                    <div className="refer__unavailable">
                      <h3>{t("routing.create.unavailable")}</h3>
                      <ul>
                        {unavailable.map((p) => {
                          const state = selected.options.parts[p];
                          return (
                            <li key={p}>
                              <strong>{t(`routing.parts.${p}.label`)}</strong>:{" "}
                              {state !== "available" ? t(unavailableKey[state]) : null}
                            </li>
                          );
                        })}
                      </ul>
                    </div>
                  ) : null}
                  <TextArea
                    name="coveringNote"
                    label={t("routing.create.note")}
                    hint={t("routing.create.noteHint")}
                    optional
                    maxLength={COVERING_NOTE_MAX}
                    rows={5}
                    defaultValue={actionData?.values.coveringNote ?? ""}
                    error={errors?.coveringNote}
                  />
                  <div className="notice">
                    <p>{t("routing.create.mailInfo", { name: selected.name })}</p>
                  </div>
                  {actionData?.earlier?.length ? (
                    <ConfirmNotice title={t("routing.create.repeat.title", { name: selected.name })}>
                      <ul>
                        {actionData.earlier.map((e) => (
                          <li key={e.reference}>
                            {t("routing.create.repeat.item", {
                              reference: e.reference,
                              date: formatDate(e.createdAt, t),
                              status: t(`routing.statuses.${e.status}`, { defaultValue: e.status }),
                            })}
                          </li>
                        ))}
                      </ul>
                      <p>{t("routing.create.repeat.ask")}</p>
                      <input type="hidden" name="confirmRepeat" value="yes" />
                    </ConfirmNotice>
                  ) : null}
                  <Button>
                    {actionData?.earlier?.length
                      ? t("routing.create.repeat.confirm", { name: selected.name })
                      : t("routing.create.submit", { name: selected.name })}
                  </Button>
                </Form>
              )}
            </>
          ) : null}
        </>
      )}
    </div>
  );
}
