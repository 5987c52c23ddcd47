import { describe, expect, it } from "vitest";
import { getFixedT } from "~/i18n/resources.server";
import { questionKey } from "./questions";
import { stepHandle } from "./route-parts";

describe("the browser tab title of a question page", () => {
  for (const lng of ["nl", "en"] as const) {
    for (const kind of ["testimony", "complaint"] as const) {
      it(`is the question's own text for every step (${lng}, ${kind})`, () => {
        const t = getFixedT(lng);
        const title = stepHandle.title as (t: unknown, data: unknown) => string;
        for (const step of Object.keys(questionKey) as (keyof typeof questionKey)[]) {
          const shown = title(t, { step, kind });
          // i18next returns the key itself when a text is missing.
          expect(shown, step).not.toMatch(/^[\w.]+$/);
          expect(shown, step).not.toContain(".question");
          expect(shown.length, step).toBeGreaterThan(5);
        }
      });
    }
  }
});
