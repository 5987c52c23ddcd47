import { useTranslation } from "react-i18next";
import { Bullets } from "~/components/layout/Prose";
import type { RouteHandle } from "~/route-handle";

// No forms and no client state: plain HTML and the enhancement script, no React in the browser (ADR 042).
export const handle: RouteHandle = { title: "pages:safeBrowsing.title", hydrate: false };

export default function SafeBrowsing() {
  const { t } = useTranslation("pages");
  return (
    <div className="page">
      <h1>{t("safeBrowsing.title")}</h1>
      <p className="lead">{t("safeBrowsing.intro")}</p>
      <h2>{t("safeBrowsing.tipsHeading")}</h2>
      <Bullets k="safeBrowsing.tips" />
      <h2>{t("safeBrowsing.exitHeading")}</h2>
      <Bullets k="safeBrowsing.exitDoes" />
      <p>{t("safeBrowsing.shortcut")}</p>
      <h2>{t("safeBrowsing.exitDoesNotHeading")}</h2>
      <Bullets k="safeBrowsing.exitDoesNot" />
    </div>
  );
}
