/** Exactly what was shared with an organisation (the frozen copy), in the organisation's words. */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatPeriod } from "~/domain/period";
import { referralParts, type ReferralContent } from "~/domain/referrals";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ReferralContentView({
  content,
  withdrawn,
  additions,
}: {
  content: ReferralContent | null;
  withdrawn: "all" | "identity" | null;
  /** The story's later additions with their dates already in words. */
  additions: { at: number; text: string; when: string }[];
}) {
  const { t } = useTranslation("referral");
  const notShared = content ? referralParts.filter((p) => !content.parts.includes(p)) : [];
  return (
    <section aria-labelledby="content-heading" className="referral-content">
      <h2 id="content-heading">{t("content.heading")}</h2>
      {withdrawn ? (
        <div className="notice notice--warning" role="note">
          <p>{t(withdrawn === "all" ? "content.withdrawnAll" : "content.withdrawnIdentity")}</p>
        </div>
      ) : null}
      {content ? (
        <>
          <h3>{t("content.coveringNote")}</h3>
          {content.coveringNote ? (
            <div className="referral-text">{content.coveringNote}</div>
          ) : (
            <p>{t("content.noCoveringNote")}</p>
          )}
          <dl className="facts">
            <Row label={t("content.kind")}>{t(`content.kinds.${content.kind}`)}</Row>
          </dl>

          {content.story ? (
            <>
              <h3>{t("content.story")}</h3>
              <dl className="facts">
                {content.story.reporterRole ? (
                  <Row label={t("content.reporterRole")}>
                    {t(`content.reporterRoles.${content.story.reporterRole}`, {
                      defaultValue: content.story.reporterRole,
                    })}
                  </Row>
                ) : null}
                {content.story.wishes.length ? (
                  <Row label={t("content.wishes")}>
                    {content.story.wishes
                      .map((w) => t(`content.wishValues.${w}`, { defaultValue: w }))
                      .join(", ")}
                  </Row>
                ) : null}
                {content.story.complaintAbout ? (
                  <Row label={t("content.complaintAbout")}>{content.story.complaintAbout}</Row>
                ) : null}
                {content.story.desiredOutcome ? (
                  <Row label={t("content.desiredOutcome")}>{content.story.desiredOutcome}</Row>
                ) : null}
                {content.story.question ? (
                  <Row label={t("content.question")}>{content.story.question}</Row>
                ) : null}
              </dl>
              {content.story.text ? (
                <div className="referral-text">{content.story.text}</div>
              ) : (
                <p>{t("content.storyEmpty")}</p>
              )}
              {additions.length ? (
                <>
                  <h4>{t("content.additions")}</h4>
                  {additions.map((a) => (
                    <div key={a.at} className="referral-text referral-text--addition">
                      <p className="referral-text__meta">{t("content.addedOn", { date: a.when })}</p>
                      {a.text}
                    </div>
                  ))}
                </>
              ) : null}
            </>
          ) : null}

          {content.themes ? (
            <>
              <h3>{t("content.themes")}</h3>
              {content.themes.keys.length ? (
                <ul>
                  {content.themes.keys.map((k) => (
                    <li key={k}>{t(`content.themeValues.${k}`, { defaultValue: k })}</li>
                  ))}
                </ul>
              ) : (
                <p>{t("content.themesNone")}</p>
              )}
              {content.themes.other ? (
                <dl className="facts">
                  <Row label={t("content.themeOther")}>{content.themes.other}</Row>
                </dl>
              ) : null}
            </>
          ) : null}

          {content.unitPeriod ? (
            <>
              <h3>{t("content.unitPeriod")}</h3>
              <dl className="facts">
                <Row label={t("content.unit")}>
                  {content.unitPeriod.unit
                    ? `${content.unitPeriod.unit}${content.unitPeriod.place ? `, ${content.unitPeriod.place}` : ""}`
                    : t("content.unitUnknown")}
                </Row>
                {content.unitPeriod.other ? (
                  <Row label={t("content.unitOther")}>{content.unitPeriod.other}</Row>
                ) : null}
                <Row label={t("content.period")}>
                  {formatPeriod(content.unitPeriod, t) ?? t("content.periodUnknown")}
                </Row>
              </dl>
            </>
          ) : null}

          {content.contact ? (
            <>
              <h3>{t("content.contact")}</h3>
              <dl className="facts">
                {content.contact.name ? (
                  <Row label={t("content.contactName")}>{content.contact.name}</Row>
                ) : null}
                {content.contact.email ? (
                  <Row label={t("content.contactEmail")}>{content.contact.email}</Row>
                ) : null}
                {content.contact.phone ? (
                  <Row label={t("content.contactPhone")}>{content.contact.phone}</Row>
                ) : null}
                {content.contact.safeTimes ? (
                  <Row label={t("content.safeTimes")}>{content.contact.safeTimes}</Row>
                ) : null}
                {content.contact.mayLeaveMessage !== undefined ? (
                  <Row label={t("content.mayLeaveMessage")}>
                    {t(content.contact.mayLeaveMessage ? "content.yes" : "content.no")}
                  </Row>
                ) : null}
              </dl>
            </>
          ) : null}

          {notShared.length ? (
            <p className="referral-not-shared">
              {t("content.notShared", { parts: notShared.map((p) => t(`content.parts.${p}`)).join(", ") })}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
