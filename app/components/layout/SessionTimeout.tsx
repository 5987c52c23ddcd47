/**
 * No silent timeouts (WCAG 2.2.1, ADR 029, 038). A page whose loader returns `timeout` (signed in on
 * /volgen, a receipt, or signed in as staff) gets a timer: some minutes before the end a dialog asks "Are you still here?" and one press
 * extends; while someone types, the session is kept alive now and then; when it ends anyway, the dialog
 * says so and what happens to unsent text. Only with JavaScript; without it the pages say how long they
 * stay valid. The timer asks the server before it warns, since another tab may have extended the session.
 */
import { useMatches, useRouteLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { QuickExitLink } from "~/components/layout/QuickExit";
import { FOLLOW_MAX_MS, hours, KEEP_ALIVE_EVERY_MS, WARN_BEFORE_MS } from "~/domain/lifetimes";
import { ABSOLUTE_TIMEOUT_MS } from "~/domain/staff-session";
import type { RouteHandle } from "~/route-handle";
import { afterExtend, checkDelays, minutesLeft, phaseAfterCheck, pingDue, type Phase } from "./timeout-rules";

export type TimeoutInfo = { kind: "follow" | "receipt" | "staff"; endsInMs: number };

/**
 * Per kind: the texts' namespace, the timer's endpoint (the staff cookie only goes to /medewerker), the
 * longest a session lasts, and where to sign in again (staff: back to this page afterwards).
 */
const KINDS = {
  follow: {
    ns: "follow",
    endpoint: "/verlengen",
    maxMs: FOLLOW_MAX_MS,
    signIn: () => "/volgen?reden=verlopen",
  },
  receipt: {
    ns: "follow",
    endpoint: "/verlengen",
    maxMs: FOLLOW_MAX_MS,
    signIn: () => "/volgen?reden=verlopen",
  },
  staff: {
    ns: "staff",
    endpoint: "/medewerker/verlengen",
    maxMs: ABSOLUTE_TIMEOUT_MS,
    signIn: () =>
      `/medewerker/inloggen?reden=idle&volgende=${encodeURIComponent(window.location.pathname + window.location.search)}`,
  },
} as const;

/** The `timeout` of the deepest route that has one. */
function usePageTimeout(): TimeoutInfo | undefined {
  for (const m of [...useMatches()].reverse()) {
    const info = (m.data as { timeout?: TimeoutInfo } | undefined)?.timeout;
    if (info) return info;
  }
  return undefined;
}

/**
 * Whether this is the server render of a page that does not hydrate (ADR 042): the root's rule
 * (`useHydrates`). In a browser React runs, so the React timer does.
 */
function useRendersPlain(): boolean {
  const matches = useMatches();
  if (typeof document !== "undefined") return false;
  for (const m of [...matches].reverse()) {
    const hydrate = (m.handle as RouteHandle | undefined)?.hydrate;
    if (hydrate !== undefined) return !hydrate;
  }
  return false;
}

export function PageTimeout() {
  const info = usePageTimeout();
  const plain = useRendersPlain();
  const csrf = useRouteLoaderData<{ csrfToken: string }>("root")?.csrfToken ?? "";
  if (!info) return null;
  if (plain && info.kind !== "staff")
    return <PlainSessionTimeout info={info as TimeoutInfo & { kind: "follow" | "receipt" }} csrf={csrf} />;
  // A new loader answer (navigation, revalidation) starts the timer afresh.
  return <SessionTimeout key={`${info.kind}-${info.endsInMs}`} info={info} />;
}

/**
 * The dialog of a page that does not hydrate, closed, as `SessionTimeout` first renders it, with what
 * app/enhance/session-timeout.ts needs to run it: the timing, the endpoint, and every text it can show
 * (the minutes as `{n}`; both our languages have only "one" and "other", timeout-rules.test.ts checks).
 */
export function PlainSessionTimeout({
  info,
  csrf,
}: {
  info: TimeoutInfo & { kind: "follow" | "receipt" };
  csrf: string;
}) {
  const kind = info.kind;
  const kindOf = KINDS[kind];
  const { t } = useTranslation(kindOf.ns);
  const text = (key: string, count: number) =>
    t(`timeout.${kind}.${key}`, { count, replace: { count: "{n}", hours: hours(kindOf.maxMs) } });
  const follow = kind === "follow";
  const data: Record<`data-${string}`, string | number | undefined> = {
    "data-timeout": kind,
    "data-ends": info.endsInMs,
    "data-warn": WARN_BEFORE_MS,
    "data-every": follow ? KEEP_ALIVE_EVERY_MS : undefined,
    "data-url": kindOf.endpoint,
    "data-what": follow ? "volgen" : "bewijs",
    "data-csrf": csrf,
    "data-sign-in": follow ? kindOf.signIn() : undefined,
    "data-warn-title": t(`timeout.${kind}.warnTitle`),
    "data-warn-one": text("warnText", 1),
    "data-warn-other": text("warnText", 2),
    "data-last-one": follow ? text("warnLast", 1) : undefined,
    "data-last-other": follow ? text("warnLast", 2) : undefined,
    "data-ended-title": t(`timeout.${kind}.endedTitle`),
    "data-ended-text": t(`timeout.${kind}.endedText`),
    "data-extend": t(`timeout.${kind}.extend`),
    "data-close": t(`timeout.${kind}.close`),
    "data-again": t(`timeout.${kind}.signInAgain`),
    "data-extended": t("timeout.extended"),
  };
  const count = minutesLeft(info.endsInMs);
  return (
    <>
      <p className="visually-hidden" role="status" data-timeout-said="" />
      <dialog
        className="timeout-dialog"
        aria-labelledby="timeout-title"
        aria-describedby="timeout-text"
        {...data}
      >
        <h2 id="timeout-title" className="timeout-dialog__title">
          {t(`timeout.${kind}.warnTitle`)}
        </h2>
        <div id="timeout-text">
          <p data-text="">{t(`timeout.${kind}.warnText`, { count, hours: hours(kindOf.maxMs) })}</p>
          <p data-kept="">{t(`timeout.${kind}.kept`)}</p>
          {/* `hidden` on a wrapper: `.field__error` sets its own display. */}
          <div data-failed="" hidden>
            <p className="field__error">{t("timeout.failed")}</p>
          </div>
        </div>
        <div className="timeout-dialog__actions">
          <button type="button" className="button button--primary">
            {t(`timeout.${kind}.extend`)}
          </button>
          <QuickExitLink />
        </div>
      </dialog>
    </>
  );
}

function SessionTimeout({ info }: { info: TimeoutInfo }) {
  const kindOf = KINDS[info.kind];
  const { t } = useTranslation(kindOf.ns);
  const csrf = useRouteLoaderData<{ csrfToken: string }>("root")?.csrfToken ?? "";
  const what = info.kind === "receipt" ? "bewijs" : "volgen";
  const dialog = useRef<HTMLDialogElement>(null);
  const deadline = useRef(Date.now() + info.endsInMs);
  const lastPing = useRef(Date.now());
  const [phase, setPhase] = useState<Phase>("running");
  const [left, setLeft] = useState(info.endsInMs);
  const [final, setFinal] = useState(false);
  const [said, setSaid] = useState("");
  const [failed, setFailed] = useState(false);
  const [warned, setWarned] = useState(false);
  const [tick, setTick] = useState(0); // re-arms the timers after the deadline moved

  const extend = useCallback(async (): Promise<number | null | undefined> => {
    const body = new URLSearchParams({ csrf, wat: what });
    try {
      // An ended staff session answers with the redirect to sign-in: not followed, it means "ended".
      const res = await fetch(kindOf.endpoint, {
        method: "POST",
        body,
        credentials: "same-origin",
        redirect: "manual",
      });
      if (res.type === "opaqueredirect") return null;
      const { endsInMs } = (await res.json()) as { endsInMs: number | null };
      lastPing.current = Date.now();
      return endsInMs;
    } catch {
      return undefined; // offline: nothing known
    }
  }, [csrf, what, kindOf.endpoint]);

  const ask = useCallback(async (): Promise<number | null | undefined> => {
    try {
      const res = await fetch(`${kindOf.endpoint}?wat=${what}`, {
        credentials: "same-origin",
        redirect: "manual",
      });
      if (res.type === "opaqueredirect") return null;
      return ((await res.json()) as { endsInMs: number | null }).endsInMs;
    } catch {
      return undefined;
    }
  }, [what, kindOf.endpoint]);

  const moveDeadline = useCallback((endsInMs: number) => {
    deadline.current = Date.now() + endsInMs;
    setLeft(endsInMs);
    setTick((n) => n + 1);
  }, []);

  // The warning, then the end; each first checks with the server.
  useEffect(() => {
    if (phase === "ended") return;
    const check = async () => {
      const endsInMs = await ask();
      const next = phaseAfterCheck(endsInMs, WARN_BEFORE_MS);
      setPhase(next);
      if (typeof endsInMs === "number") moveDeadline(endsInMs);
    };
    const delays = checkDelays(phase, deadline.current, Date.now(), WARN_BEFORE_MS);
    const warn = delays.warn === undefined ? undefined : setTimeout(() => void check(), delays.warn);
    const end = setTimeout(() => void check(), delays.end);
    const countdown = setInterval(() => setLeft(deadline.current - Date.now()), 15_000);
    return () => {
      clearTimeout(warn);
      clearTimeout(end);
      clearInterval(countdown);
    };
  }, [phase, tick, ask, moveDeadline]);

  // Typing keeps the session alive (now and then, not at every key).
  useEffect(() => {
    if (info.kind === "receipt" || phase !== "running") return;
    const onInput = () => {
      if (!pingDue(Date.now(), lastPing.current, KEEP_ALIVE_EVERY_MS)) return;
      lastPing.current = Date.now();
      void extend().then((endsInMs) => {
        if (typeof endsInMs === "number") moveDeadline(endsInMs);
      });
    };
    document.addEventListener("input", onInput);
    return () => document.removeEventListener("input", onInput);
  }, [info.kind, phase, extend, moveDeadline]);

  // The dialog is modal while it has something to say.
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (phase === "running" && d.open) d.close();
    if (phase !== "running" && !d.open) d.showModal();
    if (phase !== "running") setWarned(true);
  }, [phase]);

  async function stillHere() {
    setFailed(false);
    const endsInMs = await extend();
    const result = afterExtend(endsInMs, WARN_BEFORE_MS);
    if (result === "ended") return setPhase("ended");
    if (result === "failed" || typeof endsInMs !== "number") return setFailed(true);
    // At the session's last hours an extension gives no more time: say so, offer no button that fails.
    if (result === "final") {
      setFinal(true);
      deadline.current = Date.now() + endsInMs;
      return setLeft(endsInMs);
    }
    setSaid(t("timeout.extended"));
    setPhase("running");
    moveDeadline(endsInMs);
  }

  function afterEnd() {
    if (info.kind === "receipt") return dialog.current?.close();
    // Text in a box goes to the server with the form it belongs to: the ended session's case keeps it
    // for signing in again (ADR 029). Otherwise straight to signing in.
    const box = [...document.querySelectorAll<HTMLTextAreaElement>("main form textarea")].find(
      (el) => el.value.trim() !== "",
    );
    dialog.current?.close();
    if (box?.form) box.form.requestSubmit();
    else window.location.assign(kindOf.signIn());
  }

  const kind = info.kind;
  const count = minutesLeft(left);
  const ended = phase === "ended";
  return (
    <>
      {/* On staff pages, which have status messages of their own, the region is there from the first
          warning on: ready before "you can keep working" is put in it. */}
      {kind !== "staff" || warned ? (
        <p className="visually-hidden" role="status">
          {said}
        </p>
      ) : null}
      <dialog
        ref={dialog}
        className="timeout-dialog"
        aria-labelledby="timeout-title"
        aria-describedby="timeout-text"
        onCancel={(e) => {
          // Escape means "I'm still here" (as in GOV.UK's timeout warning); after the end, "close".
          e.preventDefault();
          if (ended) afterEnd();
          else if (!final) void stillHere();
          else dialog.current?.close();
        }}
      >
        <h2 id="timeout-title" className="timeout-dialog__title">
          {t(ended ? `timeout.${kind}.endedTitle` : `timeout.${kind}.warnTitle`)}
        </h2>
        <div id="timeout-text">
          <p>
            {ended
              ? t(`timeout.${kind}.endedText`)
              : t(final && kind !== "receipt" ? `timeout.${kind}.warnLast` : `timeout.${kind}.warnText`, {
                  count,
                  hours: hours(kindOf.maxMs),
                })}
          </p>
          {ended ? null : <p>{t(`timeout.${kind}.kept`)}</p>}
          {failed ? <p className="field__error">{t("timeout.failed")}</p> : null}
        </div>
        <div className="timeout-dialog__actions">
          {ended ? (
            <button type="button" className="button button--primary" onClick={afterEnd}>
              {t(`timeout.${kind}.signInAgain`)}
            </button>
          ) : final ? (
            <button type="button" className="button button--primary" onClick={() => dialog.current?.close()}>
              {t(`timeout.${kind}.close`)}
            </button>
          ) : (
            <button type="button" className="button button--primary" onClick={() => void stillHere()}>
              {t(`timeout.${kind}.extend`)}
            </button>
          )}
          {/* The modal dialog makes the page behind it inert: the quick exit must stay one press away
              (the staff frame has none). */}
          {kind === "staff" ? null : <QuickExitLink />}
        </div>
      </dialog>
    </>
  );
}
