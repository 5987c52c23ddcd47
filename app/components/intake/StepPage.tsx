/**
 * One question per page (GOV.UK): back link, error summary, "Question 3", the question as <h1>,
 * "Continue". The fields show what the person typed last (the action's `values`) or what the draft holds.
 */
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CRISIS_ID } from "~/components/layout/Frame";
import { crisisLines } from "~/config/crisis-lines";
import { Button, Form, Link } from "~/components/ui";
import type { stepAction, stepLoader } from "~/server/intake/step.server";
import { roleContext } from "./kind";
import { OnBehalfNotice } from "./OnBehalfNotice";
import { stepFields } from "./step-fields";
import type { Errors, StepData, Values } from "./step-fields/shared";

export function StepPage() {
  const data = useLoaderData<typeof stepLoader>();
  // Remount per step: the fields are uncontrolled, and a new step must not keep the last one's values.
  return <Step key={`${data.step}${data.changing ? "-change" : ""}`} data={data} />;
}

function Step({ data }: { data: StepData }) {
  const { t } = useTranslation();
  const action = useActionData<typeof stepAction>();
  const navigation = useNavigation();
  const values: Values = action?.values ?? data.values;
  const errors: Errors = action?.errors ?? {};
  const Fields = stepFields[data.step];
  return (
    <div className="page intake">
      <Link variant="back" href={data.backHref}>
        {t("back")}
      </Link>
      <OnBehalfNotice channel={data.onBehalf} />
      {data.urgentNotice ? <UrgentNotice context={roleContext(data.role)} /> : null}
      <Form errors={errors} id="intake-step">
        {data.changing ? <input type="hidden" name="change" value="1" /> : null}
        <p className="intake__progress">{t("intake:progress", { number: data.number })}</p>
        <Fields data={data} values={values} errors={errors} />
        <Button isDisabled={navigation.state === "submitting"}>{t("continue")}</Button>
      </Form>
      {data.step === "who" && !data.onBehalf ? <CallMe /> : null}
    </div>
  );
}

/**
 * Short, above every question after "No, I'm not safe": 112 at once, the other lines one tap away (the
 * crisis block, like the header's "Help now"). The whole list here pushed the question a screen down.
 */
function UrgentNotice({ context }: { context: string | undefined }) {
  const { t } = useTranslation("intake");
  const emergency = crisisLines.find((line) => line.id === "emergency")!;
  return (
    <div className="notice intake-urgent">
      <h2 className="intake-urgent__heading">{t("urgentNotice.heading")}</h2>
      <p>{t("urgentNotice.text", { context })}</p>
      <ul className="intake-crisis">
        <li>
          <a href={emergency.href}>{t("common:crisis.emergency", { number: emergency.number })}</a>
        </li>
        <li>
          <a href={`#${CRISIS_ID}`}>{t("urgentNotice.allLines")}</a>
        </li>
      </ul>
    </div>
  );
}

/** A young person who would rather talk need not write first: the short "call me" request instead. */
function CallMe() {
  const { t } = useTranslation("intake");
  return (
    <aside className="intake-call-me" aria-labelledby="call-me-heading">
      <h2 id="call-me-heading">{t("who.callMe.heading")}</h2>
      <p>{t("who.callMe.text")}</p>
      <p>
        <Link href="/bel-mij">{t("who.callMe.link")}</Link>
      </p>
    </aside>
  );
}
