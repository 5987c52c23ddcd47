import { useFormsKey } from "~/components/ui/use-forms-key";
import { SelectField } from "~/components/staff/SelectField";
import { useCachedT } from "~/components/staff/use-cached-t";
import { ActionForm, Button, RadioGroup, TextArea } from "~/components/ui";
import { staffStatuses, statusChange } from "~/domain/case-status";
import { TEXT_MAX } from "~/domain/staff-forms";
import { useCaseAction, useCaseData } from "./case-data";
import { CloseCaseForm } from "./CloseCaseForm";
import { FollowUpForms } from "./FollowUpForms";

/** The actions column: every change a worker can make to the case, each its own form. */
export function CaseActions() {
  const t = useCachedT();
  const data = useCaseData();
  const { actionData, errorsFor, keptOrTyped } = useCaseAction();
  const formsKey = useFormsKey();
  const c = data.case;
  const closed = c.status === "closed";
  const milestoneOptions = [
    ...(c.acknowledgedAt == null ? (["acknowledged"] as const) : []),
    ...(c.firstAnswerAt == null ? (["answered"] as const) : []),
  ].map((m) => ({ value: m, label: t(`case.actions.milestones.${m}`) }));
  const statusOptions = staffStatuses
    // Closing has its own form (with the open-referral check); the rest are the changes statusChange allows.
    .filter((s) => s !== "closed" && statusChange(c, s).ok)
    .map((s) => ({ value: s, label: t(`statuses.${s}`) }));

  return (
    <section className="case__actions" aria-labelledby="actions-heading" key={formsKey}>
      <h2 id="actions-heading" tabIndex={-1}>
        {t("case.actions.heading")}
      </h2>
      {closed ? (
        <>
          <div className="notice">
            <p>{t("case.actions.closed")}</p>
          </div>
          <h3>{t("case.actions.reopenHeading")}</h3>
          <ActionForm id="reopen" intent="reopen" errors={errorsFor("reopen")}>
            <TextArea
              name="reason"
              label={t("case.actions.reopenReason")}
              hint={t("case.actions.reopenHint")}
              maxLength={TEXT_MAX}
              rows={3}
              defaultValue={keptOrTyped("reopen", "reason")}
              error={errorsFor("reopen")?.reason}
            />
            <Button variant="secondary">{t("case.actions.reopen")}</Button>
          </ActionForm>
        </>
      ) : null}

      <h3>{t("case.actions.assignHeading")}</h3>
      {c.assignee?.id !== data.meId && !closed ? (
        <ActionForm id="assign-me" intent="assign" values={{ assignee: "me" }}>
          <Button variant="secondary">{t("case.actions.assignMe")}</Button>
        </ActionForm>
      ) : null}
      <ActionForm id="assign" intent="assign" errors={errorsFor("assign")}>
        <SelectField
          name="assignee"
          label={t("case.actions.assignTo")}
          defaultValue={c.assignee ? String(c.assignee.id) : "nobody"}
          options={[
            { value: "nobody", label: t("queue.nobody") },
            ...data.staff.map((s) => ({
              value: String(s.id),
              label: s.id === data.meId ? t("case.actions.me", { name: s.name }) : s.name,
            })),
          ]}
        />
        <Button variant="secondary">{t("case.actions.assign")}</Button>
      </ActionForm>

      {!closed ? (
        <>
          <h3>{t("case.actions.statusHeading")}</h3>
          {statusOptions.length ? (
            <ActionForm id="status" intent="status" errors={errorsFor("status")}>
              <RadioGroup
                name="status"
                label={t("case.actions.newStatus")}
                hint={t("case.actions.statusHint")}
                options={statusOptions}
                error={errorsFor("status")?.status}
              />
              <Button variant="secondary">{t("case.actions.changeStatus")}</Button>
            </ActionForm>
          ) : null}

          <h3>{t("case.actions.urgencyHeading")}</h3>
          <ActionForm
            id="urgent"
            intent="urgent"
            values={{ urgent: c.urgent ? "no" : "yes" }}
            errors={errorsFor("urgent")}
          >
            <p className="field__hint">
              {t(c.urgent ? "case.actions.urgentHintOn" : "case.actions.urgentHintOff")}
            </p>
            <Button variant="secondary">
              {t(c.urgent ? "case.actions.unmarkUrgent" : "case.actions.markUrgent")}
            </Button>
          </ActionForm>

          <h3>{t("case.actions.messageHeading")}</h3>
          <ActionForm id="message" intent="message" errors={errorsFor("message")}>
            <TextArea
              name="message"
              label={t("case.actions.message")}
              hint={t(c.wantsNews ? "case.actions.messageHintNews" : "case.actions.messageHint")}
              maxLength={TEXT_MAX}
              rows={5}
              defaultValue={keptOrTyped("message", "message")}
              error={errorsFor("message")?.message}
            />
            {data.messageRoles.length > 1 ? (
              <RadioGroup
                name="messageRole"
                label={t("case.actions.messageRole")}
                options={data.messageRoles.map((r) => ({
                  value: r,
                  label: t(`case.actions.messageRoles.${r}`),
                  hint: t(`case.actions.messageRoleHints.${r}`),
                }))}
                defaultValue={
                  errorsFor("message") && actionData?.values.messageRole
                    ? actionData.values.messageRole
                    : "other"
                }
                error={errorsFor("message")?.messageRole}
              />
            ) : null}
            <Button>{t("case.actions.send")}</Button>
          </ActionForm>

          {milestoneOptions.length ? (
            <>
              <h3>{t("case.actions.milestoneHeading")}</h3>
              <ActionForm id="milestone" intent="milestone" errors={errorsFor("milestone")}>
                <RadioGroup
                  name="milestone"
                  label={t("case.actions.milestone")}
                  hint={t("case.actions.milestoneHint")}
                  options={milestoneOptions}
                  error={errorsFor("milestone")?.milestone}
                />
                <Button variant="secondary">{t("case.actions.milestoneSave")}</Button>
              </ActionForm>
            </>
          ) : null}

          <FollowUpForms />
        </>
      ) : null}

      <h3>{t("case.actions.noteHeading")}</h3>
      <ActionForm id="note" intent="note" errors={errorsFor("note")}>
        <TextArea
          name="note"
          label={t("case.actions.note")}
          hint={t("case.actions.noteHint")}
          maxLength={TEXT_MAX}
          rows={4}
          defaultValue={keptOrTyped("note", "note")}
          error={errorsFor("note")?.note}
        />
        <Button variant="secondary">{t("case.actions.addNote")}</Button>
      </ActionForm>

      {!closed ? <CloseCaseForm /> : null}
    </section>
  );
}
