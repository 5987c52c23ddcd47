import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form as RemixForm, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { can } from "~/domain/roles";
import { ReferralPanel } from "~/components/routing/ReferralPanel";
import { referralEventText } from "~/components/routing/referral-text";
import { ConfirmNotice } from "~/components/staff/ConfirmNotice";
import { DeadlineBadge } from "~/components/staff/DeadlineBadge";
import { formatDate, formatDateTime, isoDate } from "~/components/staff/format";
import { formatPeriod, periodOf } from "~/domain/period";
import { SelectField } from "~/components/staff/SelectField";
import {
  Button,
  CheckboxGroup,
  Form,
  RadioGroup,
  TextArea,
  TextField,
  fieldId,
  type FieldErrors,
} from "~/components/ui";
import { deadlineInfo, kindLabelKey, staffStatuses, statusChange } from "~/domain/case-status";
import { FOLLOW_UP_REASON_MAX, messageRoleChoices, parseFollowUp } from "~/domain/case-clocks";
import { buildTimelines } from "~/domain/timeline";
import { caseActionSchema, fieldErrors, TEXT_MAX, type CaseAction } from "~/domain/staff-forms";
import { deadlineBadge, endOfAmsterdamDay } from "~/domain/working-days";
import { queueReturnPath } from "~/domain/queue";
import type { RouteHandle } from "~/route-handle";
import { type CaseActionResult, type OpenReferral } from "~/server/case-admin.server";
import { erasedCase, loadCase } from "~/server/case-view.server";
import { changeStatus, reopenCase } from "~/server/case-status.server";
import { addNote, markMilestone, sendMessage } from "~/server/case-messages.server";
import { assignCase, setFollowUp, setUrgent } from "~/server/case-planning.server";
import { caseClocks } from "~/server/case-clocks.server";
import { allTags, changeTagsOrLinks, linksOf, tagsOfCases } from "~/server/case-tags-links.server";
import { LinksSection, TagsSection } from "~/components/staff/CaseTagsLinks";
import { TAG_MAX_LENGTH, TAGS_PER_CASE_MAX } from "~/domain/case-tags";
import { checkForm } from "~/server/csrf.server";
import { renewLinkAction } from "~/server/referral-actions.server";
import { referralPanel } from "~/server/referrals.server";
import { activeStaff, staffNames } from "~/server/staff-accounts.server";
import { staffTranslators, translateErrors } from "~/server/staff-i18n.server";
import { flashCookie, takeFlash } from "~/server/staff-flash.server";
import { requireStaff } from "~/server/staff-session.server";
import { requireStaffKeepingText, takeStaffUnsent } from "~/server/staff-unsent.server";
import { useCachedT } from "~/components/staff/use-cached-t";

export const handle: RouteHandle = {
  title: (t, data) => {
    const code = (data as { case?: { code: string } } | undefined)?.case?.code;
    return code ? t("staff:case.title", { code }) : t("staff:title");
  },
};

/** A case URL with some query parameters, leaving out the empty ones. */
function caseUrl(id: number, params: Record<string, string | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
  const q = p.toString();
  return `/medewerker/zaken/${id}${q ? `?${q}` : ""}`;
}

