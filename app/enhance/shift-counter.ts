/**
 * The rule of the quick exit's Shift×3, without the DOM (so it can be tested on its own): three presses of
 * Shift on its own, each within a second of the last, mean "leave". Any other key in between starts the
 * count again, and so does a pause.
 *
 * The same rule as `QuickExit.tsx` on the pages that still hydrate; `shift-counter.test.ts` checks that the
 * numbers agree.
 */
export const PRESSES = 3;
/**
 * A screen-reader user pauses speech with Shift: presses seconds apart must never add up to an exit that
 * throws their draft away. Three quick presses are deliberate.
 */
export const SHIFT_WINDOW_MS = 1000;

export type ShiftCounterEvents = {
  /** Presses still needed; 0 when the count starts again (nothing to say). */
  progress: (remaining: number) => void;
  exit: () => void;
};

type KeyLike = { key: string; repeat: boolean };

/** Returns the keydown handler and a `stop` that clears the pending timer. */
export function shiftCounter({ progress, exit }: ShiftCounterEvents) {
  let presses = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  function reset() {
    presses = 0;
    clearTimeout(timer);
    progress(0);
  }
  function onKeyDown(e: KeyLike) {
    if (e.repeat) return;
    // Only Shift on its own counts: typing capitals ("Ik Was Daar") puts other keys in between and
    // must never throw away what someone is writing (GOV.UK's Exit this page does the same).
    if (e.key !== "Shift") {
      if (presses > 0) reset();
      return;
    }
    presses++;
    clearTimeout(timer);
    if (presses >= PRESSES) {
      reset();
      exit();
      return;
    }
    progress(PRESSES - presses);
    timer = setTimeout(reset, SHIFT_WINDOW_MS);
  }
  return { onKeyDown, stop: () => clearTimeout(timer) };
}
