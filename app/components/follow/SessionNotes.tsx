import { useTranslation } from "react-i18next";
import { FOLLOW_IDLE_MS, minutes } from "~/domain/lifetimes";

/** How long a signed-in page stays valid, said in the page itself (also without JavaScript). */
export function FollowSessionNote() {
  const { t } = useTranslation("follow");
  return <p className="field__hint">{t("timeout.follow.note", { minutes: minutes(FOLLOW_IDLE_MS) })}</p>;
}

/** Above a box that holds text kept when the session ended before it was sent (ADR 029). */
export function UnsentNotice() {
  const { t } = useTranslation("follow");
  return (
    <div className="notice" role="status">
      <p>{t("case.unsentBack")}</p>
    </div>
  );
}
