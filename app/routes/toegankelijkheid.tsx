import { useTranslation } from "react-i18next";
import { useOperator } from "~/components/layout/Operator";
import { Bullets } from "~/components/layout/Prose";
import { phoneHref } from "~/config/operator";
import type { RouteHandle } from "~/route-handle";

// No forms and no client state: plain HTML and the enhancement script, no React in the browser (ADR 042).
export const handle: RouteHandle = { title: "pages:accessibility.title", hydrate: false };

type KnownProblem = { problem: string; plan: string };

/**
 * The accessibility statement in the Dutch government's model (digitoegankelijk.nl): status with its
 * reasons, date, known problems with plans and dates, how it was tested, a feedback route of its own and
 * the enforcement route through the Nationale ombudsman.
 */
export default function Accessibility() {
  const { t } = useTranslation("pages");
  const op = useOperator();
  const problems = t("accessibility.problems", { returnObjects: true }) as unknown;
  const known = Array.isArray(problems) ? (problems as KnownProblem[]) : [];
  return (
    <div className="page">
      <h1>{t("accessibility.title")}</h1>
      <p className="lead">{t("accessibility.intro", { name: op.name })}</p>
      <h2>{t("accessibility.statusHeading")}</h2>
      <p>
        <strong>{t("accessibility.statusLabel")}</strong>
      </p>
      <p>{t("accessibility.statusText")}</p>
      <h2>{t("accessibility.dateHeading")}</h2>
      <p>{t("accessibility.date")}</p>
      <h2>{t("accessibility.problemsHeading")}</h2>
      <ul>
        {known.map((k) => (
          <li key={k.problem}>
            {k.problem} <strong>{k.plan}</strong>
          </li>
        ))}
      </ul>
      <h2>{t("accessibility.testedHeading")}</h2>
      <Bullets k="accessibility.tested" />
      <h2 id="feedback">{t("accessibility.feedbackHeading")}</h2>
      <p>
        {t("accessibility.feedback", {
          email: op.email,
          phone: op.phone,
          from: op.hoursFrom,
          to: op.hoursTo,
        })}
      </p>
      <ul>
        <li>
          <a href={`mailto:${op.email}`}>{op.email}</a>
        </li>
        <li>
          <a href={phoneHref(op.phone)}>{op.phone}</a>
        </li>
      </ul>
      <p>{t("accessibility.feedbackPromise")}</p>
      <h2>{t("accessibility.enforcementHeading")}</h2>
      <p>{t("accessibility.enforcement")}</p>
      <p>
        <a href="https://www.nationaleombudsman.nl/">{t("accessibility.enforcementLink")}</a>
      </p>
    </div>
  );
}
