import { useTranslation } from "react-i18next";
import { Bullets } from "~/components/layout/Prose";
import type { RouteHandle } from "~/route-handle";

export const handle: RouteHandle = { title: "pages:privacy.title" };

const sections = ["what", "not", "safe", "share", "howLong", "rights"] as const;

export default function Privacy() {
  const { t } = useTranslation("pages");
  return (
    <div className="page">
      <h1>{t("privacy.title")}</h1>
      <p className="lead">{t("privacy.intro")}</p>
      {sections.map((s) => (
        <section key={s} aria-labelledby={`privacy-${s}`}>
          <h2 id={`privacy-${s}`}>{t(`privacy.sections.${s}.heading`)}</h2>
          <Bullets k={`privacy.sections.${s}.items`} />
        </section>
      ))}
    </div>
  );
}
