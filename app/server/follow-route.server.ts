/**
 * What every /volgen route does first: find the reporter's session (or send them to sign in), check the
 * form (CSRF, honeypot), and turn validation problems into messages in the person's language.
 */
import { redirect } from "@remix-run/node";
import type { TimeoutInfo } from "~/components/layout/SessionTimeout";
import type { Problems } from "~/domain/form-input";
import { detectLanguage } from "~/i18n/locale.server";
import { getFixedT } from "~/i18n/resources.server";
import { refusalOf, translateProblems } from "./forms/parse-form.server";
import { publicRefusal } from "./forms/refusals.server";
import { caseIsOpenToReporter } from "./follow.server";
import { endFollowSession, lookupFollowSession } from "./follow-session.server";
import { keepUnsent, type UnsentField } from "./unsent.server";

export const SIGN_IN_PATH = "/volgen";

/** Text a form sent, to keep for signing in again when the session turns out to have ended (ADR 029). */
export type KeepText = { form: FormData; field: UnsentField; text: string | undefined };

/**
 * The case id of the signed-in reporter and when the session ends; otherwise a redirect to the sign-in
 * page (thrown). An action that carries typed text passes it: if the session has just ended, the text is
 * kept for the case (a genuine form of this site: CSRF checked) and the sign-in page says so.
 */
export function requireReporter(request: Request, keep?: KeepText): { caseId: number; endsAt: number } {
  // An ended row that kept text stays (with its cookie) until signing in again or the quick exit, which
  // then finds the case and deletes the text too.
  const found = lookupFollowSession(request, undefined, undefined, { forgetEnded: false });
  if (found.state === "active" && caseIsOpenToReporter(found.session.caseId)) return found.session;
  const caseId = found.state === "expired" ? found.caseId : undefined;
  const text = keep?.text?.trim() ? keep.text : undefined;
  if (
    caseId !== undefined &&
    keep &&
    text &&
    caseIsOpenToReporter(caseId) &&
    refusalOf(request, keep.form) === null
  ) {
    keepUnsent(caseId, keep.field, text);
    throw redirect(`${SIGN_IN_PATH}?reden=bewaard`);
  }
  const clear = endFollowSession(request);
  const to = found.state === "none" ? SIGN_IN_PATH : `${SIGN_IN_PATH}?reden=verlopen`;
  throw redirect(to, { headers: { "Set-Cookie": clear } });
}

/** What a signed-in page tells its timer (SessionTimeout): how long the session lasts from now. */
export const followTimeout = (endsAt: number, now = Date.now()): TimeoutInfo => ({
  kind: "follow",
  endsInMs: endsAt - now,
});

/** Problems as messages in the page's language (the pipeline's translation, app/server/forms). */
export function messagesOf(request: Request, problems: Problems): Record<string, string> {
  return translateProblems(getFixedT(detectLanguage(request)), problems);
}

export function message(request: Request, key: string, values?: Record<string, string | number>): string {
  return getFixedT(detectLanguage(request))(key, values);
}

/** CSRF and honeypot (the pipeline's check). A failure is answered as a form error, keeping the input. */
export function formProblem(request: Request, form: FormData): Problems | null {
  const refused = refusalOf(request, form);
  return refused ? publicRefusal(refused) : null;
}
