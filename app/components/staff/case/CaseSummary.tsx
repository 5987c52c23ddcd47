import { Link } from "@remix-run/react";
import { DeadlineBadge } from "~/components/staff/DeadlineBadge";
import { formatDate, formatDateTime, isoDate } from "~/components/staff/format";
import { useCachedT } from "~/components/staff/use-cached-t";
import { kindLabelKey } from "~/domain/case-status";
import { formatPeriod, periodOf } from "~/domain/period";
import { statusTextOf, useCaseData } from "./case-data";
import { Fact } from "./Fact";

/** The case's facts: kind, status, deadlines, who handles it, unit, period, themes, consents and more. */
export function CaseSummary() {
  const t = useCachedT();
  const data = useCaseData();
  const c = data.case;
  const closed = c.status === "closed";
  const statusText = statusTextOf(t, c);
  const period = formatPeriod(periodOf(c.periodFrom, c.periodTo), t);
  const list = (keys: string[], prefix: string) =>
    keys.length ? keys.map((k) => t(`${prefix}.${k}`)).join(", ") : t("case.none");
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t("case.summary.heading")}</h2>
      <p>
        <Link to={`/medewerker/zaken/${c.id}/gegevens`}>{t("facts.editLink")}</Link>
      </p>
      <dl className="facts">
        <Fact label={t("case.summary.kind")}>{t(kindLabelKey(c.kind, c.reporterRole))}</Fact>
        <Fact label={t("case.summary.status")}>{statusText}</Fact>
        <Fact label={t("case.summary.urgency")}>
          {c.urgent ? t("case.summary.urgent") : t("case.summary.notUrgent")}
        </Fact>
        <Fact label={t("case.summary.received")}>
          <time dateTime={isoDate(c.receivedAt)}>{formatDateTime(c.receivedAt, t)}</time>
        </Fact>
        <Fact label={t("case.summary.ackDue")}>
          <time dateTime={isoDate(c.ackDueAt)}>{formatDate(c.ackDueAt, t)}</time>{" "}
          <span
            className={
              data.ackBadge === "overdue"
                ? "tag tag--error"
                : data.ackBadge === "due_today"
                  ? "tag tag--warning"
                  : "tag"
            }
          >
            {t(`badges.${data.ackBadge}`)}
          </span>
        </Fact>
        <Fact label={t("case.summary.answerDue")}>
          <time dateTime={isoDate(c.answerDueAt)}>{formatDate(c.answerDueAt, t)}</time>{" "}
          <span
            className={
              data.answerBadge === "overdue"
                ? "tag tag--error"
                : data.answerBadge === "due_today"
                  ? "tag tag--warning"
                  : "tag"
            }
          >
            {t(`badges.${data.answerBadge}`)}
          </span>
        </Fact>
        {data.clocks.length > 1 ? (
          <Fact label={t("case.summary.clocks")}>
            <ul className="plain-list">
              {data.clocks.map((k) => (
                <li key={k.which}>
                  <DeadlineBadge deadline={k} />
                </li>
              ))}
            </ul>
          </Fact>
        ) : null}
        {c.followUp ? (
          <Fact label={t("case.summary.followUp")}>
            {t("case.actions.followUpCurrent", {
              date: formatDate(c.followUp.dueAt, t),
              reason: c.followUp.reason,
            })}
          </Fact>
        ) : null}
        <Fact label={t("case.summary.assignee")}>{c.assignee?.name ?? t("queue.nobody")}</Fact>
        <Fact label={t("case.summary.unit")}>
          {c.unit
            ? `${c.unit.name}, ${c.unit.place}`
            : data.details?.unitOther
              ? t("case.summary.otherUnit", { text: data.details.unitOther })
              : t("case.unknown")}
        </Fact>
        <Fact label={t("case.summary.period")}>{period ?? t("case.unknown")}</Fact>
        <Fact label={t("case.summary.reporter")}>
          {c.reporterRole
            ? t(`reporterRoles.${c.reporterRole}`, { defaultValue: c.reporterRole })
            : t("case.unknown")}
        </Fact>
        <Fact label={t("case.summary.safeNow")}>
          {c.safeNow ? (
            <span className={c.safeNow === "no" ? "tag tag--error" : undefined}>
              {t(`safeNow.${c.safeNow}`, { defaultValue: c.safeNow })}
            </span>
          ) : (
            t("case.unknown")
          )}
        </Fact>
        <Fact label={t("case.summary.themes")}>
          {list(c.themes, "themes")}
          {data.details?.themeOther ? ` (${data.details.themeOther})` : null}
        </Fact>
        <Fact label={t("case.summary.wishes")}>{list(c.wishes, "wishes")}</Fact>
        <Fact label={t("case.summary.consents")}>
          {data.consents.length ? (
            <ul className="plain-list">
              {data.consents.map((k) => (
                <li key={k.recipient}>
                  {t(`recipients.${k.recipient}`)}:{" "}
                  {k.given
                    ? t(k.withIdentity ? "case.consent.withIdentity" : "case.consent.anonymous")
                    : t("case.consent.no")}
                </li>
              ))}
            </ul>
          ) : (
            t("case.consent.none")
          )}
        </Fact>
        <Fact label={t("case.summary.municipality")}>{c.municipality ?? t("case.unknown")}</Fact>
        <Fact label={t("case.summary.language")}>{t(`languages.${c.language}`)}</Fact>
        <Fact label={t("case.summary.news")}>
          {c.wantsNews ? t("case.summary.newsYes") : t("case.summary.newsNo")}
        </Fact>
        {closed ? <Fact label={t("case.summary.outcome")}>{data.outcome ?? t("case.none")}</Fact> : null}
      </dl>
    </section>
  );
}
