/**
 * What every /volgen route does first: find the reporter's session (or send them to sign in), check the
 * form (CSRF, honeypot), and turn validation problems into messages in the person's language.
 */
import { redirect, redirectDocument } from "@remix-run/node";
import type { Problems } from "~/domain/form-input";
import { detectLanguage } from "~/i18n/locale.server";
import { getFixedT } from "~/i18n/resources.server";
import { checkForm } from "./csrf.server";
import { caseIsOpenToReporter } from "./follow.server";
import { endFollowSession, lookupFollowSession } from "./follow-session.server";

export const SIGN_IN_PATH = "/volgen";

/** The case id of the signed-in reporter; otherwise a redirect to the sign-in page (thrown). */
export function requireReporter(request: Request): { caseId: number } {
  const found = lookupFollowSession(request);
  if (found.state === "active" && caseIsOpenToReporter(found.session.caseId)) {
    return { caseId: found.session.caseId };
  }
  const clear = endFollowSession(request);
  const to = found.state === "none" ? SIGN_IN_PATH : `${SIGN_IN_PATH}?reden=verlopen`;
  throw redirect(to, { headers: { "Set-Cookie": clear } });
}

/** Problems as messages in the page's language. */
export function messagesOf(request: Request, problems: Problems): Record<string, string> {
  const t = getFixedT(detectLanguage(request));
  return Object.fromEntries(Object.entries(problems).map(([field, p]) => [field, t(p.key, p.values)]));
}

export function message(request: Request, key: string, values?: Record<string, string | number>): string {
  return getFixedT(detectLanguage(request))(key, values);
}

/** CSRF and honeypot. A failure is answered as a form error, so nothing the person typed is lost. */
export function formProblem(request: Request, form: FormData): Problems | null {
  const check = checkForm(request, form);
  if (check === "csrf") return { form: { key: "errors:csrf" } };
  if (check === "honeypot") return { form: { key: "follow:errors.honeypot" } };
  return null;
}

/**
 * After the language switch kept what a page held (ADR 023): the same page again, in the other language,
 * as a full page load (with JavaScript too), so every text of the page changes.
 */
export function reloadInOtherLanguage(request: Request, setCookie?: string) {
  const url = new URL(request.url);
  url.searchParams.set("lng", detectLanguage(request) === "nl" ? "en" : "nl");
  url.searchParams.delete("index");
  return redirectDocument(
    `${url.pathname}${url.search}`,
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}
