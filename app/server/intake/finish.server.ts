/**
 * The end of an intake: "check your answers", sending (the case is made in one transaction with the
 * receipt kept in the draft) and the confirmation page with the receipt.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import type { TimeoutInfo } from "~/components/layout/SessionTimeout";
import { getEnv } from "~/config/env.server";
import {
  relevantRecipients,
  toNewCase,
  unitOther,
  unitUnknown,
  type IntakeKind,
} from "~/domain/intake/answers";
import {
  confirmationPath,
  firstIncompleteStep,
  intakeBasePath,
  stepPath,
  stepIds,
  type StepId,
} from "~/domain/intake/steps";
import { textPreview } from "~/domain/text-preview";
import { defaultDeadlineSettings } from "~/domain/working-days";
import type { Language } from "~/i18n/config";
import { detectLanguage } from "~/i18n/locale.server";
import { getFixedT } from "~/i18n/resources.server";
import { audit } from "../audit.server";
import { createCase } from "../cases.server";
import { refusalOf, translateProblems } from "../forms/parse-form.server";
import { intakeRefusal } from "../forms/refusals.server";
import { deleteDraft, keepReceipt, readDraft, type Draft, type Receipt } from "../drafts.server";
import { receiptView } from "../receipt.server";
import { finishLimiter } from "./limits.server";
import { activeUnits, municipalities } from "./reference.server";

function formatDate(epochMs: number, lang: Language, weekday = true): string {
  return new Intl.DateTimeFormat(lang === "nl" ? "nl-NL" : "en-GB", {
    weekday: weekday ? "long" : undefined,
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Amsterdam",
  }).format(epochMs);
}

/** A receipt kept before the promised days were stored names the defaults it was made with. */
const ackDays = (receipt: Receipt) =>
  receipt.ackWorkingDays ??
  (receipt.urgent ? defaultDeadlineSettings.ackWorkingDaysUrgent : defaultDeadlineSettings.ackWorkingDays);

function draftReadyToSend(kind: IntakeKind, draft: Draft | null): Draft {
  if (!draft) throw redirect(intakeBasePath[kind]);
  if (draft.data.receipt) throw redirect(confirmationPath(draft.data.receipt.kind));
  const open = firstIncompleteStep({ ...draft.data, kind });
  if (open) throw redirect(stepPath(kind, open));
  return draft;
}

const STORY_PREVIEW = 500;

export function checkLoader(kind: IntakeKind, { request }: LoaderFunctionArgs) {
  const { answers, enteredBy } = draftReadyToSend(kind, readDraft(request)).data;
  const unit = activeUnits().find((u) => u.slug === answers.unit);
  const municipality = answers.municipality
    ? municipalities().find((m) => m.code === answers.municipality)
    : undefined;
  const story = textPreview(answers.story ?? "", STORY_PREVIEW);
  return json({
    kind,
    answers: { ...answers, story: story.preview },
    storyMore: story.more,
    unit: unit
      ? { name: unit.name, place: unit.place }
      : answers.unit === unitOther || answers.unit === unitUnknown
        ? answers.unit
        : null,
    municipalityName: municipality?.name ?? null,
    recipients: relevantRecipients(answers.wishes),
    onBehalf: enteredBy?.channel ?? null,
    paths: Object.fromEntries(stepIds.map((s) => [s, `${stepPath(kind, s)}?wijzigen=1`])) as Record<
      StepId,
      string
    >,
  });
}

export async function checkAction(kind: IntakeKind, { request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const lang = detectLanguage(request);
  const refused = refusalOf(request, formData);
  if (refused) {
    return json(
      { errors: translateProblems(getFixedT(lang), intakeRefusal("submit")(refused)) },
      { status: 400 },
    );
  }
  const now = Date.now();
  const draft = draftReadyToSend(kind, readDraft(request, now));
  if (!finishLimiter.hit(context.clientKey, now)) {
    return json({ errors: { submit: getFixedT(lang, "errors")("rateLimited") } }, { status: 429 });
  }

  const unitIdBySlug = new Map(activeUnits().map((u) => [u.slug, u.id]));
  const newCase = {
    ...toNewCase(kind, draft.data.answers, { language: lang, unitIdBySlug }),
    enteredBy: draft.data.enteredBy,
  };
  let setCookie: string | undefined;
  await createCase(newCase, {
    submissionKey: draft.data.submissionKey,
    now,
    withinTransaction: (tx, created) => {
      // A repeat finds the receipt the first submission kept; it never has the passphrase to keep.
      if (!created.created || !created.passphrase) return;
      const receipt: Receipt = {
        kind,
        code: created.code,
        passphrase: created.passphrase,
        receivedAt: created.receivedAt,
        ackDueAt: created.ackDueAt,
        ackWorkingDays: created.ackWorkingDays,
        urgent: created.urgent,
        contactMethod: newCase.contactMethod,
        onBehalf: newCase.enteredBy
          ? { caseId: created.caseId, channel: newCase.enteredBy.channel }
          : undefined,
      };
      setCookie = keepReceipt(draft, receipt, now, tx);
      if (newCase.enteredBy) {
        audit(
          tx,
          {
            action: "case_entered",
            staffId: newCase.enteredBy.staffId,
            caseId: created.caseId,
            detail: { channel: newCase.enteredBy.channel },
          },
          now,
        );
      }
    },
  });
  return redirect(confirmationPath(kind), setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

// ---------------------------------------------------------------- confirmation and receipt

export function confirmationLoader(kind: IntakeKind, { request }: LoaderFunctionArgs) {
  const receipt = readDraft(request)?.data.receipt;
  const lang = detectLanguage(request);
  const view = receiptView(request, lang, "intake");
  if (!receipt || !view) return json({ kind, receipt: null });
  return json({
    kind: receipt.kind,
    receipt: {
      ...view,
      ackDays: ackDays(receipt),
      ackDate: formatDate(receipt.ackDueAt, lang),
      urgent: receipt.urgent,
      followUrl: `${getEnv().PUBLIC_URL}/volgen`,
    },
    onBehalf: receipt.onBehalf?.channel ?? null,
    caseId: receipt.onBehalf?.caseId ?? null,
    timeout: { kind: "receipt", endsInMs: view.endsInMs } satisfies TimeoutInfo,
  });
}

export async function confirmationAction(kind: IntakeKind, { request }: ActionFunctionArgs) {
  const formData = await request.formData();
  if (refusalOf(request, formData)) {
    const lang = detectLanguage(request);
    return json({ errors: { done: getFixedT(lang, "errors")("formProblem") } }, { status: 400 });
  }
  return redirect(confirmationPath(kind), { headers: { "Set-Cookie": deleteDraft(request) } });
}
