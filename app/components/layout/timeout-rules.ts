/**
 * The rules of the React session timeout (`SessionTimeout.tsx`; ADR 029, 038; WCAG 2.2.1), pure: when the
 * timer asks the server, what its answer means, when typing keeps the session alive. A copy of
 * app/enhance/timeout-rules.ts, which the plain pages' dialog uses: one module imported by both would be
 * built into a chunk of its own, a second script on every plain page (ADR 042; checked in the build).
 * app/enhance/timeout-rules.test.ts checks that the two give the same answers.
 */

/** The server's answer: ms left, null when the session or receipt has ended, undefined when offline. */
export type Answer = number | null | undefined;
export type Phase = "running" | "warning" | "ended";

/** After asking the server (at the warning or at the end): what the page shows next. */
export function phaseAfterCheck(endsInMs: Answer, warnBeforeMs: number): Phase {
  if (endsInMs === null) return "ended";
  // Offline: nothing known, so warn (the person may still press "I'm still here" once back online).
  if (endsInMs === undefined) return "warning";
  // Another tab or a keep-alive extended it: run on.
  return endsInMs > warnBeforeMs + 1000 ? "running" : "warning";
}

/** After "I'm still here": ended, failed (offline), final (the session's last minutes: no more time), or extended. */
export function afterExtend(
  endsInMs: Answer,
  warnBeforeMs: number,
): "ended" | "failed" | "final" | "extended" {
  if (endsInMs === null) return "ended";
  if (endsInMs === undefined) return "failed";
  return endsInMs <= warnBeforeMs ? "final" : "extended";
}

/** When to ask the server: before the warning (only while running), and just after the end. */
export function checkDelays(phase: Phase, deadline: number, now: number, warnBeforeMs: number) {
  return {
    warn: phase === "running" ? Math.max(0, deadline - now - warnBeforeMs) : undefined,
    end: Math.max(0, deadline - now) + 500,
  };
}

/** Typing keeps a follow session alive, at most this often; a receipt only gets more time on request. */
export const pingDue = (now: number, lastPing: number, everyMs: number) => now - lastPing >= everyMs;

/** The minutes the warning says are left. */
export const minutesLeft = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));