function caseIdFrom(param: string | undefined): number {
  const id = Number(param);
  if (!Number.isSafeInteger(id) || id < 1) throw json({ reason: "not_found" }, { status: 404 });
  return id;
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const me = requireStaff(request);
  const id = caseIdFrom(params.caseId);
  const url = new URL(request.url);
  const from = url.searchParams.get("terug");
  const backTo = queueReturnPath(from);
  const acted = takeFlash(request, me.id, "acted");
  const headers = acted.setCookie ? { "Set-Cookie": acted.setCookie } : undefined;
  const contactParam = url.searchParams.get("contact");
  const view = loadCase(id, me, {
    contact: contactParam === "show" || contactParam === "hide" ? contactParam : undefined,
    // The page after this person's own action on the case is not a new look at it (issue 16).
    logView: acted.flash?.caseId !== id,
  });
  if (!view) {
    const erased = erasedCase(id);
    if (erased)
      return json(
        { erased: true as const, code: erased.code, erasedAt: erased.erasedAt, backTo },
        { headers },
      );
    throw json({ reason: "not_found" }, { status: 404 });
  }
  const now = Date.now();
  const c = view.case;
  // Typed before the session ran out and kept for this person: back in the boxes this page shows.
  const kept = takeStaffUnsent(
    me.id,
    id,
    c.status === "closed" ? ["note", "reason"] : ["note", "message", "outcome"],
  );
  const timelines = buildTimelines(view.events, view.messages, view.notes);
  return json(
    {
      erased: false as const,
      backTo,
      from,
      case: c,
      story: view.story,
      details: view.details,
      outcome: view.outcome,
      contact: view.contact,
      contactShown: view.contact !== null,
      consents: view.consents,
      related: view.related,
      tags: tagsOfCases([id]).get(id) ?? [],
      tagSuggestions: allTags().map((g) => g.name),
      links: linksOf(id),
      referralPanel: referralPanel(id),
      mayEditOrganisations: can(me.role, "organisations.manage"),
      reporterTimeline: timelines.reporter,
      internalTimeline: timelines.internal,
      staffNames: Object.fromEntries(staffNames().map((s) => [s.id, s.name])),
      staff: activeStaff(),
      meId: me.id,
      done: url.searchParams.get("gedaan"),
      deadline: deadlineInfo(c, now),
      // Every clock that runs, not only the nearest, so the worker sees what else is waiting (ADR 039).
      clocks: caseClocks(id).flatMap(
        (k) => deadlineInfo({ status: c.status, nextDueAt: k.dueAt, nextDueKind: k.which }, now) ?? [],
      ),
      messageRoles: messageRoleChoices(c),
      ackBadge: deadlineBadge(c.ackDueAt, now, c.acknowledgedAt),
      answerBadge: deadlineBadge(c.answerDueAt, now, c.firstAnswerAt),
      kept,
    },
    { headers },
  );
}

/** Which field an action's error belongs to (for the error summary link). */
const fieldOf: Record<CaseAction["intent"], string> = {
  assign: "assignee",
  status: "status",
  close: "outcome",
  note: "note",
  message: "message",
  urgent: "urgent",
  reopen: "reason",
  milestone: "milestone",
  followUp: "followUpDate",
  followUpDone: "followUpDate",
  tag: "tag",
  untag: "tag",
  link: "linkCode",
  unlink: "linkCode",
};

