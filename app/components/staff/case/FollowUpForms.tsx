import { formatDate } from "~/components/staff/format";
import { useCachedT } from "~/components/staff/use-cached-t";
import { ActionForm, Button, TextField } from "~/components/ui";
import { FOLLOW_UP_REASON_MAX } from "~/domain/case-clocks";
import { useCaseAction, useCaseData } from "./case-data";
import { DateField } from "./DateField";

/** The follow-up date with its reason (ADR 039): marking the current one done, and setting or changing it. */
export function FollowUpForms() {
  const t = useCachedT();
  const c = useCaseData().case;
  const { actionData, errorsFor } = useCaseAction();
  return (
    <>
      <h3>{t("case.actions.followUpHeading")}</h3>
      {c.followUp ? (
        <ActionForm id="follow-up-done" intent="followUpDone" errors={errorsFor("followUpDone")}>
          <p>
            {t("case.actions.followUpCurrent", {
              date: formatDate(c.followUp.dueAt, t),
              reason: c.followUp.reason,
            })}
          </p>
          <Button variant="secondary">{t("case.actions.followUpDone")}</Button>
        </ActionForm>
      ) : null}
      <ActionForm id="follow-up" intent="followUp" errors={errorsFor("followUp")}>
        <DateField
          name="followUpDate"
          label={t("case.actions.followUpDate")}
          hint={t("case.actions.followUpDateHint")}
          defaultValue={errorsFor("followUp") ? actionData?.values.followUpDate : ""}
          error={errorsFor("followUp")?.followUpDate}
        />
        <TextField
          name="followUpReason"
          label={t("case.actions.followUpReason")}
          hint={t("case.actions.followUpReasonHint", { max: FOLLOW_UP_REASON_MAX })}
          defaultValue={errorsFor("followUp") ? actionData?.values.followUpReason : ""}
          error={errorsFor("followUp")?.followUpReason}
        />
        <Button variant="secondary">
          {t(c.followUp ? "case.actions.followUpChange" : "case.actions.followUpSet")}
        </Button>
      </ActionForm>
    </>
  );
}
