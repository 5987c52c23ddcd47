import { describe, expect, it } from "vitest";
import * as react from "~/components/layout/timeout-rules";
import { languages } from "~/i18n/config";
import * as plain from "./timeout-rules";

const WARN = 5 * 60_000;
const answers = [null, undefined, 0, 1, WARN - 1, WARN, WARN + 1000, WARN + 1001, 30 * 60_000];

describe("the session timeout's rules without React", () => {
  it("give the answers of the React dialog's copy", () => {
    for (const a of answers) {
      expect(plain.phaseAfterCheck(a, WARN)).toBe(react.phaseAfterCheck(a, WARN));
      expect(plain.afterExtend(a, WARN)).toBe(react.afterExtend(a, WARN));
    }
    for (const phase of ["running", "warning", "ended"] as const)
      for (const [deadline, now] of [
        [100_000_000, 99_000_000],
        [100_000_000, 100_000_000 - WARN + 1],
        [100_000_000, 100_000_001],
      ] as const)
        expect(plain.checkDelays(phase, deadline, now, WARN)).toEqual(
          react.checkDelays(phase, deadline, now, WARN),
        );
    for (const [now, last] of [
      [1000, 0],
      [120_000, 0],
      [119_999, 0],
    ])
      expect(plain.pingDue(now!, last!, 120_000)).toBe(react.pingDue(now!, last!, 120_000));
    for (const ms of [-5, 0, 1, 59_999, 60_000, 60_001, 4 * 60_000 + 30_000])
      expect(plain.minutesLeft(ms)).toBe(react.minutesLeft(ms));
  });

  it("warn once the server says five minutes or less are left, run on when more", () => {
    expect(plain.phaseAfterCheck(4 * 60_000, WARN)).toBe("warning");
    expect(plain.phaseAfterCheck(20 * 60_000, WARN)).toBe("running");
    expect(plain.phaseAfterCheck(null, WARN)).toBe("ended");
    expect(plain.phaseAfterCheck(undefined, WARN)).toBe("warning");
  });

  it('after "I\'m still here": more time, the last minutes, offline, or ended', () => {
    expect(plain.afterExtend(30 * 60_000, WARN)).toBe("extended");
    expect(plain.afterExtend(3 * 60_000, WARN)).toBe("final");
    expect(plain.afterExtend(undefined, WARN)).toBe("failed");
    expect(plain.afterExtend(null, WARN)).toBe("ended");
  });

  it("ask before the warning only while running, and just after the end", () => {
    expect(plain.checkDelays("running", 30 * 60_000, 0, WARN)).toEqual({
      warn: 25 * 60_000,
      end: 30 * 60_000 + 500,
    });
    expect(plain.checkDelays("warning", 30 * 60_000, 0, WARN)).toEqual({
      warn: undefined,
      end: 30 * 60_000 + 500,
    });
    expect(plain.checkDelays("running", 0, 10, WARN)).toEqual({ warn: 0, end: 500 });
  });

  it("keep alive at most every two minutes, and say at least one minute", () => {
    expect(plain.pingDue(120_000, 0, 120_000)).toBe(true);
    expect(plain.pingDue(119_999, 0, 120_000)).toBe(false);
    expect(plain.minutesLeft(4 * 60_000 + 1)).toBe(5);
    expect(plain.minutesLeft(0)).toBe(1);
  });

  it("need only the 'one' and 'other' texts in every language (the server renders those two)", () => {
    for (const lang of languages)
      expect(new Intl.PluralRules(lang).resolvedOptions().pluralCategories.sort()).toEqual(["one", "other"]);
  });
});
