import { useTranslation } from "react-i18next";
import { Paragraphs } from "~/components/layout/Prose";
import type { RouteHandle } from "~/route-handle";
import followStyles from "~/styles/follow.css?url";

// Text and a link only: no React in the browser (ADR 042).
export const handle: RouteHandle = { title: "follow:erased.title", hydrate: false };
export const links = () => [{ rel: "stylesheet", href: followStyles }];

/** After erasure. Holds nothing about the case: it is gone, and the session with it. */
export default function Erased() {
  const { t } = useTranslation("follow");
  return (
    <div className="page">
      <div className="panel-done">
        <h1>{t("erased.title")}</h1>
      </div>
      <Paragraphs k="erased.text" ns="follow" />
      <p>
        <a href="/">{t("erased.home")}</a>
      </p>
    </div>
  );
}
