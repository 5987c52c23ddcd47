import { useTranslation } from "react-i18next";
import { Bullets } from "~/components/layout/Prose";
import {
  DRAFT_TTL_MS,
  FOLLOW_IDLE_MS,
  FOLLOW_MAX_MS,
  RECEIPT_MAX_MS,
  RECEIPT_TTL_MS,
  UNSENT_TTL_MS,
  hours,
  minutes,
} from "~/domain/lifetimes";
import type { RouteHandle } from "~/route-handle";

// No forms and no client state: plain HTML and the enhancement script, no React in the browser (ADR 042).
export const handle: RouteHandle = { title: "pages:privacy.title", hydrate: false };

const sections = ["what", "not", "safe", "share", "howLong", "rights"] as const;

/** The lifetimes the "how long" section names, from the constants the code runs on. */
const lifetimes = {
  draftHours: hours(DRAFT_TTL_MS),
  receiptMinutes: minutes(RECEIPT_TTL_MS),
  receiptMaxHours: hours(RECEIPT_MAX_MS),
  idleMinutes: minutes(FOLLOW_IDLE_MS),
  maxHours: hours(FOLLOW_MAX_MS),
  unsentHours: hours(UNSENT_TTL_MS),
};

export default function Privacy() {
  const { t } = useTranslation("pages");
  return (
    <div className="page">
      <h1>{t("privacy.title")}</h1>
      <p className="lead">{t("privacy.intro")}</p>
      {sections.map((s) => (
        <section key={s} aria-labelledby={`privacy-${s}`}>
          <h2 id={`privacy-${s}`}>{t(`privacy.sections.${s}.heading`)}</h2>
          <Bullets k={`privacy.sections.${s}.items`} values={s === "howLong" ? lifetimes : undefined} />
        </section>
      ))}
    </div>
  );
}
