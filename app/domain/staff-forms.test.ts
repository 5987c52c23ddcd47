import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { problemsOf } from "./form-input";
import { accountSchema, caseActionSchema } from "./staff-forms";

/** The first message key of each field, as the form pipeline translates them. */
const fieldErrors = (error: z.ZodError) =>
  Object.fromEntries(Object.entries(problemsOf(error)).map(([field, p]) => [field, p.key]));

const good = {
  name: " Fatima de Vries ",
  email: "Fatima@Example.org",
  password: "correct horse battery",
  passwordAgain: "correct horse battery",
  code: "123 456",
};

describe("staff forms", () => {
  it("accepts a complete account and tidies it", () => {
    const r = accountSchema.safeParse(good);
    expect(r.success && r.data).toMatchObject({ name: "Fatima de Vries", code: "123456" });
  });

  it("names every problem with a message key", () => {
    const r = accountSchema.safeParse({
      name: "",
      email: "nope",
      password: "short",
      passwordAgain: "other",
      code: "12",
    });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!)).toEqual({
      name: "errors.nameRequired",
      email: "errors.emailInvalid",
      password: "errors.passwordShort",
      passwordAgain: "errors.passwordMismatch",
      code: "errors.codeFormat",
    });
  });

  it("asks for the same password twice", () => {
    const r = accountSchema.safeParse({ ...good, passwordAgain: "correct horse batterY" });
    expect(fieldErrors(r.error!)).toEqual({ passwordAgain: "errors.passwordMismatch" });
  });

  it("needs an outcome and a confirmation to close a case", () => {
    const r = caseActionSchema.safeParse({ intent: "close", outcome: "  " });
    expect(fieldErrors(r.error!)).toEqual({
      outcome: "errors.outcomeRequired",
      confirmClose: "errors.confirmClose",
    });
    expect(
      caseActionSchema.safeParse({ intent: "close", outcome: "Done.", confirmClose: "yes" }).success,
    ).toBe(true);
  });

  it("refuses invisible control characters in free text", () => {
    const r = caseActionSchema.safeParse({ intent: "note", note: "a\u0007b" });
    expect(fieldErrors(r.error!)).toEqual({ note: "errors.controlChars" });
  });

  it("refuses the bidi overrides and C1 controls the public forms refuse (one policy, form-input.ts)", () => {
    // U+202E would make the rest of the note read right to left: what the next worker sees is not what was typed
    for (const note of ["Gebeld \u202Eeton", "a\u2066b", "a\u0085b"]) {
      const r = caseActionSchema.safeParse({ intent: "note", note });
      expect(fieldErrors(r.error!), JSON.stringify(note)).toEqual({ note: "errors.controlChars" });
    }
  });

  it("reads assignment to me, nobody or a colleague", () => {
    expect(caseActionSchema.parse({ intent: "assign", assignee: "me" })).toEqual({
      intent: "assign",
      assignee: "me",
    });
    expect(caseActionSchema.parse({ intent: "assign", assignee: "7" })).toEqual({
      intent: "assign",
      assignee: 7,
    });
    expect(fieldErrors(caseActionSchema.safeParse({ intent: "assign", assignee: "" }).error!)).toEqual({
      assignee: "errors.assigneeRequired",
    });
  });
});
