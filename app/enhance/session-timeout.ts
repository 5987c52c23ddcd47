/**
 * The session timeout on a page that does not hydrate (signed in on /volgen, a receipt): what
 * `SessionTimeout.tsx` does with React, in plain DOM (ADR 029, 038, 042; WCAG 2.2.1). The server renders the
 * closed `<dialog data-timeout>` with its markup, its texts (`data-*`, the minutes as `{n}`) and its timing;
 * this runs the timer, asks the server before it warns (another tab may have extended), shows the dialog
 * modally (focus on its button; Escape is that button; closing returns focus), keeps a follow session
 * alive while someone types, and after the end sends unsent text with its form or goes to sign in again.
 */
import {
  afterExtend,
  checkDelays,
  minutesLeft,
  phaseAfterCheck,
  pingDue,
  type Answer,
  type Phase,
} from "./timeout-rules";

export function enhanceSessionTimeout(doc: Document) {
  const d = doc.querySelector<HTMLDialogElement>("dialog[data-timeout]");
  if (!d) return;
  const s = d.dataset as Record<string, string>;
  const warnMs = Number(s.warn);
  const [title, text, kept, failed] = ["h2", "[data-text]", "[data-kept]", "[data-failed]"].map(
    (q) => d.querySelector(q) as HTMLElement,
  ) as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
  const button = d.querySelector("button")!;
  let deadline = Date.now() + Number(s.ends);
  let lastPing = Date.now();
  let phase: Phase = "running";
  let final = false;
  let timers: ReturnType<typeof setTimeout>[] = [];

  // GET: how long it still lasts, without using it. POST: "I'm still here" and the keep-alive.
  async function call(post: boolean): Promise<Answer> {
    try {
      const res = await fetch(
        post ? s.url! : `${s.url}?wat=${s.what}`,
        post
          ? { method: "POST", body: new URLSearchParams({ csrf: s.csrf!, wat: s.what! }), redirect: "manual" }
          : { redirect: "manual" },
      );
      if (res.type === "opaqueredirect") return null;
      const { endsInMs } = (await res.json()) as { endsInMs: number | null };
      if (post) lastPing = Date.now();
      return endsInMs;
    } catch {
      return undefined;
    }
  }

  function draw() {
    const ended = phase === "ended";
    const n = minutesLeft(deadline - Date.now());
    title.textContent = ended ? s.endedTitle! : s.warnTitle!;
    const which = `${final && s.lastOne ? "last" : "warn"}${n === 1 ? "One" : "Other"}`;
    text.textContent = ended ? s.endedText! : s[which]!.replace("{n}", String(n));
    kept.hidden = ended;
    button.textContent = ended ? s.again! : final ? s.close! : s.extend!;
  }

  function arm() {
    timers.forEach(clearTimeout);
    timers = [];
    if (phase === "ended") return;
    const { warn, end } = checkDelays(phase, deadline, Date.now(), warnMs);
    if (warn !== undefined) timers.push(setTimeout(() => void check(), warn));
    timers.push(
      setTimeout(() => void check(), end),
      setInterval(draw, 15_000),
    );
  }

  function show(next: Phase) {
    phase = next;
    draw();
    if (next === "running") d!.close();
    else if (!d!.open) d!.showModal();
    arm();
  }

  const moveDeadline = (endsInMs: Answer) => {
    if (typeof endsInMs === "number") deadline = Date.now() + endsInMs;
  };

  async function check() {
    const endsInMs = await call(false);
    const next = phaseAfterCheck(endsInMs, warnMs);
    moveDeadline(endsInMs);
    // Offline again in the warning: wait for a press rather than asking every half second.
    if (next !== phase || typeof endsInMs === "number") show(next);
  }

  async function stillHere() {
    failed.hidden = true;
    const endsInMs = await call(true);
    const result = afterExtend(endsInMs, warnMs);
    if (result === "ended") return show("ended");
    if (result === "failed") return void (failed.hidden = false);
    moveDeadline(endsInMs);
    // The session's last minutes: an extension gives no more time; say so, offer only "close".
    if (result === "final") {
      final = true;
      return draw();
    }
    doc.querySelector("[data-timeout-said]")!.textContent = s.extended!;
    show("running");
  }

  function afterEnd() {
    d!.close();
    if (!s.signIn) return; // a receipt: the codes stay on screen to be written down
    // Text in a box goes with its form: the ended session's case keeps it for signing in again (ADR 029).
    const box = [...doc.querySelectorAll<HTMLTextAreaElement>("main form textarea")].find((b) =>
      b.value.trim(),
    );
    if (box?.form) box.form.requestSubmit();
    else location.assign(s.signIn);
  }

  // The button and Escape do the same ("I'm still here", as GOV.UK's warning; after the end, "close").
  const press = () => (phase === "ended" ? afterEnd() : final ? d.close() : void stillHere());
  button.addEventListener("click", press);
  d.addEventListener("cancel", (e) => {
    e.preventDefault();
    press();
  });
  // The quick exit in the dialog (the page behind it is inert) is the header's, enhanced (quick-exit.ts).
  d.querySelector("a")?.addEventListener("click", (e) => {
    e.preventDefault();
    doc.querySelector<HTMLElement>("a.quick-exit__button")?.click();
  });

  if (s.every)
    doc.addEventListener("input", () => {
      if (phase !== "running" || !pingDue(Date.now(), lastPing, Number(s.every))) return;
      lastPing = Date.now();
      void call(true).then((endsInMs) => {
        moveDeadline(endsInMs);
        if (typeof endsInMs === "number") show("running");
      });
    });
  arm();
}
