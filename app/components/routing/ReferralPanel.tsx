/**
 * The referral section of the case page: routing suggestions with their reason in words, and every
 * referral of the case with its progress as the organisation reported it. Creating a referral happens on
 * its own page (/medewerker/zaken/<id>/verwijzen); renewing a link posts to the case page.
 */
import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime, isoDate } from "~/components/staff/format";
import { ActionForm, Button, fieldId, type FieldErrors } from "~/components/ui";
import type { referralPanel } from "~/server/referrals/case-panel.server";
import { partsText } from "./referral-text";

export type ReferralPanelData = SerializeFrom<NonNullable<ReturnType<typeof referralPanel>>>;

type Suggestion = ReferralPanelData["suggestions"][number];
type Referral = ReferralPanelData["referrals"][number];

function SuggestionItem({
  s,
  caseId,
  closed,
  mayEditOrganisations,
}: {
  s: Suggestion;
  caseId: number;
  closed: boolean;
  mayEditOrganisations: boolean;
}) {
  const { t } = useTranslation("staff");
  const to =
    s.organisation?.name ?? t(`routing.destinations.${s.destination}`, { defaultValue: s.destination });
  return (
    <li className={`suggestion suggestion--${s.consent}`}>
      <p className="suggestion__to">
        <strong>{to}</strong>{" "}
        {s.consent === "given" ? (
          <span className="tag tag--success">{t("routing.consent.given")}</span>
        ) : s.consent === "missing" ? (
          <span className="tag tag--warning">{t("routing.consent.missing")}</span>
        ) : (
          <span className="tag">{t("routing.consent.not_needed")}</span>
        )}{" "}
        {s.urgent ? <span className="tag tag--error">{t("routing.urgent")}</span> : null}
      </p>
      <p className="suggestion__reason">{t(s.reason)}</p>
      {s.ask ? <p className="suggestion__ask">{t(s.ask)}</p> : null}
      {s.coordinating ? (
        <p className="suggestion__coordinating">
          {t("routing.coordinating", { name: s.coordinating.name, region: s.coordinating.regionName })}
        </p>
      ) : null}
      {s.organisation && !s.organisation.hasReferralEmail ? (
        <div className="notice notice--warning suggestion__no-email">
          <p>{t("routing.noEmail", { name: s.organisation.name })}</p>
          {mayEditOrganisations ? (
            <p>
              <Link to={`/medewerker/organisaties/${s.organisation.id}`}>
                {t("routing.noEmailFix", { name: s.organisation.name })}
              </Link>
            </p>
          ) : (
            <p>{t("routing.noEmailAsk")}</p>
          )}
        </div>
      ) : s.consent === "given" && s.organisation && !closed ? (
        <p>
          <Link to={`/medewerker/zaken/${caseId}/verwijzen?naar=${s.organisation.id}`}>
            {t("routing.referTo", { name: s.organisation.name })}
          </Link>
        </p>
      ) : null}
    </li>
  );
}

function statusClass(status: Referral["status"]) {
  if (status === "blocked") return "tag tag--error";
  if (status === "done") return "tag tag--success";
  if (status === "pending") return "tag tag--warning";
  return "tag";
}

