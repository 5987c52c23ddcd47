import { formatDateTime } from "~/components/staff/format";
import { useCachedT } from "~/components/staff/use-cached-t";
import { useCaseData } from "./case-data";
import { Fact } from "./Fact";

/** The reporter's story (or question) with what they added later, and the details they gave with it. */
export function CaseStory() {
  const t = useCachedT();
  const data = useCaseData();
  const c = data.case;
  return (
    <section aria-labelledby="story-heading">
      <h2 id="story-heading">
        {t(c.kind === "contact" ? "case.story.questionHeading" : "case.story.heading")}
      </h2>
      {data.story ? (
        <>
          <div className="story">{data.story.text}</div>
          {data.story.additions?.map((a) => (
            <div key={a.at} className="story story--addition">
              <p className="story__meta">{t("case.story.addedOn", { date: formatDateTime(a.at, t) })}</p>
              {a.text}
            </div>
          ))}
        </>
      ) : c.kind !== "contact" ? (
        <p>{t("case.story.none")}</p>
      ) : null}
      {data.details && Object.keys(data.details).some((k) => k !== "themeOther" && k !== "unitOther") ? (
        <dl className="facts">
          {(["complaintAbout", "desiredOutcome", "question", "relation", "youngPersonKnows"] as const).map(
            (k) =>
              data.details?.[k] ? (
                <Fact key={k} label={t(`case.details.${k}`)}>
                  {k === "youngPersonKnows" || k === "relation"
                    ? t(`case.details.values.${data.details[k]}`, { defaultValue: data.details[k] })
                    : data.details[k]}
                </Fact>
              ) : null,
          )}
        </dl>
      ) : null}
    </section>
  );
}
