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
  stepNumber,
  stepsFor,
  type StepId,
} from "./steps";

const heard: IntakeAnswers = { wishes: ["heard"] };
const investigation: IntakeAnswers = { wishes: ["heard", "investigation"], consents: { igj: "anonymous" } };
const allDone: StepId[] = [
  "who",
  "unit",
  "period",
  "what",
  "themes",
  "complaintAbout",
  "safe",
  "wishes",
  "consent",
  "contact",
  "municipality",
];
const kind = "testimony" as const;

describe("the steps", () => {
  it("have Dutch URLs", () => {
    expect(stepPath("testimony", "what")).toBe("/verhaal/wat-is-er-gebeurd");
    expect(stepPath("complaint", "who")).toBe("/klacht/wie");
    expect(stepFromSlug("veilig")).toBe("safe");
    expect(stepFromSlug("controleren")).toBeUndefined();
  });

  it("ask about consent only when a wish needs another body", () => {
    expect(stepsFor(kind, heard)).not.toContain("consent");
    expect(stepsFor(kind, {})).not.toContain("consent");
    expect(stepsFor(kind, investigation)).toContain("consent");
  });

  it("ask one question per page, which organisation only for a complaint", () => {
    expect(stepsFor("testimony", heard)).toEqual([
      "who",
      "unit",
      "period",
      "what",
      "themes",
      "safe",
      "wishes",
      "contact",
      "municipality",
    ]);
    expect(stepsFor("complaint", investigation)).toEqual([
      "who",
      "unit",
      "period",
      "what",
      "themes",
      "complaintAbout",
      "safe",
      "wishes",
      "consent",
      "contact",
      "municipality",
    ]);
  });

  it("number the questions without a total that could change halfway, and without gaps", () => {
    expect(stepNumber("what", kind, heard)).toBe(4);
    expect(stepNumber("what", kind, investigation)).toBe(4);
    expect(stepNumber("safe", "complaint", heard)).toBe(7);
    expect(stepNumber("contact", kind, heard)).toBe(8);
    expect(stepNumber("contact", kind, investigation)).toBe(9);
  });

  it("go forward and back, skipping a consent step that does not apply", () => {
    expect(nextStep("wishes", kind, heard)).toBe("contact");
    expect(nextStep("wishes", kind, investigation)).toBe("consent");
    expect(previousStep("contact", kind, heard)).toBe("wishes");
    expect(previousStep("who", kind, heard)).toBeUndefined();
    expect(nextStep("municipality", kind, heard)).toBeUndefined();
  });
});

describe("progress", () => {
  it("finds the first question still open", () => {
    expect(firstIncompleteStep({ kind, done: [], answers: {} })).toBe("who");
    expect(firstIncompleteStep({ kind, done: ["who", "unit"], answers: {} })).toBe("period");
    expect(firstIncompleteStep({ kind, done: allDone, answers: heard })).toBeUndefined();
  });

  it("reopens consent when a new wish makes another body relevant", () => {
    const answers: IntakeAnswers = { wishes: ["investigation", "help_now"], consents: { igj: "no" } };
    expect(firstIncompleteStep({ kind, done: allDone, answers })).toBe("consent");
  });

  it("after saving, goes to the next question, or back to the check page when changing", () => {
    expect(afterSave("who", { kind, done: ["who"], answers: {} }, false)).toEqual({ step: "unit" });
    // Going back and continuing shows the next question again, even though it was answered.
    expect(afterSave("unit", { kind, done: allDone, answers: heard }, false)).toEqual({ step: "period" });
    expect(afterSave("municipality", { kind, done: allDone, answers: heard }, false)).toEqual({
      check: true,
    });
    expect(afterSave("what", { kind, done: allDone, answers: heard }, true)).toEqual({ check: true });
    const newWish: IntakeAnswers = { wishes: ["heard", "help_now"] };
    expect(afterSave("wishes", { kind, done: allDone, answers: newWish }, true)).toEqual({ step: "consent" });
  });

  it("sends a person to an earlier open question first", () => {
    expect(afterSave("what", { kind, done: ["what"], answers: {} }, false)).toEqual({ step: "who" });
    expect(redirectBeforeShowing("safe", { kind, done: ["who"], answers: {} })).toEqual({ step: "unit" });
    expect(redirectBeforeShowing("unit", { kind, done: ["who"], answers: {} })).toBeUndefined();
    expect(redirectBeforeShowing("who", { kind, done: [], answers: {} })).toBeUndefined();
  });

  it("moves on from a consent step that does not apply", () => {
    expect(redirectBeforeShowing("consent", { kind, done: allDone, answers: heard })).toEqual({
      check: true,
    });
    expect(
      redirectBeforeShowing("consent", {
        kind,
        done: ["who", "unit", "period", "what", "themes", "safe", "wishes"],
        answers: heard,
      }),
    ).toEqual({
      step: "contact",
    });
  });
});

describe("a consent the contact answers contradict", () => {
  it("keeps the contact or municipality step open, so the check page sends the person there, not the case", () => {
    const answers: IntakeAnswers = {
      wishes: ["help_now"],
      consents: { ozj: "with_identity" },
      contactMethod: "none",
    };
    expect(firstIncompleteStep({ kind, done: allDone, answers })).toBe("contact");
    expect(
      firstIncompleteStep({ kind, done: allDone, answers: { ...answers, contactMethod: "email" } }),
    ).toBeUndefined();
    const municipality: IntakeAnswers = {
      wishes: ["complaint_handled"],
      consents: { gemeente: "anonymous" },
    };
    expect(firstIncompleteStep({ kind, done: allDone, answers: municipality })).toBe("municipality");
    expect(
      firstIncompleteStep({ kind, done: allDone, answers: { ...municipality, municipality: "GM0363" } }),
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
    expect(applyStep(before, "unit", { unit: "unknown", unitOther: undefined })).toEqual({
      reporterRole: "close",
      unit: "unknown",
      periodFrom: 2019,
    });
  });
});
