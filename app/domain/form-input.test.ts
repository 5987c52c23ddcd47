import { describe, expect, it } from "vitest";
import { z } from "zod";
import { choice, emailAddress, formValues, freeText, isPhone, phoneNumber, problemsOf } from "./form-input";

const problems = (schema: z.ZodTypeAny, input: unknown) => {
  const r = z.object({ f: schema }).safeParse({ f: input });
  return r.success ? null : problemsOf(r.error).f;
};

describe("freeText", () => {
  const text = freeText({ max: 10, requiredKey: "x:missing" });
  it("trims, joins Windows line ends and keeps the rest as typed", () => {
    expect(text.parse("  a\r\nb ")).toBe("a\nb");
    expect(text.parse("<script>")).toBe("<script>");
  });
  it("says what is wrong: missing, too long, control characters", () => {
    expect(problems(text, "   ")).toEqual({ key: "x:missing" });
    expect(problems(text, undefined)).toEqual({ key: "x:missing" });
    expect(problems(text, "12345678901")).toEqual({ key: "errors:tooLong", values: { max: 10 } });
    expect(problems(text, "a\u0000b")).toEqual({ key: "errors:controlChars" });
    expect(problems(text, "a\u202Eb")).toEqual({ key: "errors:controlChars" });
    expect(problems(text, "tab\tok")).toBeNull();
  });
  it("may be optional", () => {
    expect(freeText({ max: 5, optional: true }).parse("")).toBe("");
  });
});

describe("choice, email and phone", () => {
  const c = choice(["yes", "no"] as const, "x:choose");
  it("accepts only the options", () => {
    expect(c.parse("yes")).toBe("yes");
    expect(problems(c, "")).toEqual({ key: "x:choose" });
    expect(problems(c, "maybe")).toEqual({ key: "errors:invalidChoice" });
  });
  it("checks email addresses", () => {
    expect(emailAddress().parse(" naam@voorbeeld.nl ")).toBe("naam@voorbeeld.nl");
    expect(problems(emailAddress(), "naam@voorbeeld")).toEqual({ key: "errors:email" });
    expect(problems(emailAddress(), "")).toEqual({ key: "errors:required" });
    expect(emailAddress({ optional: true }).parse("")).toBe("");
  });
  it("checks phone numbers loosely", () => {
    expect(isPhone("06 12345678")).toBe(true);
    expect(isPhone("+31 (0)6-1234 5678")).toBe(true);
    expect(isPhone("112")).toBe(false);
    expect(isPhone("bel me")).toBe(false);
    expect(problems(phoneNumber(), "06")).toEqual({ key: "errors:phone" });
  });
});

describe("formValues", () => {
  it("echoes every named field as a string", () => {
    const f = new FormData();
    f.set("a", "1");
    expect(formValues(f, ["a", "b"])).toEqual({ a: "1", b: "" });
  });
});
