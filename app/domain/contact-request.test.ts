import { describe, expect, it } from "vitest";
import {
  contactAfterSave,
  contactRedirectBeforeShowing,
  contactRequestToNewCase,
  contactStepNumber,
  contactStepSchema,
  contactStepsFor,
  firstMissingStep,
  type ContactAnswers,
  type ContactPatch,
  type ContactStep,
  type ContactWho,
} from "./contact-request";
import { problemsOf } from "./form-input";

/** The answers after saving these pages with these form values, as the routes do. */
function answer(who: ContactWho, pages: [ContactStep, Record<string, string>][]): ContactAnswers {
  const a: ContactAnswers = { who };
  for (const [step, values] of pages) {
    const patch: ContactPatch = contactStepSchema(step, who).parse(values);
    if (patch.details) a.details = { ...a.details, ...patch.details };
    if (patch.question) a.question = { ...a.question, ...patch.question };
  }
  return a;
}

const problems = (step: ContactStep, values: Record<string, string>, who: ContactWho = "close") => {
  const r = contactStepSchema(step, who).safeParse(values);
  return r.success ? {} : problemsOf(r.error);
};

const closeByPhone: [ContactStep, Record<string, string>][] = [
  ["name", { name: "Sanne" }],
  ["relation", { relation: "parent", relationOther: "" }],
  ["reach", { contactMethod: "phone", phone: "06 12345678", email: "" }],
  ["call", { safeTimes: "na 19 uur", mayLeaveMessage: "no" }],
  ["question", { question: "Hoe gaat het met mijn zoon?" }],
  ["knows", { youngPersonKnows: "unknown" }],
  ["urgent", { urgent: "yes" }],
];

describe("the contact request's pages, one question each", () => {
  it("asks someone close seven questions by phone and six by e-mail: the call page only comes with a phone", () => {
    expect(contactStepsFor({ who: "close" })).toEqual([
      "name",
      "relation",
      "reach",
      "call",
      "question",
      "knows",
      "urgent",
    ]);
    const byMail = answer("close", [
      ["name", { name: "Sanne" }],
      ["reach", { contactMethod: "email", phone: "", email: "s@example.nl" }],
    ]);
    expect(contactStepsFor(byMail)).toEqual(["name", "relation", "reach", "question", "knows", "urgent"]);
    // The number counts the pages this person gets, so it never skips: "urgent" is question 6 by e-mail.
    expect(contactStepNumber("urgent", byMail)).toBe(6);
    expect(contactStepNumber("urgent", answer("close", closeByPhone))).toBe(7);
  });

  it("asks a young person nothing about 'the young person'", () => {
    const a = answer("young_person", [
      ["reach", { contactMethod: "phone", phone: "06 12345678", email: "" }],
    ]);
    expect(contactStepsFor(a)).toEqual(["name", "reach", "call", "question", "urgent"]);
    expect(contactStepNumber("question", a)).toBe(4);
  });

  it("goes on to the next page, or back to the check page after a change", () => {
    const done = answer("close", closeByPhone);
    expect(firstMissingStep(done)).toBeNull();
    expect(contactAfterSave("name", done, false)).toEqual({ step: "relation" });
    expect(contactAfterSave("urgent", done, false)).toEqual({ check: true });
    expect(contactAfterSave("name", done, true)).toEqual({ check: true });
  });

  it("asks the call page after changing e-mail to phone from the check page", () => {
    const byMail = answer("close", [
      ...closeByPhone.filter(([s]) => s !== "reach" && s !== "call"),
      ["reach", { contactMethod: "email", phone: "", email: "s@example.nl" }],
    ]);
    expect(firstMissingStep(byMail)).toBeNull();
    const toPhone = answer("close", [
      ...closeByPhone.filter(([s]) => s !== "call"),
      ["reach", { contactMethod: "email", phone: "", email: "s@example.nl" }],
      ["reach", { contactMethod: "phone", phone: "06 12345678", email: "" }],
    ]);
    expect(contactAfterSave("reach", toPhone, true)).toEqual({ step: "call" });
  });

  it("sends a direct link to a later page to the first page without an answer", () => {
    const named = answer("close", [["name", { name: "Sanne" }]]);
    expect(contactRedirectBeforeShowing("urgent", named)).toEqual({ step: "relation" });
    expect(contactRedirectBeforeShowing("relation", named)).toBeUndefined();
    // A page this person does not get: someone who chose e-mail has no call page, a young person no relation.
    const done = answer("close", [
      ...closeByPhone.filter(([s]) => s !== "reach" && s !== "call"),
      ["reach", { contactMethod: "email", phone: "", email: "s@example.nl" }],
    ]);
    expect(contactRedirectBeforeShowing("call", done)).toEqual({ check: true });
    expect(contactRedirectBeforeShowing("relation", { who: "young_person" })).toEqual({ step: "name" });
  });

  it("resumes a draft saved by the earlier two pages (details and question) as complete", () => {
    const old: ContactAnswers = {
      details: {
        name: "Sanne",
        relation: "friend",
        relationOther: "",
        phone: "",
        email: "s@example.nl",
        safeTimes: "",
        mayLeaveMessage: "",
      },
      question: { question: "Mag ik bellen?", youngPersonKnows: "yes", urgent: "no" },
    };
    expect(firstMissingStep(old)).toBeNull();
    expect(firstMissingStep({ details: old.details })).toBe("question");
  });
});

