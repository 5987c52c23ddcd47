import { useTranslation } from "react-i18next";
import { OperatorContact } from "~/components/layout/Operator";
import { Bullets, Paragraphs } from "~/components/layout/Prose";
import type { RouteHandle } from "~/route-handle";

// No forms and no client state: plain HTML and the enhancement script, no React in the browser (ADR 042).
export const handle: RouteHandle = { title: "pages:home.title", hydrate: false };

const doors = [
  { key: "story", href: "/verhaal" },
  { key: "complaint", href: "/klacht" },
  { key: "call", href: "/bel-mij" },
  { key: "contact", href: "/contact" },
  { key: "follow", href: "/volgen", secondary: true },
] as const;

export default function Home() {
  const { t } = useTranslation("pages");
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <h2>{t("home.doorsHeading")}</h2>
      <ul className="doors">
        {doors.map((d) => (
          <li key={d.key}>
            <a href={d.href} className={"secondary" in d ? "door door--secondary" : "door"}>
              <span className="door__title">{t(`home.doors.${d.key}.title`)}</span>
              <span className="door__text">{t(`home.doors.${d.key}.text`)}</span>
            </a>
          </li>
        ))}
      </ul>
      <div className="page">
        <h2>{t("home.whatHeading")}</h2>
        <Paragraphs k="home.what" />
        <h2>{t("home.whoHeading")}</h2>
        <Paragraphs k="home.who" />
        <h2>{t("home.nextHeading")}</h2>
        <Bullets k="home.next" />
        <OperatorContact />
        <p>
          <a href="/privacy">{t("home.privacyLink")}</a>
        </p>
        <p>
          <a href="/veilig-internetten">{t("home.safeLink")}</a>
        </p>
      </div>
    </>
  );
}
