import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { TimelineItem } from "~/domain/reporter-view";

export type DatedItem = TimelineItem & { date: string; time: string };

function describe(item: TimelineItem, t: TFunction, organisations: Record<number, string>): string {
  const org = (id: number) => organisations[id] ?? t("timeline.unknownOrganisation");
  switch (item.key) {
    case "received":
    case "acknowledged":
    case "informationAdded":
    case "erasureRequested":
      return t(`timeline.${item.key}`);
    case "status":
      return t(`timeline.status.${item.status}`);
    case "consentChanged":
      return t(`timeline.consentChanged.${item.level}`, { recipient: t(`recipients.${item.recipient}`) });
    case "referralCreated":
      return t(`timeline.referralCreated.${item.state}`, { organisation: org(item.organisationId) });
    case "referralStatus":
      return t(`timeline.referralStatus.${item.status}`, { organisation: org(item.organisationId) });
    case "closed":
      return t("timeline.closed");
    case "reopened":
      return t("timeline.reopened");
  }
}

/** The reporter's timeline, oldest first, as an ordered list. */
export function CaseTimeline({
  items,
  organisations,
}: {
  items: DatedItem[];
  organisations: Record<number, string>;
}) {
  const { t } = useTranslation("follow");
  return (
    <ol className="timeline">
      {items.map((item, i) => (
        <li key={i} className="timeline__item">
          <p className="timeline__when">{t("timeline.when", { date: item.date, time: item.time })}</p>
          <p className="timeline__what">{describe(item, t, organisations)}</p>
          {item.key === "closed" && item.outcome ? <p className="timeline__outcome">{item.outcome}</p> : null}
          {item.key === "reopened" && item.reason ? <p className="timeline__outcome">{item.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}
