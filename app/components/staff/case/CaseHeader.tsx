import { Link } from "@remix-run/react";
import { DeadlineBadge } from "~/components/staff/DeadlineBadge";
import { useCachedT } from "~/components/staff/use-cached-t";
import { kindLabelKey } from "~/domain/case-status";
import { statusTextOf, useCaseAction, useCaseData } from "./case-data";

/** The top of the case page: the code with kind, status and urgency, what is due next, and the notices. */
export function CaseHeader() {
  const t = useCachedT();
  const data = useCaseData();
  const { actionData } = useCaseAction();
  const c = data.case;
  const statusText = statusTextOf(t, c);
  return (
    <>
      <p>
        <Link to={data.backTo} className="link link--back">
          {t("case.backToQueue")}
        </Link>
      </p>
      <h1>
        {t("case.title", { code: c.code })}
        <span className="case__tags">
          <span className="tag">{t(kindLabelKey(c.kind, c.reporterRole))}</span>{" "}
          <span className="tag">{statusText}</span>{" "}
          {c.urgent ? <span className="tag tag--error">{t("queue.urgent")}</span> : null}
        </span>
      </h1>
      <p className="case__next">
        <span className="case__next-label">{t("case.summary.next")}:</span>{" "}
        <DeadlineBadge deadline={data.deadline} />
        {data.deadline?.which === "follow_up" && c.followUp ? <> · {c.followUp.reason}</> : null}
      </p>
      <p className="case__to-actions">
        <a href="#actions-heading">{t("case.toActions")}</a>
      </p>
      {Object.keys(data.kept).length > 0 && !actionData ? (
        <div className="notice" role="status">
          <p>{t("case.keptBack")}</p>
        </div>
      ) : null}
      {data.done && !actionData ? (
        <div className="notice notice--success" role="status">
          <p>{t(`case.done.${data.done}`, { defaultValue: t("case.done.default") })}</p>
        </div>
      ) : null}
    </>
  );
}