function ReferralItem({
  r,
  errors,
  closed,
}: {
  r: Referral;
  errors: FieldErrors | undefined;
  closed: boolean;
}) {
  const { t } = useTranslation("staff");
  const headingId = `referral-${r.id}`;
  const field = `referral-${r.id}`;
  const error = errors?.[field];
  return (
    <li className="referral">
      <h4 id={headingId} className="referral__heading">
        {r.organisation} · {r.reference}{" "}
        <span className={statusClass(r.status)}>{t(`routing.statuses.${r.status}`)}</span>
      </h4>
      {r.status === "blocked" ? (
        <div className="notice notice--warning">
          <p>{t("routing.panel.blocked")}</p>
        </div>
      ) : r.consentWithdrawnAt ? (
        <div className="notice notice--warning">
          <p>{t("routing.panel.withdrawn", { date: formatDateTime(r.consentWithdrawnAt, t) })}</p>
        </div>
      ) : null}
      <dl className="facts facts--compact">
        <div className="facts__row">
          <dt>{t("routing.panel.parts")}</dt>
          <dd>{partsText(t, r.parts)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t("routing.panel.created")}</dt>
          <dd>
            <time dateTime={isoDate(r.createdAt)}>{formatDateTime(r.createdAt, t)}</time>
            {r.createdBy ? <> · {r.createdBy}</> : null}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t("routing.panel.mail")}</dt>
          <dd>
            {r.mail
              ? t(`routing.mailStates.${r.mail.status}`, { count: r.mail.attempts })
              : t("routing.panel.noMail")}
            {r.sentAt ? (
              <>
                {" · "}
                <time dateTime={isoDate(r.sentAt)}>{formatDateTime(r.sentAt, t)}</time>
              </>
            ) : null}
          </dd>
        </div>
        {r.receivedAt ? (
          <div className="facts__row">
            <dt>{t("routing.panel.received")}</dt>
            <dd>
              <time dateTime={isoDate(r.receivedAt)}>{formatDateTime(r.receivedAt, t)}</time>
            </dd>
          </div>
        ) : null}
        {r.doneAt ? (
          <div className="facts__row">
            <dt>{t("routing.panel.done")}</dt>
            <dd>
              <time dateTime={isoDate(r.doneAt)}>{formatDateTime(r.doneAt, t)}</time>
            </dd>
          </div>
        ) : null}
        {r.status !== "blocked" ? (
          <div className="facts__row">
            <dt>{t("routing.panel.linkUntil")}</dt>
            <dd>
              <time dateTime={isoDate(r.linkExpiresAt)}>{formatDate(r.linkExpiresAt, t)}</time>
            </dd>
          </div>
        ) : null}
      </dl>
      {r.updates.length ? (
        <>
          <h5 className="referral__updates-heading">{t("routing.panel.updates")}</h5>
          <ol className="referral__updates">
            {r.updates.map((u) => (
              <li key={u.at}>
                <time dateTime={isoDate(u.at)}>{formatDateTime(u.at, t)}</time>:{" "}
                <strong>{t(`routing.statuses.${u.status}`, { defaultValue: u.status })}</strong>
                {u.note ? <p className="referral__note">{u.note}</p> : null}
              </li>
            ))}
          </ol>
          <p className="field__hint">{t("routing.panel.notesPrivate")}</p>
        </>
      ) : null}
      {r.mayRenew && !closed ? (
        <ActionForm
          id={`renew-${r.id}`}
          intent="renewLink"
          values={{ referralId: r.id }}
          errors={error ? { [field]: error } : undefined}
        >
          <p className="field__hint" id={`referral-${r.id}-hint`}>
            {t("routing.panel.renewHint")}
          </p>
          {error ? (
            <p className="field__error" id={fieldId(field)}>
              {error}
            </p>
          ) : null}
          <Button variant="secondary" aria-describedby={`referral-${r.id}-hint`}>
            {t("routing.panel.renew", { reference: r.reference })}
          </Button>
        </ActionForm>
      ) : null}
    </li>
  );
}

export function ReferralPanel({
  panel,
  errors,
  mayEditOrganisations = false,
}: {
  panel: ReferralPanelData;
  /** Coordinators get a link to fix a missing referral address. */
  mayEditOrganisations?: boolean;
  /** The case page's action errors for intent "renewLink", keyed `referral-<id>`. */
  errors?: FieldErrors;
}) {
  const { t } = useTranslation("staff");
  return (
    <section aria-labelledby="referrals-heading" id="verwijzingen" className="referrals">
      <h2 id="referrals-heading">{t("routing.heading")}</h2>
      <h3>{t("routing.suggestionsHeading")}</h3>
      <p>{t("routing.suggestionsIntro")}</p>
      {panel.suggestions.length === 0 ? (
        <p>{t("routing.noSuggestion")}</p>
      ) : (
        <ul className="plain-list suggestions">
          {panel.suggestions.map((s) => (
            <SuggestionItem
              key={s.rule}
              s={s}
              caseId={panel.caseId}
              closed={panel.closed}
              mayEditOrganisations={mayEditOrganisations}
            />
          ))}
        </ul>
      )}
      {!panel.closed ? (
        <p>
          <Link to={`/medewerker/zaken/${panel.caseId}/verwijzen`} className="button button--secondary">
            {t("routing.referOther")}
          </Link>
        </p>
      ) : null}

      <h3>{t("routing.referralsHeading")}</h3>
      {panel.referrals.length === 0 ? (
        <p>{t("routing.noReferrals")}</p>
      ) : (
        <ul className="plain-list referral-list">
          {panel.referrals.map((r) => (
            <ReferralItem key={r.id} r={r} errors={errors} closed={panel.closed} />
          ))}
        </ul>
      )}
    </section>
  );
}
