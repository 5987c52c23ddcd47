import { useTranslation } from "react-i18next";
import { Bullets } from "~/components/layout/Prose";
import type { RouteHandle } from "~/route-handle";

export const handle: RouteHandle = { title: "pages:accessibility.title" };

export default function Accessibility() {
  const { t } = useTranslation("pages");
  return (
    <div className="page">
      <h1>{t("accessibility.title")}</h1>
      <p className="lead">{t("accessibility.intro")}</p>
      <h2>{t("accessibility.standardHeading")}</h2>
      <p>{t("accessibility.standard")}</p>
      <h2>{t("accessibility.doneHeading")}</h2>
      <Bullets k="accessibility.done" />
      <h2>{t("accessibility.statusHeading")}</h2>
      <p>{t("accessibility.status")}</p>
      <h2>{t("accessibility.contactHeading")}</h2>
      <p>{t("accessibility.contact")}</p>
    </div>
  );
}
