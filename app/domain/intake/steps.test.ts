import { describe, expect, it } from "vitest";
import type { IntakeAnswers } from "./answers";
import {
  afterSave,
  applyStep,
  firstIncompleteStep,
  nextStep,
  previousStep,
  redirectBeforeShowing,
  stepFromSlug,
  stepPath,
  stepPosition,
  stepsFor,
  type StepId,
} from "./steps";

const heard: IntakeAnswers = { wishes: ["heard"] };
const investigation: IntakeAnswers = { wishes: ["heard", "investigation"], consents: { igj: "anonymous" } };
const allDone: StepId[] = ["who", "unit", "what", "safe", "wishes", "consent", "contact"];

describe("the steps", () => {
  it("have Dutch URLs", () => {
    expect(stepPath("testimony", "what")).toBe("/verhaal/wat-is-er-gebeurd");
    expect(stepPath("complaint", "who")).toBe("/klacht/wie");
    expect(stepFromSlug("veilig")).toBe("safe");
    expect(stepFromSlug("controleren")).toBeUndefined();
  });

  it("ask about consent only when a wish needs another body", () => {
    expect(stepsFor(heard)).not.toContain("consent");
    expect(stepsFor({})).not.toContain("consent");
    expect(stepsFor(investigation)).toContain("consent");
    expect(stepPosition("contact", heard)).toEqual({ number: 6, total: 6 });
    expect(stepPosition("what", investigation)).toEqual({ number: 3, total: 7 });
  });

  it("go forward and back, skipping a consent step that does not apply", () => {
    expect(nextStep("wishes", heard)).toBe("contact");
    expect(nextStep("wishes", investigation)).toBe("consent");
    expect(previousStep("contact", heard)).toBe("wishes");
    expect(previousStep("who", heard)).toBeUndefined();
    expect(nextStep("contact", heard)).toBeUndefined();
  });
});

describe("progress", () => {
  it("finds the first question still open", () => {
    expect(firstIncompleteStep({ done: [], answers: {} })).toBe("who");
    expect(firstIncompleteStep({ done: ["who", "unit"], answers: {} })).toBe("what");
    expect(firstIncompleteStep({ done: allDone, answers: heard })).toBeUndefined();
  });

  it("reopens consent when a new wish makes another body relevant", () => {
    const answers: IntakeAnswers = { wishes: ["investigation", "help_now"], consents: { igj: "no" } };
    expect(firstIncompleteStep({ done: allDone, answers })).toBe("consent");
  });

  it("after saving, goes to the next question, or back to the check page when changing", () => {
    expect(afterSave("who", { done: ["who"], answers: {} }, false)).toEqual({ step: "unit" });
    // Going back and continuing shows the next question again, even though it was answered.
    expect(afterSave("unit", { done: allDone, answers: heard }, false)).toEqual({ step: "what" });
    expect(afterSave("contact", { done: allDone, answers: heard }, false)).toEqual({ check: true });
    expect(afterSave("what", { done: allDone, answers: heard }, true)).toEqual({ check: true });
    const newWish: IntakeAnswers = { wishes: ["heard", "help_now"] };
    expect(afterSave("wishes", { done: allDone, answers: newWish }, true)).toEqual({ step: "consent" });
  });

  it("sends a person to an earlier open question first", () => {
    expect(afterSave("what", { done: ["what"], answers: {} }, false)).toEqual({ step: "who" });
    expect(redirectBeforeShowing("safe", { done: ["who"], answers: {} })).toEqual({ step: "unit" });
    expect(redirectBeforeShowing("unit", { done: ["who"], answers: {} })).toBeUndefined();
    expect(redirectBeforeShowing("who", { done: [], answers: {} })).toBeUndefined();
  });

  it("moves on from a consent step that does not apply", () => {
    expect(redirectBeforeShowing("consent", { done: allDone, answers: heard })).toEqual({ check: true });
    expect(
      redirectBeforeShowing("consent", { done: ["who", "unit", "what", "safe", "wishes"], answers: heard }),
    ).toEqual({
      step: "contact",
    });
  });
});

describe("a consent the contact answers contradict", () => {
  it("keeps the contact step open, so the check page sends the person there instead of sending the case", () => {
    const answers: IntakeAnswers = {
      wishes: ["help_now"],
      consents: { ozj: "with_identity" },
      contactMethod: "none",
    };
    expect(firstIncompleteStep({ done: allDone, answers })).toBe("contact");
    expect(
      firstIncompleteStep({ done: allDone, answers: { ...answers, contactMethod: "email" } }),
    ).toBeUndefined();
    const municipality: IntakeAnswers = {
      wishes: ["complaint_handled"],
      consents: { gemeente: "anonymous" },
    };
    expect(firstIncompleteStep({ done: allDone, answers: municipality })).toBe("contact");
    expect(
      firstIncompleteStep({ done: allDone, answers: { ...municipality, municipality: "GM0363" } }),
    ).toBeUndefined();
  });
});

describe("saving a step", () => {
  it("replaces exactly that step's answers", () => {
    const before: IntakeAnswers = {
      reporterRole: "close",
      unit: "t-anker",
      unitOther: "groep 2",
      periodFrom: 2019,
    };
    expect(
      applyStep(before, "unit", { unit: "unknown", unitOther: undefined, periodFrom: undefined }),
    ).toEqual({
      reporterRole: "close",
      unit: "unknown",
    });
  });
});
