/**
 * What server.js checks before a request reaches Remix, so that a visitor's mistake or an attacker's
 * probe gets a short 4xx answer and one log line instead of a 500 with a stack trace: the body size
 * (read here, never more than the limit), damaged cookies, cross-site posts and bodies that are not a form.
 */
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { isLanguage, type Language } from "~/i18n/config";
import { expireExactCookieHeader, wireName } from "~/http/cookies.server";
import { fromAcceptLanguage, LANGUAGE_COOKIE } from "~/i18n/locale.server";
import { getFixedT } from "~/i18n/resources.server";

/** The largest request body: a story is at most 20,000 characters (up to 240 kB as UTF-8 in a form). */
export const MAX_BODY_BYTES = 256 * 1024;

/** Every path a cookie of ours is set on. */
const COOKIE_PATHS = ["/", "/medewerker"];

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Paths whose last part is a credential: the access log shows only the route. */
const SECRET_PATHS = ["/verwijzing/", "/medewerker/setup/", "/medewerker/uitnodiging/"];

export function loggedPath(path: string): string {
  const prefix = SECRET_PATHS.find((p) => path.startsWith(p));
  return prefix ? `${prefix}…` : path;
}

function cookies(header: string | undefined): [string, string][] {
  if (!header) return [];
  return header.split(";").map((part) => {
    const [name, ...value] = part.trim().split("=");
    return [name ?? "", value.join("=")];
  });
}

function decodes(value: string): boolean {
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

/** The names of cookies whose value is not valid percent-encoded UTF-8 (nothing we ever set). */
export function damagedCookies(header: string | undefined): string[] {
  return cookies(header)
    .filter(([, value]) => !decodes(value))
    .map(([name]) => name);
}

/**
 * Whether a state-changing request says it comes from another site. Remix refuses such an action itself,
 * but by throwing (a 500 with a stack trace); the rule here is Remix's own, so nothing it would refuse
 * gets through, and an `Origin` that is not even a URL is refused too.
 */
export function isCrossSite(method: string, headers: Request["headers"]): boolean {
  const origin = headers.origin;
  if (SAFE_METHODS.has(method) || origin === undefined) return false;
  const forwardedHost = String(headers["x-forwarded-host"] ?? "")
    .split(",")[0]
    ?.trim();
  const host = forwardedHost || headers.host;
  if (!host) return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** Whether a body is something other than a form (every action here reads a form). */
export function isNotAForm(headers: Request["headers"]): boolean {
  const type = headers["content-type"];
  const hasBody = Number(headers["content-length"] ?? 0) > 0 || headers["transfer-encoding"] !== undefined;
  if (type === undefined) return hasBody;
  const essence = type.split(";")[0]!.trim().toLowerCase();
  return !FORM_TYPES.includes(essence);
}

function languageOf(req: Request): Language {
  const name = wireName(LANGUAGE_COOKIE);
  const cookie = cookies(req.headers.cookie).find(([n]) => n === name)?.[1];
  if (isLanguage(cookie)) return cookie;
  return fromAcceptLanguage(req.headers["accept-language"] ?? null) ?? "nl";
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Refusal = "tooLarge" | "damagedCookie" | "crossSite" | "notAForm";
const STATUS: Record<Refusal, number> = { tooLarge: 413, damagedCookie: 400, crossSite: 403, notAForm: 415 };

/** Answers with a short page in the visitor's language and logs one line (never the request's content). */
function refuse(req: Request, res: Response, reason: Refusal, extraHeaders: Record<string, string> = {}) {
  const lang = languageOf(req);
  const t = getFixedT(lang, "errors");
  const status = STATUS[reason];
  console.log(`Refused ${req.method} ${loggedPath(req.path)}: ${reason} (${status})`);
  res.status(status);
  res.set({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...extraHeaders });
  res.end(
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${escape(t("refused.title"))}</title></head><body><main>` +
      `<h1>${escape(t("refused.title"))}</h1><p>${escape(t(`refused.${reason}`))}</p>` +
      `<p><a href="/">${escape(t("refused.home"))}</a></p></main></body></html>`,
  );
}

const DRAIN_BEFORE_ANSWER_BYTES = 1024 * 1024;

/** Reads the body into `req.body` (a Buffer), refusing it with 413 once it passes the limit. */
function readBody(req: Request, res: Response, next: NextFunction) {
  const tooLarge = () => {
    // The rest of the body is read and thrown away (nothing kept). A body a little over the limit is
    // drained before the answer goes out: a server that answers and closes while the client still sends
    // resets the connection under it, and the client never reads the answer (Node 24 closes sooner than
    // Node 20 did). Past another 1 MB the answer goes out at once; a client still sending after 5 s is
    // cut off.
    let answered = false;
    let drained = 0;
    const answer = () => {
      if (answered) return;
      answered = true;
      refuse(req, res, "tooLarge");
    };
    req.on("end", answer);
    req.on("data", (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > DRAIN_BEFORE_ANSWER_BYTES) answer();
    });
    req.resume();
    setTimeout(() => {
      if (req.complete) return;
      if (answered) return void req.socket.destroy();
      res.on("finish", () => req.socket.destroy());
      answer();
    }, 5_000).unref();
  };
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) return tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  req.on("data", (chunk: Buffer) => {
    if (done) return;
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      done = true;
      chunks.length = 0;
      return tooLarge();
    }
    chunks.push(chunk);
  });
  req.on("end", () => {
    if (done) return;
    done = true;
    req.body = Buffer.concat(chunks);
    next();
  });
  req.on("error", (error) => {
    if (done) return;
    done = true;
    next(error);
  });
}

/** The checks, in order; a request that passes them all reaches Remix with its body in `req.body`. */
export function requestGuards(): RequestHandler {
  return (req, res, next) => {
    const damaged = damagedCookies(req.headers.cookie);
    if (damaged.length > 0) {
      // Clearing them lets the next page load work. A cookie is only cleared on the path it was set
      // for: the staff cookies live on /medewerker, the others on /.
      res.append(
        "Set-Cookie",
        damaged.flatMap((name) => COOKIE_PATHS.map((path) => expireExactCookieHeader(name, path))),
      );
      return refuse(req, res, "damagedCookie");
    }
    if (isCrossSite(req.method, req.headers)) return refuse(req, res, "crossSite");
    if (SAFE_METHODS.has(req.method)) return next();
    if (isNotAForm(req.headers)) return refuse(req, res, "notAForm");
    readBody(req, res, next);
  };
}
