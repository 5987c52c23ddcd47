import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { CaseTimeline } from "~/components/follow/CaseTimeline";
import { useOperator } from "~/components/layout/Operator";
import { Button, ErrorSummary, Form, Link, TextArea } from "~/components/ui";
import { MESSAGE_MAX, replySchema } from "~/domain/follow-forms";
import { formValues, type Problems } from "~/domain/form-input";
import { parseInput } from "~/server/forms/parse-form.server";
import { detectLanguage } from "~/i18n/locale.server";
import { SWITCH_LANGUAGE, type RouteHandle } from "~/route-handle";
import { openCaseForReporter, postReporterMessage } from "~/server/follow.server";
import { FollowSessionNote, UnsentNotice } from "~/components/follow/SessionNotes";
import { reloadInOtherLanguage } from "~/i18n/locale.server";
import { followTimeout, formProblem, messagesOf, requireReporter } from "~/server/follow-route.server";
import { keepUnsavedForm, unsavedFormValues } from "~/server/follow-session.server";
import { takeUnsent } from "~/server/unsent.server";
import { datedCase } from "~/server/follow-view.server";
import followStyles from "~/styles/follow.css?url";

export const handle: RouteHandle = {
  title: "follow:case.title",
  // The reply box is there while the case is open: the language switch then keeps what is typed in it.
  languageForm: (data) =>
    (data as { status?: string } | undefined)?.status === "closed" ? undefined : "reply",
  hydrate: false,
};
export const links = () => [{ rel: "stylesheet", href: followStyles }];

const SENT_ID = "bericht-verstuurd";
const doneFlags = ["bericht", "toegevoegd", "delen", "email-aan", "email-uit"] as const;

