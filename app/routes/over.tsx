import { useTranslation } from "react-i18next";
import { OperatorContact } from "~/components/layout/Operator";
import { Bullets, Paragraphs } from "~/components/layout/Prose";
import type { RouteHandle } from "~/route-handle";

// No forms and no client state: plain HTML and the enhancement script, no React in the browser (ADR 042).
export const handle: RouteHandle = { title: "pages:about.title", hydrate: false };

export default function About() {
  const { t } = useTranslation("pages");
  return (
    <div className="page">
      <h1>{t("about.title")}</h1>
      <Paragraphs k="about.paragraphs" />
      <h2>{t("about.routesHeading")}</h2>
      <p>{t("about.routesIntro")}</p>
      <Bullets k="about.routes" />
      <OperatorContact />
    </div>
  );
}
