import { describe, expect, it } from "vitest";
import {
  contactDetailsSchema,
  contactQuestionSchema,
  contactRequestToNewCase,
  firstMissingStep,
} from "./contact-request";
import { problemsOf } from "./form-input";

const details = {
  name: "Sanne",
  relation: "parent",
  relationOther: "",
  phone: "06 12345678",
  email: "",
  safeTimes: "na 19 uur",
  mayLeaveMessage: "no",
};

describe("contact request, page 1", () => {
  it("needs a name, a relation and a phone number or an email address", () => {
    const r = contactDetailsSchema().safeParse({ ...details, name: "", relation: "", phone: "" });
    expect(r.success).toBe(false);
    expect(Object.keys(problemsOf(r.error!))).toEqual(["name", "relation", "phone"]);
    expect(problemsOf(r.error!).phone).toEqual({ key: "follow:contact.errors.phoneOrEmail" });
  });

  it("asks about leaving a message only when there is a phone number", () => {
    const r = contactDetailsSchema().safeParse({ ...details, mayLeaveMessage: "" });
    expect(problemsOf(r.error!)).toEqual({
      mayLeaveMessage: { key: "follow:contact.errors.mayLeaveMessageMissing" },
    });
    const emailOnly = contactDetailsSchema().parse({
      ...details,
      phone: "",
      email: "s@example.nl",
      mayLeaveMessage: "",
    });
    expect(emailOnly.mayLeaveMessage).toBe("");
  });

  it("keeps the free relation only for 'other'", () => {
    expect(contactDetailsSchema().parse({ ...details, relationOther: "buurvrouw" }).relationOther).toBe("");
    expect(
      contactDetailsSchema().parse({ ...details, relation: "other", relationOther: "buurvrouw" })
        .relationOther,
    ).toBe("buurvrouw");
  });
});

describe("contact request, page 2 and the case", () => {
  it("needs a question and two answers", () => {
    const r = contactQuestionSchema().safeParse({ question: "", youngPersonKnows: "", urgent: "" });
    expect(Object.keys(problemsOf(r.error!))).toEqual(["question", "youngPersonKnows", "urgent"]);
  });

  it("becomes a contact case with only what was given", () => {
    const answers = {
      details: contactDetailsSchema().parse(details),
      question: contactQuestionSchema().parse({
        question: "Hoe gaat het met mijn zoon?",
        youngPersonKnows: "unknown",
        urgent: "yes",
      }),
    };
    expect(firstMissingStep({})).toBe("details");
    expect(firstMissingStep({ details: answers.details })).toBe("question");
    expect(firstMissingStep(answers)).toBeNull();
    const c = contactRequestToNewCase(answers, "en");
    expect(c).toMatchObject({
      kind: "contact",
      language: "en",
      urgent: true,
      reporterRole: "close",
      contactMethod: "phone",
      story: null,
      consents: [],
      details: { question: "Hoe gaat het met mijn zoon?", relation: "parent", youngPersonKnows: "unknown" },
      contact: { name: "Sanne", phone: "06 12345678", safeTimes: "na 19 uur", mayLeaveMessage: false },
    });
    expect(c.contact).not.toHaveProperty("email");
  });
});

describe("a young person who asks to be called", () => {
  const young = "young_person" as const;

  it("is asked only how to reach them: no name needed, no relation, no question about 'the young person'", () => {
    const r = contactDetailsSchema(young).safeParse({ ...details, name: "", relation: "", phone: "" });
    expect(problemsOf(r.error!)).toEqual({ phone: { key: "follow:contact.errors.phoneOrEmail" } });
    const ok = contactDetailsSchema(young).parse({ ...details, name: "", relation: "parent" });
    expect(ok).toMatchObject({ name: "", relation: "", phone: "06 12345678" });
    const q = contactQuestionSchema(young).safeParse({ question: "", youngPersonKnows: "", urgent: "" });
    expect(problemsOf(q.error!)).toEqual({ urgent: { key: "follow:contact.errors.urgentMissing" } });
  });

  it("becomes a contact case from the young person, anonymous when no name was given", () => {
    const c = contactRequestToNewCase(
      {
        who: young,
        details: contactDetailsSchema(young).parse({ ...details, name: "", mayLeaveMessage: "yes" }),
        question: contactQuestionSchema(young).parse({ question: "", urgent: "no" }),
      },
      "nl",
    );
    expect(c).toMatchObject({ kind: "contact", reporterRole: "young_person", urgent: false, story: null });
    expect(c.details).toEqual({});
    expect(c.contact).toEqual({ phone: "06 12345678", safeTimes: "na 19 uur", mayLeaveMessage: true });
  });
});