export async function action({ request, params }: ActionFunctionArgs) {
  // A note typed while the session ran out is kept for signing in again, not lost (ADR 038).
  const me = await requireStaffKeepingText(request, Number(params.caseId), { permission: "cases.handle" });
  const id = caseIdFrom(params.caseId);
  const form = await request.formData();
  const { t, tErr } = staffTranslators(request);
  const raw = Object.fromEntries(form) as Record<string, string>;
  if (raw.intent === "renewLink") return renewLinkAction(request, form, me, id);
  const intent = (
    Object.keys(fieldOf).includes(raw.intent ?? "") ? raw.intent : "note"
  ) as CaseAction["intent"];
  const values = {
    outcome: raw.outcome ?? "",
    note: raw.note ?? "",
    message: raw.message ?? "",
    reason: raw.reason ?? "",
    messageRole: raw.messageRole ?? "",
    followUpDate: raw.followUpDate ?? "",
    followUpReason: raw.followUpReason ?? "",
    confirmClose: raw.confirmClose === "yes",
    asDuplicate: raw.asDuplicate === "yes",
    tag: raw.tag ?? "",
    linkCode: raw.linkCode ?? "",
    linkKind: raw.linkKind ?? "",
  };
  const fail = (errors: FieldErrors, status = 400, openReferrals: OpenReferral[] | null = null) =>
    json({ errors, intent, values, openReferrals }, { status });
  if (checkForm(request, form) !== "ok") return fail({ [fieldOf[intent]]: tErr("csrf") });
  const parsed = caseActionSchema.safeParse(raw);
  if (!parsed.success) return fail(translateErrors(fieldErrors(parsed.error), t, { max: TEXT_MAX }));
  const a = parsed.data;
  const from = new URL(request.url).searchParams.get("terug");
  const done = () =>
    redirect(
      `/medewerker/zaken/${id}?gedaan=${a.intent}${from ? `&terug=${encodeURIComponent(from)}` : ""}`,
      {
        headers: { "Set-Cookie": flashCookie(me.id, { kind: "acted", caseId: id }) },
      },
    );
  if (a.intent === "tag" || a.intent === "untag" || a.intent === "link" || a.intent === "unlink") {
    const changed = changeTagsOrLinks(id, me, a);
    if (changed.ok) return done();
    if (changed.reason === "not_found") throw json({ reason: "not_found" }, { status: 404 });
    const area = a.intent === "tag" || a.intent === "untag" ? "tag" : "link";
    return fail({
      [fieldOf[a.intent]]: t(`errors.${area}.${changed.reason}`, {
        max: TAG_MAX_LENGTH,
        count: TAGS_PER_CASE_MAX,
        code: "code" in changed ? changed.code : "",
      }),
    });
  }
  let result: CaseActionResult;
  switch (a.intent) {
    case "assign":
      result = assignCase(id, me, a.assignee === "me" ? me.id : a.assignee === "nobody" ? null : a.assignee);
      break;
    case "status":
      result = changeStatus(id, me, a.status, null);
      break;
    case "close":
      result = changeStatus(id, me, "closed", a.outcome, Date.now(), {
        confirmOpenReferral: a.confirmOpenReferral === "yes",
        asDuplicate: a.asDuplicate === "yes",
      });
      break;
    case "reopen":
      result = reopenCase(id, me, a.reason);
      break;
    case "note":
      result = addNote(id, me, a.note);
      break;
    case "message":
      result = sendMessage(id, me, a.message, a.messageRole);
      break;
    case "milestone":
      result = markMilestone(id, me, a.milestone);
      break;
    case "followUp": {
      const followUp = parseFollowUp(a.followUpDate, a.followUpReason, Date.now());
      if (!followUp.ok)
        return fail({
          [followUp.field]: t(`errors.followUp.${followUp.field}.${followUp.error}`, {
            max: FOLLOW_UP_REASON_MAX,
          }),
        });
      result = setFollowUp(id, me, followUp);
      break;
    }
    case "followUpDone":
      result = setFollowUp(id, me, null);
      break;
    case "urgent":
      result = setUrgent(id, me, a.urgent === "yes");
      break;
  }
  if (!result.ok) {
    if (result.reason === "not_found") throw json({ reason: "not_found" }, { status: 404 });
    // A question, not an error: the close form comes back with the open referrals and a confirm button.
    if (result.reason === "open_referral") return fail({}, 409, result.referrals);
    return fail({ [fieldOf[a.intent]]: t(`errors.action.${result.reason}`) }, 409);
  }
  return done();
}

type Data = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { erased: false }>;

/** The loader data of a case that is still there (CaseView is only rendered for those). */
const useCaseData = () => useLoaderData<typeof loader>() as Data;

