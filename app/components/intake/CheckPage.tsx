/**
 * "Check your answers": every answer with a change link that comes back here, then the send button.
 * Everything the person typed is rendered as text (React escapes it); line breaks are kept by CSS.
 */
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button, Form, Link } from "~/components/ui";
import { formatPeriod, periodOf } from "~/domain/period";
import type { checkAction, checkLoader } from "~/server/intake/finish.server";
import { kindContext, roleContext } from "./kind";
import { OnBehalfNotice } from "./OnBehalfNotice";

type Row = { key: string; label: string; value: ReactNode; href: string };

export function CheckPage() {
  const data = useLoaderData<typeof checkLoader>();
  const action = useActionData<typeof checkAction>();
  const navigation = useNavigation();
  const { t } = useTranslation("intake");
  const { answers, paths } = data;
  const context = kindContext(data.kind);
  const role = roleContext(answers.reporterRole);
  const notGiven = <span className="intake-check__empty">{t("check.notGiven")}</span>;
  const text = (v: string | undefined) => (v ? <span className="intake-check__text">{v}</span> : notGiven);
  const list = (items: string[]) =>
    items.length === 0 ? (
      notGiven
    ) : (
      <ul className="intake-check__list">
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    );

  const period = formatPeriod(periodOf(answers.periodFrom, answers.periodTo), t) ?? undefined;

  const unit =
    data.unit === null
      ? undefined
      : typeof data.unit === "string"
        ? t(`unit.options.${data.unit}`)
        : t("unit.unitLabel", { name: data.unit.name, place: data.unit.place });

  const method = answers.contactMethod ?? "none";
  const rows: Row[] = [
    {
      key: "who",
      label: t("check.rows.who"),
      value: text(answers.reporterRole && t(`who.options.${answers.reporterRole}.label`)),
      href: paths.who,
    },
    { key: "unit", label: t("check.rows.unit"), value: text(unit), href: paths.unit },
    ...(answers.unitOther
      ? [
          {
            key: "unitOther",
            label: t("check.rows.unitOther"),
            value: text(answers.unitOther),
            href: paths.unit,
          },
        ]
      : []),
    { key: "period", label: t("check.rows.period"), value: text(period), href: paths.period },
    {
      key: "story",
      label: t("check.rows.story"),
      value: (
        <>
          {text(answers.story)}
          {data.storyMore > 0 ? (
            <span className="intake-check__more">{t("check.storyMore", { count: data.storyMore })}</span>
          ) : null}
        </>
      ),
      href: paths.what,
    },
    {
      key: "themes",
      label: t("check.rows.themes"),
      value: list((answers.themes ?? []).map((th) => t(`what.themes.options.${th}`))),
      href: paths.themes,
    },
    ...(answers.themeOther
      ? [
          {
            key: "themeOther",
            label: t("check.rows.themeOther"),
            value: text(answers.themeOther),
            href: paths.themes,
          },
        ]
      : []),
    ...(data.kind === "complaint"
      ? [
          {
            key: "complaintAbout",
            label: t("check.rows.complaintAbout"),
            value: text(answers.complaintAbout),
            href: paths.complaintAbout,
          },
        ]
      : []),
    {
      key: "safeNow",
      label: t("check.rows.safeNow", { context: role }),
      value: text(answers.safeNow && t(`safe.options.${answers.safeNow}`, { context: role })),
      href: paths.safe,
    },
    {
      key: "wishes",
      label: t("check.rows.wishes"),
      value: list((answers.wishes ?? []).map((w) => t(`wishes.options.${w}.label`, { context: role }))),
      href: paths.wishes,
    },
    ...(data.kind === "complaint"
      ? [
          {
            key: "desiredOutcome",
            label: t("check.rows.desiredOutcome"),
            value: text(answers.desiredOutcome),
            href: paths.wishes,
          },
        ]
      : []),
    ...data.recipients.map((r) => ({
      key: `consent-${r}`,
      label: t("check.rows.consent", { recipient: t(`consent.recipients.${r}.label`) }),
      value: text(answers.consents?.[r] && t(`consent.options.${answers.consents[r]}.label`)),
      href: paths.consent,
    })),
    {
      key: "contactMethod",
      label: t("check.rows.contactMethod"),
      value: text(t(`contact.options.${method}.label`)),
      href: paths.contact,
    },
    ...(method === "email"
      ? [{ key: "email", label: t("check.rows.email"), value: text(answers.email), href: paths.contact }]
      : []),
    ...(method === "phone"
      ? [{ key: "phone", label: t("check.rows.phone"), value: text(answers.phone), href: paths.contact }]
      : []),
    ...(method !== "none"
      ? [
          { key: "name", label: t("check.rows.name"), value: text(answers.name), href: paths.contact },
          {
            key: "safeTimes",
            label: t("check.rows.safeTimes"),
            value: text(answers.safeTimes),
            href: paths.contact,
          },
        ]
      : []),
    ...(method === "phone"
      ? [
          {
            key: "mayLeaveMessage",
            label: t("check.rows.mayLeaveMessage"),
            value: text(
              answers.mayLeaveMessage && t(`contact.mayLeaveMessage.options.${answers.mayLeaveMessage}`),
            ),
            href: paths.contact,
          },
        ]
      : []),
    {
      key: "municipality",
      label: t("check.rows.municipality"),
      value: text(data.municipalityName ?? undefined),
      href: paths.municipality,
    },
  ];

  return (
    <div className="page intake">
      <OnBehalfNotice channel={data.onBehalf} />
      <h1>{t("check.title")}</h1>
      <p>{t("check.intro", { context })}</p>
      <dl className="summary-list intake-check">
        {rows.map((row) => (
          <div className="summary-list__row" key={row.key}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
            <dd className="summary-list__actions">
              <Link href={row.href}>
                {t("common:change")}
                <span className="visually-hidden"> {row.label}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <h2>{t("check.sendHeading")}</h2>
      <p>{t("check.sendText")}</p>
      <Form errors={action?.errors}>
        <Button id="field-submit" isDisabled={navigation.state === "submitting"}>
          {t("check.send", { context })}
        </Button>
      </Form>
    </div>
  );
}
