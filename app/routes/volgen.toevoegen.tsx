import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, ErrorSummary, Form, Link, TextArea } from "~/components/ui";
import { ADDITION_MAX, additionSchema } from "~/domain/follow-forms";
import { formValues, type Problems } from "~/domain/form-input";
import { parseInput } from "~/server/forms/parse-form.server";
import { reloadInOtherLanguage } from "~/i18n/locale.server";
import { SWITCH_LANGUAGE, type RouteHandle } from "~/route-handle";
import { addInformation, openCaseForAddition } from "~/server/follow.server";
import { FollowSessionNote, UnsentNotice } from "~/components/follow/SessionNotes";
import { followTimeout, formProblem, messagesOf, requireReporter } from "~/server/follow-route.server";
import { keepUnsavedForm, unsavedFormValues } from "~/server/follow-session.server";
import { takeUnsent } from "~/server/unsent.server";
import followStyles from "~/styles/follow.css?url";

// The language switch submits the form and keeps what is typed (ADR 023, 027).
export const handle: RouteHandle = {
  title: "follow:addition.title",
  languageForm: "addition",
  hydrate: false,
};
export const links = () => [{ rel: "stylesheet", href: followStyles }];

export function loader({ request }: LoaderFunctionArgs) {
  const { caseId, endsAt } = requireReporter(request);
  const found = openCaseForAddition(caseId);
  if (!found) throw redirect("/volgen/zaak");
  return json({
    kind: found.kind,
    unsaved: unsavedFormValues(request, "addition")?.addition ?? null,
    unsent: takeUnsent(caseId, "addition"),
    timeout: followTimeout(endsAt),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = formValues(form, ["addition"]);
  const { caseId } = requireReporter(request, { form, field: "addition", text: values.addition });
  const fail = (problems: Problems, status = 400) =>
    json({ errors: messagesOf(request, problems), values }, { status });
  const bad = formProblem(request, form);
  if (bad) return fail(bad);
  if (form.get("intent") === SWITCH_LANGUAGE) {
    keepUnsavedForm(request, { form: "addition", values });
    return reloadInOtherLanguage(request);
  }
  const parsed = parseInput(additionSchema, values);
  if (!parsed.ok) return fail(parsed.problems);
  const result = addInformation(caseId, parsed.data.addition);
  if (result === "closed") throw redirect("/volgen/zaak");
  // Over a limit: said plainly, and what they wrote stays in the field.
  // A day's limit passes (429); a full case stays full (400).
  if (result !== "added")
    return fail({ addition: { key: `follow:limits.${result}` } }, result === "additionsToday" ? 429 : 400);
  keepUnsavedForm(request, null);
  return redirect("/volgen/zaak?gedaan=toegevoegd");
}

export default function AddInformation() {
  const { kind, unsaved, unsent } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation("follow");
  const errors = data?.errors ?? {};
  return (
    <div className="page">
      <Link href="/volgen/zaak" variant="back">
        {t("backToCase")}
      </Link>
      <ErrorSummary errors={errors} />
      {unsent && !data ? <UnsentNotice /> : null}
      <Form id="addition" key={JSON.stringify(data ?? null)}>
        <div id="field-form" />
        <TextArea
          name="addition"
          labelIsHeading
          label={t(kind === "contact" ? "addition.labelContact" : "addition.label")}
          hint={t("addition.hint")}
          error={errors.addition}
          defaultValue={data?.values.addition ?? unsaved ?? unsent ?? ""}
          maxLength={ADDITION_MAX}
          rows={10}
        />
        <Button>{t("addition.submit")}</Button>
      </Form>
      <FollowSessionNote />
    </div>
  );
}
