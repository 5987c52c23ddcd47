import { ConfirmNotice } from "~/components/staff/ConfirmNotice";
import { useCachedT } from "~/components/staff/use-cached-t";
import { ActionForm, Button, CheckboxGroup, TextArea } from "~/components/ui";
import { TEXT_MAX } from "~/domain/staff-forms";
import { useCaseAction, useCaseData } from "./case-data";

/**
 * Closing the case: the outcome the reporter reads, a tick to confirm, "as a duplicate" while it is linked
 * as one, and, when referrals are still open, the server's question to confirm those too.
 */
export function CloseCaseForm() {
  const t = useCachedT();
  const data = useCaseData();
  const { actionData, errorsFor, typed, keptOrTyped } = useCaseAction();
  const openReferrals = actionData?.intent === "close" ? actionData.openReferrals : null;
  const duplicateOf = data.links.find((k) => k.role === "duplicate_of")?.other;
  return (
    <>
      <h3>{t("case.actions.closeHeading")}</h3>
      <ActionForm id="close" intent="close" errors={errorsFor("close")}>
        <TextArea
          name="outcome"
          label={t("case.actions.outcome")}
          hint={t("case.actions.outcomeHint")}
          maxLength={TEXT_MAX}
          rows={4}
          defaultValue={keptOrTyped("close", "outcome")}
          error={errorsFor("close")?.outcome}
        />
        <CheckboxGroup
          name="confirmClose"
          label={t("case.actions.confirmLabel")}
          options={[{ value: "yes", label: t("case.actions.confirmClose") }]}
          defaultValue={errorsFor("close") && actionData?.values.confirmClose ? ["yes"] : []}
          error={errorsFor("close")?.confirmClose}
        />
        {duplicateOf ? (
          <CheckboxGroup
            name="asDuplicate"
            label={t("links.closeAs")}
            hint={t("links.closeAsHint")}
            options={[{ value: "yes", label: t("links.closeAsDuplicate", { code: duplicateOf.code }) }]}
            defaultValue={!errorsFor("close") || typed.asDuplicate ? ["yes"] : []}
            error={errorsFor("close")?.asDuplicate}
          />
        ) : null}
        {openReferrals?.length ? (
          <ConfirmNotice title={t("case.actions.openReferral.title")}>
            <ul>
              {openReferrals.map((r) => (
                <li key={r.reference}>
                  {t("case.actions.openReferral.item", {
                    organisation: r.organisation,
                    reference: r.reference,
                    status: t(`routing.statuses.${r.status}`, { defaultValue: r.status }),
                  })}
                </li>
              ))}
            </ul>
            <p>{t("case.actions.openReferral.ask")}</p>
            <input type="hidden" name="confirmOpenReferral" value="yes" />
          </ConfirmNotice>
        ) : null}
        <Button variant="warning">
          {openReferrals?.length ? t("case.actions.openReferral.confirm") : t("case.actions.close")}
        </Button>
      </ActionForm>
    </>
  );
}
