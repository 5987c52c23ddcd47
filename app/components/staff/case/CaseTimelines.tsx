/** The case's two timelines: what the reporter sees on /volgen, and everything (internal notes too). */
import type { TFunction } from "i18next";
import { referralEventText } from "~/components/routing/referral-text";
import { formatDate, formatDateTime, isoDate } from "~/components/staff/format";
import { useCachedT } from "~/components/staff/use-cached-t";
import { formatPeriod, periodOf } from "~/domain/period";
import { endOfAmsterdamDay } from "~/domain/working-days";
import { useCaseData, type CaseData } from "./case-data";

function eventText(
  t: TFunction,
  item: Extract<CaseData["reporterTimeline"][number], { kind: "event" }>,
  staffNames: Record<string, string>,
) {
  const p = item.params ?? {};
  switch (item.type) {
    case "received":
      // Entered by a worker for someone on the phone or at a visit (ADR 040).
      return p.channel === "phone" || p.channel === "visit"
        ? t(`events.received_${p.channel}`, { name: item.staffName ?? t("case.formerColleague") })
        : t("events.received");
    case "status_changed":
      return t("events.status_changed", {
        from: t(`statuses.${String(p.from)}`, { defaultValue: String(p.from) }),
        to: t(`statuses.${String(p.to)}`, { defaultValue: String(p.to) }),
      });
    case "assigned":
      return p.to
        ? t("events.assigned", { name: staffNames[String(p.to)] ?? t("case.formerColleague") })
        : t("events.unassigned");
    case "urgent_marked":
      return t(p.urgent === false ? "events.urgent_removed" : "events.urgent_marked");
    case "fact_changed":
      return factChangeText(t, p);
    case "case_linked":
    case "case_unlinked":
      return t(`events.${item.type}.${String(p.role)}`, { code: String(p.code) });
    case "acknowledged":
      return t(p.how === "outside" ? "events.acknowledgedOutside" : "events.acknowledged");
    case "answered":
      return t(p.how === "outside" ? "events.answeredOutside" : "events.answered");
    case "follow_up_set":
      return t("events.follow_up_set", {
        date: typeof p.date === "string" ? formatDate(endOfAmsterdamDay(p.date), t) : "",
      });
    case "referral_created":
    case "referral_shared":
    case "referral_status":
    case "referral_link_renewed":
      return referralEventText(t, item.type, p, Boolean(item.text));
    default:
      return t(`events.${item.type}`, { defaultValue: item.type });
  }
}

/** "Gemeente gewijzigd van Utrecht naar Amersfoort": each side as the case page shows that fact. */
function factChangeText(t: TFunction, p: Record<string, string | number | boolean>) {
  const fact = String(p.fact);
  const side = (v: unknown): string => {
    const s = String(v ?? "");
    if (fact === "period") {
      const [from, to] = s.split("-").map((y) => (y ? Number(y) : null));
      return formatPeriod(periodOf(from, to), t) ?? t("case.unknown");
    }
    if (fact === "themes")
      return s
        ? s
            .split(",")
            .map((k) => t(`themes.${k}`, { defaultValue: k }))
            .join(", ")
        : t("case.none");
    return s || t("case.unknown");
  };
  return t("events.fact_changed", {
    fact: t(`facts.labels.${fact}`, { defaultValue: fact }),
    from: side(p.from),
    to: side(p.to),
  });
}

function Timeline({
  items,
  label,
  empty,
}: {
  items: CaseData["reporterTimeline"];
  label: string;
  empty: string;
}) {
  const t = useCachedT();
  const { staffNames } = useCaseData();
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ol className="timeline" aria-label={label}>
      {items.map((item) => (
        <li key={item.key} className={`timeline__item timeline__item--${item.kind}`}>
          <p className="timeline__meta">
            <time dateTime={isoDate(item.at)}>{formatDateTime(item.at, t)}</time>
            {item.kind === "message" && item.author === "reporter" ? (
              <> · {t("case.timeline.fromReporter")}</>
            ) : item.staffName ? (
              <> · {item.staffName}</>
            ) : null}
          </p>
          {item.kind === "event" ? (
            <>
              <p className="timeline__what">{eventText(t, item, staffNames)}</p>
              {item.text ? <p className="timeline__text">{item.text}</p> : null}
            </>
          ) : (
            <>
              <p className="timeline__what">
                {item.kind === "note"
                  ? t("case.timeline.note")
                  : item.author === "staff"
                    ? t("case.timeline.messageToReporter")
                    : t("case.timeline.messageFromReporter")}
              </p>
              <p className="timeline__text">{item.body}</p>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

export function CaseTimelines() {
  const t = useCachedT();
  const data = useCaseData();
  return (
    <>
      <section aria-labelledby="reporter-timeline-heading">
        <h2 id="reporter-timeline-heading">{t("case.timeline.reporterHeading")}</h2>
        <p>{t("case.timeline.reporterIntro")}</p>
        <Timeline
          items={data.reporterTimeline}
          label={t("case.timeline.reporterHeading")}
          empty={t("case.timeline.empty")}
        />
      </section>

      <section aria-labelledby="internal-timeline-heading">
        <h2 id="internal-timeline-heading">{t("case.timeline.internalHeading")}</h2>
        <Timeline
          items={data.internalTimeline}
          label={t("case.timeline.internalHeading")}
          empty={t("case.timeline.empty")}
        />
      </section>
    </>
  );
}