export function loader({ request }: LoaderFunctionArgs) {
  const { caseId, endsAt } = requireReporter(request);
  const found = openCaseForReporter(caseId);
  if (!found) throw redirect("/volgen?reden=verlopen");
  const gedaan = new URL(request.url).searchParams.get("gedaan");
  return json({
    ...datedCase(found, detectLanguage(request)),
    done: doneFlags.find((f) => f === gedaan) ?? null,
    unsavedMessage: unsavedFormValues(request, "reply")?.message ?? null,
    unsent: takeUnsent(caseId, "message"),
    timeout: followTimeout(endsAt),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = formValues(form, ["message"]);
  const { caseId } = requireReporter(request, { form, field: "message", text: values.message });
  const fail = (problems: Problems, status = 400) =>
    json({ errors: messagesOf(request, problems), values }, { status });
  const bad = formProblem(request, form);
  if (bad) return fail(bad);
  if (form.get("intent") === SWITCH_LANGUAGE) {
    keepUnsavedForm(request, { form: "reply", values });
    return reloadInOtherLanguage(request);
  }
  const parsed = parseInput(replySchema, values);
  if (!parsed.ok) return fail(parsed.problems);
  const result = postReporterMessage(caseId, parsed.data.message);
  if (result === "closed") throw redirect("/volgen/zaak");
  // Over a limit: said plainly, and the message stays in the field.
  // A day's limit passes (429); a full case stays full (400).
  if (result !== "sent")
    return fail({ message: { key: `follow:limits.${result}` } }, result === "messagesToday" ? 429 : 400);
  keepUnsavedForm(request, null);
  // To the confirmation beside the form: without JavaScript the browser scrolls there itself.
  return redirect(`/volgen/zaak?gedaan=bericht#${SENT_ID}`);
}

/**
 * "Your message has been sent", right above the emptied box and focused, so it is seen and read out
 * where the person is looking; with JavaScript off, autofocus and the URL's #fragment do the same.
 */
function SentNotice({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      ref={ref}
      id={SENT_ID}
      className="notice notice--success"
      role="status"
      tabIndex={-1}
      {...{ autoFocus: true }}
    >
      <p>{text}</p>
    </div>
  );
}

export default function FollowCase() {
  const c = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation("follow");
  const op = useOperator();
  const errors = data?.errors ?? {};
  return (
    <div className="follow">
      <ErrorSummary errors={errors} />
      {c.done && c.done !== "bericht" && !data ? (
        <div className="notice notice--success" role="status">
          <p>{t(`case.done.${c.done}`)}</p>
        </div>
      ) : null}
      <h1>{t(`case.kind.${c.kind}`)}</h1>
      <p className="follow__meta">{t("case.receivedOn", { date: c.receivedOn })}</p>

      <section className={`status status--${c.status}`} aria-labelledby="status-heading">
        <h2 id="status-heading" className="status__heading">
          {t("case.statusHeading")}{" "}
          <span className="status__label">{t(`case.status.${c.status}.label`)}</span>
        </h2>
        <p>{t(`case.status.${c.status}.text`)}</p>
        {c.deadline ? (
          <p className="status__deadline">
            {c.deadline.overdue
              ? t("case.deadline.overdue")
              : t(`case.deadline.${c.deadline.kind}`, { day: c.deadline.day })}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="berichten">
        <h2 id="berichten" tabIndex={-1}>
          {t("case.messages.heading")}
        </h2>
        {c.messages.length === 0 ? (
          <p>{t("case.messages.none")}</p>
        ) : (
          <ol className="thread">
            {c.messages.map((m) => (
              <li key={m.id} className={`thread__message thread__message--${m.author}`}>
                <p className="thread__meta">
                  <span className="thread__author">
                    {m.author === "staff"
                      ? m.signedBy
                        ? t("case.messages.from.staffNamed", { name: m.signedBy, signature: op.signature })
                        : op.signature
                      : t("case.messages.from.reporter")}
                  </span>{" "}
                  <span className="thread__when">{t("timeline.when", { date: m.date, time: m.time })}</span>
                  {m.isNew ? <strong className="tag thread__new">{t("case.messages.new")}</strong> : null}
                </p>
                <p className="thread__body">{m.body}</p>
              </li>
            ))}
          </ol>
        )}
        {c.status === "closed" ? (
          <div className="notice">
            <p>{t("case.closedNotice.text")}</p>
            <ul>
              <li>
                <Link href="/verhaal">{t("case.closedNotice.story")}</Link>
              </li>
              <li>
                <Link href="/contact">{t("case.closedNotice.contact")}</Link>
              </li>
            </ul>
          </div>
        ) : (
          // A new key after every message sent: the box starts empty instead of keeping what was sent.
          <Form id="reply" key={`${c.messages.length}-${JSON.stringify(data ?? null)}`}>
            {c.done === "bericht" && !data ? <SentNotice text={t("case.done.bericht")} /> : null}
            {c.unsent && !data ? <UnsentNotice /> : null}
            <div id="field-form" />
            <TextArea
              name="message"
              label={t("case.reply.label")}
              hint={t("case.reply.hint")}
              error={errors.message}
              defaultValue={data?.values.message ?? c.unsavedMessage ?? c.unsent ?? ""}
              maxLength={MESSAGE_MAX}
              rows={5}
            />
            <Button>{t("case.reply.submit")}</Button>
          </Form>
        )}
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t("case.timelineHeading")}</h2>
        <CaseTimeline items={c.timeline} organisations={c.organisations} />
      </section>

      <section aria-labelledby="more-heading">
        <h2 id="more-heading">{t("case.more.heading")}</h2>
        <ul className="actions-list">
          {c.status !== "closed" ? (
            <li>
              <Link href="/volgen/toevoegen">
                {t(c.kind === "contact" ? "case.more.addToQuestion" : "case.more.add")}
              </Link>
            </li>
          ) : null}
          {c.kind !== "contact" ? (
            <li>
              <Link href="/volgen/delen">{t("case.more.consent")}</Link>
            </li>
          ) : null}
          <li>
            <Link href="/volgen/email">{t(c.notifyEmailSet ? "case.more.newsOn" : "case.more.newsOff")}</Link>
          </li>
          <li>
            <Link href="/volgen/verwijderen">{t("case.more.erase")}</Link>
          </li>
        </ul>
      </section>

      <Form id="sign-out" action="/volgen/afmelden" className="follow__sign-out">
        <p>{t("signOut.hint")}</p>
        <FollowSessionNote />
        <Button variant="secondary">{t("signOut.button")}</Button>
      </Form>
    </div>
  );
}