function eventText(
  t: TFunction,
  item: Extract<Data["reporterTimeline"][number], { kind: "event" }>,
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
  items: Data["reporterTimeline"];
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

/** A native date field (the browser's picker, typed as YYYY-MM-DD without one), labelled like the others. */
function DateField(f: { name: string; label: string; hint: string; defaultValue?: string; error?: string }) {
  const t = useCachedT();
  const id = fieldId(f.name);
  return (
    <div className={f.error ? "field field--error" : "field"}>
      <label className="field__label" htmlFor={id}>
        {f.label}
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {f.hint}
      </p>
      {f.error ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t("common:errorSummary.errorPrefix")} </span>
          {f.error}
        </p>
      ) : null}
      <input
        id={id}
        name={f.name}
        type="date"
        className="input input--medium"
        defaultValue={f.defaultValue}
        aria-describedby={f.error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={f.error ? true : undefined}
      />
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What the worker handling an erased case sees instead of a 404: that the reporter erased it. */
function ErasedCase({ code, erasedAt, backTo }: { code: string; erasedAt: number; backTo: string }) {
  const t = useCachedT();
  return (
    <div className="case">
      <p>
        <Link to={backTo} className="link link--back">
          {t("case.backToQueue")}
        </Link>
      </p>
      <h1>{t("case.title", { code })}</h1>
      <div className="notice">
        <p>
          {t("case.erased", {
            date: formatDate(erasedAt, t),
          })}
        </p>
      </div>
    </div>
  );
}

export default function CasePage() {
  const data = useLoaderData<typeof loader>();
  return data.erased ? (
    <ErasedCase code={data.code} erasedAt={data.erasedAt} backTo={data.backTo} />
  ) : (
    <CaseView />
  );
}

function CaseView() {
  const data = useCaseData();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const t = useCachedT();
  const c = data.case;
  const closed = c.status === "closed";
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : undefined);
  const openReferrals = actionData?.intent === "close" ? actionData.openReferrals : null;
  const period = formatPeriod(periodOf(c.periodFrom, c.periodTo), t);
  // The tag, link and close forms' input when one came back with an error (the other action answers have none).
  const typed = (actionData?.values ?? {}) as Partial<{
    tag: string;
    linkCode: string;
    linkKind: string;
    asDuplicate: boolean;
  }>;
  const statusText = c.closedAs ? t(`closedAs.${c.closedAs}`) : t(`statuses.${c.status}`);
  const duplicateOf = data.links.find((k) => k.role === "duplicate_of")?.other;
  const list = (keys: string[], prefix: string) =>
    keys.length ? keys.map((k) => t(`${prefix}.${k}`)).join(", ") : t("case.none");
  const milestoneOptions = [
    ...(c.acknowledgedAt == null ? (["acknowledged"] as const) : []),
    ...(c.firstAnswerAt == null ? (["answered"] as const) : []),
  ].map((m) => ({ value: m, label: t(`case.actions.milestones.${m}`) }));
  const statusOptions = staffStatuses
    // Closing has its own form (with the open-referral check); the rest are the changes statusChange allows.
    .filter((s) => s !== "closed" && statusChange(c, s).ok)
    .map((s) => ({ value: s, label: t(`statuses.${s}`) }));

  return (
    <div className="case">
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

      <div className="case__layout">
        <div className="case__main">
          <section aria-labelledby="story-heading">
            <h2 id="story-heading">
              {t(c.kind === "contact" ? "case.story.questionHeading" : "case.story.heading")}
            </h2>
            {data.story ? (
              <>
                <div className="story">{data.story.text}</div>
                {data.story.additions?.map((a) => (
                  <div key={a.at} className="story story--addition">
                    <p className="story__meta">
                      {t("case.story.addedOn", { date: formatDateTime(a.at, t) })}
                    </p>
                    {a.text}
                  </div>
                ))}
              </>
            ) : c.kind !== "contact" ? (
              <p>{t("case.story.none")}</p>
            ) : null}
            {data.details &&
            Object.keys(data.details).some((k) => k !== "themeOther" && k !== "unitOther") ? (
              <dl className="facts">
                {(
                  ["complaintAbout", "desiredOutcome", "question", "relation", "youngPersonKnows"] as const
                ).map((k) =>
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

          <section aria-labelledby="contact-heading">
            <h2 id="contact-heading">{t("case.contact.heading")}</h2>
            {!c.hasContact ? (
              <p>{t("case.contact.none")}</p>
            ) : data.contactShown && data.contact ? (
              <>
                <dl className="facts">
                  <Fact label={t("case.contact.method")}>
                    {t(`contactMethods.${c.contactMethod ?? "none"}`, {
                      defaultValue: c.contactMethod ?? "",
                    })}
                  </Fact>
                  {data.contact.name ? <Fact label={t("case.contact.name")}>{data.contact.name}</Fact> : null}
                  {data.contact.email ? (
                    <Fact label={t("case.contact.email")}>{data.contact.email}</Fact>
                  ) : null}
                  {data.contact.phone ? (
                    <Fact label={t("case.contact.phone")}>{data.contact.phone}</Fact>
                  ) : null}
                  {data.contact.safeTimes ? (
                    <Fact label={t("case.contact.safeTimes")}>{data.contact.safeTimes}</Fact>
                  ) : null}
                  {data.contact.mayLeaveMessage !== undefined ? (
                    <Fact label={t("case.contact.mayLeaveMessage")}>
                      {t(data.contact.mayLeaveMessage ? "case.yes" : "case.no")}
                    </Fact>
                  ) : null}
                </dl>
                <p>
                  <Link to={caseUrl(c.id, { contact: "hide", terug: data.from })} preventScrollReset>
                    {t("case.contact.hide")}
                  </Link>
                </p>
              </>
            ) : (
              <RemixForm method="get" action={`/medewerker/zaken/${c.id}`} preventScrollReset>
                <p>{t("case.contact.logged")}</p>
                <input type="hidden" name="contact" value="show" />
                {data.from ? <input type="hidden" name="terug" value={data.from} /> : null}
                <button type="submit" className="button button--secondary">
                  {t("case.contact.show")}
                </button>
              </RemixForm>
            )}
          </section>

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
              {closed ? (
                <Fact label={t("case.summary.outcome")}>{data.outcome ?? t("case.none")}</Fact>
              ) : null}
            </dl>
          </section>

          {/* Keyed by what they list: after a change the field starts empty, other actions leave it be. */}
          <TagsSection
            key={`tags-${data.tags.map((g) => g.id).join(",")}`}
            tags={data.tags}
            suggestions={data.tagSuggestions}
            errors={errorsFor("tag") ?? errorsFor("untag")}
            typed={typed.tag}
          />

          <LinksSection
            key={`links-${data.links.map((k) => k.id).join(",")}`}
            links={data.links}
            errors={errorsFor("link") ?? errorsFor("unlink")}
            typed={{ linkCode: typed.linkCode ?? "", linkKind: typed.linkKind ?? "" }}
          />

          <section aria-labelledby="related-heading">
            <h2 id="related-heading">{t("case.related.heading")}</h2>
            {!data.related ? (
              <p>{t("case.related.cannot")}</p>
            ) : data.related.summary.total === 0 ? (
              <p>{t("case.related.none")}</p>
            ) : (
              <div className="pattern">
                <p className="pattern__summary">
                  <strong>
                    {t("case.related.count", { count: data.related.summary.total, unit: c.unit?.name ?? "" })}
                  </strong>{" "}
                  {t("case.related.byKind", {
                    testimony: data.related.summary.byKind.testimony,
                    complaint: data.related.summary.byKind.complaint,
                    contact: data.related.summary.byKind.contact,
                    open: data.related.summary.open,
                  })}
                </p>
                <p>{t("case.related.why")}</p>
                <ul className="plain-list">
                  {data.related.recent.map((r) => (
                    <li key={r.id}>
                      <Link to={`/medewerker/zaken/${r.id}`}>{r.code}</Link> · {t(`kinds.${r.kind}`)} ·{" "}
                      {t(`statuses.${r.status}`)} ·{" "}
                      <time dateTime={isoDate(r.receivedAt)}>{formatDate(r.receivedAt, t)}</time>
                    </li>
                  ))}
                </ul>
                {data.related.summary.total > data.related.recent.length ? (
                  <p>{t("case.related.more", { shown: data.related.recent.length })}</p>
                ) : null}
                {c.unit ? (
                  <p>
                    <Link to={`/medewerker?status=all&unit=${c.unit.id}`}>
                      {t("case.related.allForUnit", { unit: c.unit.name })}
                    </Link>
                  </p>
                ) : null}
              </div>
            )}
          </section>

          {data.referralPanel ? (
            <ReferralPanel
              panel={data.referralPanel}
              mayEditOrganisations={data.mayEditOrganisations}
              errors={actionData?.intent === "renewLink" ? actionData.errors : undefined}
            />
          ) : null}

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
        </div>

        <section className="case__actions" aria-labelledby="actions-heading" key={location.key}>
          <h2 id="actions-heading" tabIndex={-1}>
            {t("case.actions.heading")}
          </h2>
          {closed ? (
            <>
              <div className="notice">
                <p>{t("case.actions.closed")}</p>
              </div>
              <h3>{t("case.actions.reopenHeading")}</h3>
              <Form id="reopen" errors={errorsFor("reopen")}>
                <input type="hidden" name="intent" value="reopen" />
                <TextArea
                  name="reason"
                  label={t("case.actions.reopenReason")}
                  hint={t("case.actions.reopenHint")}
                  maxLength={TEXT_MAX}
                  rows={3}
                  defaultValue={errorsFor("reopen") ? actionData?.values.reason : (data.kept.reason ?? "")}
                  error={errorsFor("reopen")?.reason}
                />
                <Button variant="secondary">{t("case.actions.reopen")}</Button>
              </Form>
            </>
          ) : null}

          <h3>{t("case.actions.assignHeading")}</h3>
          {c.assignee?.id !== data.meId && !closed ? (
            <Form id="assign-me" errors={undefined}>
              <input type="hidden" name="intent" value="assign" />
              <input type="hidden" name="assignee" value="me" />
              <Button variant="secondary">{t("case.actions.assignMe")}</Button>
            </Form>
          ) : null}
          <Form id="assign" errors={errorsFor("assign")}>
            <input type="hidden" name="intent" value="assign" />
            <SelectField
              name="assignee"
              label={t("case.actions.assignTo")}
              defaultValue={c.assignee ? String(c.assignee.id) : "nobody"}
              options={[
                { value: "nobody", label: t("queue.nobody") },
                ...data.staff.map((s) => ({
                  value: String(s.id),
                  label: s.id === data.meId ? t("case.actions.me", { name: s.name }) : s.name,
                })),
              ]}
            />
            <Button variant="secondary">{t("case.actions.assign")}</Button>
          </Form>

          {!closed ? (
            <>
              <h3>{t("case.actions.statusHeading")}</h3>
              {statusOptions.length ? (
                <Form id="status" errors={errorsFor("status")}>
                  <input type="hidden" name="intent" value="status" />
                  <RadioGroup
                    name="status"
                    label={t("case.actions.newStatus")}
                    hint={t("case.actions.statusHint")}
                    options={statusOptions}
                    error={errorsFor("status")?.status}
                  />
                  <Button variant="secondary">{t("case.actions.changeStatus")}</Button>
                </Form>
              ) : null}

              <h3>{t("case.actions.urgencyHeading")}</h3>
              <Form id="urgent" errors={errorsFor("urgent")}>
                <input type="hidden" name="intent" value="urgent" />
                <input type="hidden" name="urgent" value={c.urgent ? "no" : "yes"} />
                <p className="field__hint">
                  {t(c.urgent ? "case.actions.urgentHintOn" : "case.actions.urgentHintOff")}
                </p>
                <Button variant="secondary">
                  {t(c.urgent ? "case.actions.unmarkUrgent" : "case.actions.markUrgent")}
                </Button>
              </Form>

              <h3>{t("case.actions.messageHeading")}</h3>
              <Form id="message" errors={errorsFor("message")}>
                <input type="hidden" name="intent" value="message" />
                <TextArea
                  name="message"
                  label={t("case.actions.message")}
                  hint={t(c.wantsNews ? "case.actions.messageHintNews" : "case.actions.messageHint")}
                  maxLength={TEXT_MAX}
                  rows={5}
                  defaultValue={errorsFor("message") ? actionData?.values.message : (data.kept.message ?? "")}
                  error={errorsFor("message")?.message}
                />
                {data.messageRoles.length > 1 ? (
                  <RadioGroup
                    name="messageRole"
                    label={t("case.actions.messageRole")}
                    options={data.messageRoles.map((r) => ({
                      value: r,
                      label: t(`case.actions.messageRoles.${r}`),
                      hint: t(`case.actions.messageRoleHints.${r}`),
                    }))}
                    defaultValue={
                      errorsFor("message") && actionData?.values.messageRole
                        ? actionData.values.messageRole
                        : "other"
                    }
                    error={errorsFor("message")?.messageRole}
                  />
                ) : null}
                <Button>{t("case.actions.send")}</Button>
              </Form>

              {milestoneOptions.length ? (
                <>
                  <h3>{t("case.actions.milestoneHeading")}</h3>
                  <Form id="milestone" errors={errorsFor("milestone")}>
                    <input type="hidden" name="intent" value="milestone" />
                    <RadioGroup
                      name="milestone"
                      label={t("case.actions.milestone")}
                      hint={t("case.actions.milestoneHint")}
                      options={milestoneOptions}
                      error={errorsFor("milestone")?.milestone}
                    />
                    <Button variant="secondary">{t("case.actions.milestoneSave")}</Button>
                  </Form>
                </>
              ) : null}

              <h3>{t("case.actions.followUpHeading")}</h3>
              {c.followUp ? (
                <Form id="follow-up-done" errors={errorsFor("followUpDone")}>
                  <input type="hidden" name="intent" value="followUpDone" />
                  <p>
                    {t("case.actions.followUpCurrent", {
                      date: formatDate(c.followUp.dueAt, t),
                      reason: c.followUp.reason,
                    })}
                  </p>
                  <Button variant="secondary">{t("case.actions.followUpDone")}</Button>
                </Form>
              ) : null}
              <Form id="follow-up" errors={errorsFor("followUp")}>
                <input type="hidden" name="intent" value="followUp" />
                <DateField
                  name="followUpDate"
                  label={t("case.actions.followUpDate")}
                  hint={t("case.actions.followUpDateHint")}
                  defaultValue={errorsFor("followUp") ? actionData?.values.followUpDate : ""}
                  error={errorsFor("followUp")?.followUpDate}
                />
                <TextField
                  name="followUpReason"
                  label={t("case.actions.followUpReason")}
                  hint={t("case.actions.followUpReasonHint", { max: FOLLOW_UP_REASON_MAX })}
                  defaultValue={errorsFor("followUp") ? actionData?.values.followUpReason : ""}
                  error={errorsFor("followUp")?.followUpReason}
                />
                <Button variant="secondary">
                  {t(c.followUp ? "case.actions.followUpChange" : "case.actions.followUpSet")}
                </Button>
              </Form>
            </>
          ) : null}

          <h3>{t("case.actions.noteHeading")}</h3>
          <Form id="note" errors={errorsFor("note")}>
            <input type="hidden" name="intent" value="note" />
            <TextArea
              name="note"
              label={t("case.actions.note")}
              hint={t("case.actions.noteHint")}
              maxLength={TEXT_MAX}
              rows={4}
              defaultValue={errorsFor("note") ? actionData?.values.note : (data.kept.note ?? "")}
              error={errorsFor("note")?.note}
            />
            <Button variant="secondary">{t("case.actions.addNote")}</Button>
          </Form>

          {!closed ? (
            <>
              <h3>{t("case.actions.closeHeading")}</h3>
              <Form id="close" errors={errorsFor("close")}>
                <input type="hidden" name="intent" value="close" />
                <TextArea
                  name="outcome"
                  label={t("case.actions.outcome")}
                  hint={t("case.actions.outcomeHint")}
                  maxLength={TEXT_MAX}
                  rows={4}
                  defaultValue={errorsFor("close") ? actionData?.values.outcome : (data.kept.outcome ?? "")}
                  error={errorsFor("close")?.outcome}
                />
                <CheckboxGroup
                  name="confirmClose"
                  label={t("case.actions.confirmLabel")}
                  options={[{ value: "yes", label: t("case.actions.confirmClose") }]}
                  defaultValue={errorsFor("close") && actionData?.values.confirmClose ? ["yes"] : []}
                  error={errorsFor("close")?.confirmClose}
                />
                {duplicateOf ? (
                  <CheckboxGroup
                    name="asDuplicate"
                    label={t("links.closeAs")}
                    hint={t("links.closeAsHint")}
                    options={[
                      { value: "yes", label: t("links.closeAsDuplicate", { code: duplicateOf.code }) },
                    ]}
                    defaultValue={!errorsFor("close") || typed.asDuplicate ? ["yes"] : []}
                    error={errorsFor("close")?.asDuplicate}
                  />
                ) : null}
                {openReferrals?.length ? (
                  <ConfirmNotice title={t("case.actions.openReferral.title")}>
                    <ul>
                      {openReferrals.map((r) => (
                        <li key={r.reference}>
                          {t("case.actions.openReferral.item", {
                            organisation: r.organisation,
                            reference: r.reference,
                            status: t(`routing.statuses.${r.status}`, { defaultValue: r.status }),
                          })}
                        </li>
                      ))}
                    </ul>
                    <p>{t("case.actions.openReferral.ask")}</p>
                    <input type="hidden" name="confirmOpenReferral" value="yes" />
                  </ConfirmNotice>
                ) : null}
                <Button variant="warning">
                  {openReferrals?.length ? t("case.actions.openReferral.confirm") : t("case.actions.close")}
                </Button>
              </Form>
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}