describe("each page's answer", () => {
  it("needs a name and a relation from someone close; the free relation only counts for 'other'", () => {
    expect(problems("name", { name: "" })).toEqual({ name: { key: "follow:contact.errors.nameMissing" } });
    expect(problems("name", { name: "" }, "young_person")).toEqual({});
    expect(problems("relation", { relation: "" })).toEqual({
      relation: { key: "follow:contact.errors.relationMissing" },
    });
    const a = answer("close", [["relation", { relation: "parent", relationOther: "buurvrouw" }]]);
    expect(a.details?.relationOther).toBe("");
  });

  it("checks only the way chosen, and keeps only that one", () => {
    expect(problems("reach", { contactMethod: "", phone: "", email: "" })).toEqual({
      contactMethod: { key: "follow:contact.errors.methodMissing" },
    });
    expect(problems("reach", { contactMethod: "phone", phone: "", email: "x" })).toEqual({
      phone: { key: "follow:contact.errors.phoneMissing" },
    });
    expect(problems("reach", { contactMethod: "email", phone: "12", email: "" })).toEqual({
      email: { key: "follow:contact.errors.emailMissing" },
    });
    expect(problems("reach", { contactMethod: "email", phone: "", email: "nope" })).toEqual({
      email: { key: "errors:email" },
    });
    const a = answer("close", [
      ["reach", { contactMethod: "phone", phone: " 06 12345678 ", email: "s@example.nl" }],
    ]);
    expect(a.details).toEqual({ phone: "06 12345678", email: "" });
  });

  it("needs the voicemail answer on the call page, the question from someone close, and urgency", () => {
    expect(problems("call", { safeTimes: "", mayLeaveMessage: "" })).toEqual({
      mayLeaveMessage: { key: "follow:contact.errors.mayLeaveMessageMissing" },
    });
    expect(problems("question", { question: "" })).toEqual({
      question: { key: "follow:contact.errors.questionMissing" },
    });
    expect(problems("question", { question: "" }, "young_person")).toEqual({});
    expect(problems("knows", { youngPersonKnows: "" })).toEqual({
      youngPersonKnows: { key: "follow:contact.errors.knowsMissing" },
    });
    expect(problems("urgent", { urgent: "" })).toEqual({
      urgent: { key: "follow:contact.errors.urgentMissing" },
    });
  });
});

describe("the case", () => {
  it("becomes a contact case with only what was given", () => {
    const c = contactRequestToNewCase(answer("close", closeByPhone), "en");
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

  it("becomes a contact case from the young person, anonymous when no name was given", () => {
    const c = contactRequestToNewCase(
      answer("young_person", [
        ["name", { name: "" }],
        ["reach", { contactMethod: "phone", phone: "06 12345678", email: "" }],
        ["call", { safeTimes: "na 19 uur", mayLeaveMessage: "yes" }],
        ["question", { question: "" }],
        ["urgent", { urgent: "no" }],
      ]),
      "nl",
    );
    expect(c).toMatchObject({ kind: "contact", reporterRole: "young_person", urgent: false, story: null });
    expect(c.details).toEqual({});
    expect(c.contact).toEqual({ phone: "06 12345678", safeTimes: "na 19 uur", mayLeaveMessage: true });
  });

  it("stores no call times for e-mail", () => {
    const c = contactRequestToNewCase(
      answer("close", [
        ...closeByPhone.filter(([s]) => s !== "reach"),
        ["reach", { contactMethod: "email", phone: "", email: "s@example.nl" }],
      ]),
      "nl",
    );
    expect(c.contactMethod).toBe("email");
    expect(c.contact).toEqual({ name: "Sanne", email: "s@example.nl" });
  });
});
