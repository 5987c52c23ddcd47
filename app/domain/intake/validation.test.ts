// Kept whole (over 300 lines): the tests of validation.ts, one describe per step.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formInputFrom, formValuesFrom, limits, validateStep, type StepContext } from "./validation";

const ctx: StepContext = {
  kind: "testimony",
  unitSlugs: ["t-anker", "pactum-zetten"],
  municipalityCodes: ["GM0363", "GM0599"],
  currentYear: 2026,
  wishes: ["heard"],
};
const complaint: StepContext = { ...ctx, kind: "complaint" };

describe("step 'who'", () => {
  it("needs one of the three answers", () => {
    expect(validateStep("who", { reporterRole: "close" }, ctx)).toEqual({
      ok: true,
      answers: { reporterRole: "close" },
    });
    expect(validateStep("who", {}, ctx)).toEqual({ ok: false, errors: { reporterRole: { key: "choose" } } });
    expect(validateStep("who", { reporterRole: "boss" }, ctx)).toEqual({
      ok: false,
      errors: { reporterRole: { key: "invalidChoice" } },
    });
  });
});

describe("step 'unit'", () => {
  it("may be skipped entirely", () => {
    expect(validateStep("unit", { unit: "", unitOther: "" }, ctx)).toEqual({
      ok: true,
      answers: { unit: undefined, unitOther: undefined },
    });
    expect(validateStep("period", { periodFrom: "", periodTo: "" }, ctx)).toEqual({
      ok: true,
      answers: { periodFrom: undefined, periodTo: undefined },
    });
  });

  it("knows the units from the database plus 'other' and 'I don't know'", () => {
    for (const unit of ["t-anker", "pactum-zetten", "other", "unknown"]) {
      expect(validateStep("unit", { unit }, ctx).ok).toBe(true);
    }
    expect(validateStep("unit", { unit: "elsewhere" }, ctx)).toMatchObject({
      errors: { unit: { key: "invalidChoice" } },
    });
  });

  it("takes years between 2000 and this year, in order", () => {
    expect(validateStep("period", { periodFrom: " 2019 ", periodTo: "2021" }, ctx)).toMatchObject({
      ok: true,
      answers: { periodFrom: 2019, periodTo: 2021 },
    });
    const yearError = { key: "year", params: { min: 2000, max: 2026 } };
    expect(validateStep("period", { periodFrom: "19", periodTo: "2027" }, ctx)).toEqual({
      ok: false,
      errors: { periodFrom: yearError, periodTo: yearError },
    });
    expect(validateStep("period", { periodFrom: "twintig" }, ctx)).toMatchObject({
      errors: { periodFrom: yearError },
    });
    expect(validateStep("period", { periodFrom: "2021", periodTo: "2019" }, ctx)).toEqual({
      ok: false,
      errors: { periodTo: { key: "yearOrder" } },
    });
  });

  it("limits the free text about another place", () => {
    expect(validateStep("unit", { unit: "other", unitOther: "x".repeat(201) }, ctx)).toEqual({
      ok: false,
      errors: { unitOther: { key: "tooLong", params: { max: 200 } } },
    });
  });
});

describe("step 'what happened'", () => {
  it("needs the story and keeps it as typed, HTML included", () => {
    const story = "  <script>alert(1)</script>\r\nTweede regel\twith a tab  ";
    expect(validateStep("what", { story }, ctx)).toEqual({
      ok: true,
      answers: { story: "<script>alert(1)</script>\nTweede regel\twith a tab" },
    });
    expect(validateStep("what", { story: "   " }, ctx)).toEqual({
      ok: false,
      errors: { story: { key: "required" } },
    });
  });

  it("allows 20,000 characters, counting a line break as one", () => {
    const max = "a".repeat(limits.story - 1) + "\r\n" + "b";
    expect(validateStep("what", { story: max }, ctx).ok).toBe(false);
    expect(validateStep("what", { story: "a".repeat(limits.story - 2) + "\r\nb" }, ctx).ok).toBe(true);
    expect(validateStep("what", { story: "a".repeat(limits.story + 1) }, ctx)).toEqual({
      ok: false,
      errors: { story: { key: "tooLong", params: { max: 20_000 } } },
    });
  });

  it("refuses control characters but not tabs and line breaks", () => {
    for (const bad of ["a\u0000b", "a\u0007b", "a\u001bb", "a\u007fb", "a\u0085b"]) {
      expect(validateStep("what", { story: bad }, ctx)).toEqual({
        ok: false,
        errors: { story: { key: "controlChars" } },
      });
    }
  });

  it("follows the one text rule of every public form: NFC, and no bidirectional controls", () => {
    // "één" typed with combining accents (as some phone keyboards send it) is stored composed, as the
    // contact request and /volgen store it, so one story reads and searches the same everywhere.
    const result = validateStep("what", { story: " e\u0301e\u0301n مرحبا \r\n" }, ctx);
    expect(result.ok && result.answers.story).toBe("\u00e9\u00e9n مرحبا");
    for (const bad of ["a\u202Eb", "a\u2066b", "a\u202Ab"]) {
      expect(validateStep("what", { story: bad }, ctx)).toEqual({
        ok: false,
        errors: { story: { key: "controlChars" } },
      });
    }
  });

  it("refuses unknown themes", () => {
    expect(validateStep("themes", { themes: ["isolation", "torture"] }, ctx)).toEqual({
      ok: false,
      errors: { themes: { key: "invalidChoice" } },
    });
  });

  it("asks a complaint which organisation, and the outcome with the wishes, both optional", () => {
    expect(validateStep("complaintAbout", { complaintAbout: "Horizon" }, complaint)).toMatchObject({
      ok: true,
      answers: { complaintAbout: "Horizon" },
    });
    expect(validateStep("complaintAbout", { complaintAbout: "Horizon" }, ctx)).toMatchObject({
      ok: true,
      answers: { complaintAbout: undefined },
    });
    const wishes = { wishes: ["heard"], desiredOutcome: "Excuses" };
    expect(validateStep("wishes", wishes, complaint)).toMatchObject({
      ok: true,
      answers: { wishes: ["heard"], desiredOutcome: "Excuses" },
    });
    expect(validateStep("wishes", wishes, ctx)).toMatchObject({
      ok: true,
      answers: { desiredOutcome: undefined },
    });
    expect(
      validateStep("wishes", { wishes: ["heard"], desiredOutcome: "y".repeat(2001) }, complaint),
    ).toMatchObject({
      errors: { desiredOutcome: { key: "tooLong", params: { max: 2000 } } },
    });
  });

  it("reports every problem on the page at once", () => {
    const result = validateStep("themes", { themes: ["nope"], themeOther: "\u0001" }, complaint);
    expect(result.ok === false && Object.keys(result.errors)).toEqual(["themes", "themeOther"]);
  });
});

describe("step 'safe now'", () => {
  it("needs yes, no or rather not say", () => {
    for (const safeNow of ["yes", "no", "rather_not_say"])
      expect(validateStep("safe", { safeNow }, ctx).ok).toBe(true);
    expect(validateStep("safe", {}, ctx)).toMatchObject({ errors: { safeNow: { key: "choose" } } });
    expect(validateStep("safe", { safeNow: "maybe" }, ctx)).toMatchObject({
      errors: { safeNow: { key: "invalidChoice" } },
    });
  });
});

describe("step 'wishes'", () => {
  it("needs at least one known wish and drops repeats", () => {
    expect(validateStep("wishes", { wishes: ["heard", "counted", "heard"] }, ctx)).toEqual({
      ok: true,
      answers: { wishes: ["heard", "counted"] },
    });
    expect(validateStep("wishes", { wishes: [] }, ctx)).toEqual({
      ok: false,
      errors: { wishes: { key: "chooseAtLeastOne" } },
    });
    expect(validateStep("wishes", { wishes: ["revenge"] }, ctx)).toMatchObject({
      errors: { wishes: { key: "invalidChoice" } },
    });
  });
});

describe("step 'consent'", () => {
  const wishes = { ...ctx, wishes: ["investigation", "complaint_handled"] as StepContext["wishes"] };

  it("asks only about the recipients the wishes make relevant", () => {
    expect(
      validateStep(
        "consent",
        { "consent-igj": "anonymous", "consent-gemeente": "with_identity", "consent-ozj": "no" },
        wishes,
      ),
    ).toEqual({ ok: true, answers: { consents: { igj: "anonymous", gemeente: "with_identity" } } });
  });

  it("needs an answer for each of them", () => {
    expect(validateStep("consent", { "consent-igj": "anonymous" }, wishes)).toEqual({
      ok: false,
      errors: { "consent-gemeente": { key: "choose" } },
    });
    expect(
      validateStep("consent", { "consent-igj": "everyone", "consent-gemeente": "no" }, wishes),
    ).toMatchObject({
      errors: { "consent-igj": { key: "invalidChoice" } },
    });
  });
});

describe("step 'contact'", () => {
  it("needs a way; nobody is a valid answer", () => {
    expect(validateStep("contact", {}, ctx)).toMatchObject({ errors: { contactMethod: { key: "choose" } } });
    expect(
      validateStep("contact", { contactMethod: "none", email: "left@over.nl", name: "Sam" }, ctx),
    ).toEqual({
      ok: true,
      answers: {
        contactMethod: "none",
        email: undefined,
        phone: undefined,
        name: undefined,
        safeTimes: undefined,
        mayLeaveMessage: undefined,
        municipality: undefined,
      },
    });
  });

  it("needs a valid address for email and keeps only that", () => {
    expect(validateStep("contact", { contactMethod: "email" }, ctx)).toMatchObject({
      errors: { email: { key: "required" } },
    });
    expect(validateStep("contact", { contactMethod: "email", email: "sam@" }, ctx)).toMatchObject({
      errors: { email: { key: "email" } },
    });
    expect(
      validateStep(
        "contact",
        { contactMethod: "email", email: " sam@example.nl ", phone: "0612345678" },
        ctx,
      ),
    ).toMatchObject({ ok: true, answers: { email: "sam@example.nl", phone: undefined } });
  });

  it("needs a phone number and an answer about messages for phone", () => {
    expect(validateStep("contact", { contactMethod: "phone" }, ctx)).toEqual({
      ok: false,
      errors: { phone: { key: "required" }, mayLeaveMessage: { key: "choose" } },
    });
    expect(
      validateStep("contact", { contactMethod: "phone", phone: "12", mayLeaveMessage: "no" }, ctx),
    ).toMatchObject({
      errors: { phone: { key: "phone" } },
    });
    expect(
      validateStep(
        "contact",
        {
          contactMethod: "phone",
          phone: "+31 6 1234-5678",
          mayLeaveMessage: "yes",
          safeTimes: "na 4 uur",
          name: "Sam",
        },
        ctx,
      ),
    ).toMatchObject({
      ok: true,
      answers: { phone: "+31 6 1234-5678", mayLeaveMessage: "yes", safeTimes: "na 4 uur", name: "Sam" },
    });
  });

  it("accepts only municipalities from the list", () => {
    expect(validateStep("municipality", { municipality: "GM0363" }, ctx)).toMatchObject({
      answers: { municipality: "GM0363" },
    });
    expect(validateStep("municipality", { municipality: "Amsterdam" }, ctx)).toMatchObject({
      errors: { municipality: { key: "invalidChoice" } },
    });
  });
});

describe("any text field", () => {
  it("never throws and either accepts or names a known problem", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom("name", "safeTimes"), (value, field) => {
        const result = validateStep(
          "contact",
          { contactMethod: "phone", phone: "0612345678", mayLeaveMessage: "no", [field]: value },
          ctx,
        );
        if (!result.ok) expect(["controlChars", "tooLong"]).toContain(result.errors[field]?.key);
      }),
    );
  });
});

describe("form values", () => {
  it("reads checkboxes as lists and the rest as single values", () => {
    const form = new FormData();
    form.append("themes", "isolation");
    form.append("themes", "medication");
    form.append("story", "a");
    form.append("story", "b");
    expect(formInputFrom(form)).toEqual({ themes: ["isolation", "medication"], story: "a" });
  });

  it("turns saved answers back into what the fields show", () => {
    expect(
      formValuesFrom({ periodFrom: 2019, themes: ["isolation"], consents: { igj: "anonymous" }, story: "x" }),
    ).toEqual({ periodFrom: "2019", themes: ["isolation"], "consent-igj": "anonymous", story: "x" });
  });
});

describe("consents that the contact answers contradict", () => {
  const wanting: StepContext = { ...ctx, wishes: ["help_now", "complaint_handled"] };
  const saved = (answers: NonNullable<StepContext["saved"]>): StepContext => ({ ...wanting, saved: answers });

  it("the contact step asks how to reach someone who shares their contact details with the OZJ", () => {
    const context = saved({ consents: { ozj: "with_identity", gemeente: "no" } });
    expect(validateStep("contact", { contactMethod: "none" }, context)).toEqual({
      ok: false,
      errors: { contactMethod: { key: "identityNeedsContact" } },
    });
    const byPhone = { contactMethod: "phone", phone: "0612345678", mayLeaveMessage: "no" };
    expect(validateStep("contact", byPhone, context).ok).toBe(true);
  });

  it("the municipality step asks which one, when the person shares with their municipality", () => {
    const context = saved({ consents: { ozj: "no", gemeente: "anonymous" } });
    expect(validateStep("contact", { contactMethod: "none" }, context).ok).toBe(true);
    expect(validateStep("municipality", { municipality: "" }, context)).toEqual({
      ok: false,
      errors: { municipality: { key: "neededForConsent" } },
    });
    expect(validateStep("municipality", { municipality: "GM0599" }, context).ok).toBe(true);
  });

  it("only consents still asked about count: a wish taken back takes its consent with it", () => {
    const context = { ...saved({ consents: { ozj: "with_identity" } }), wishes: ["heard"] as const };
    expect(validateStep("contact", { contactMethod: "none" }, { ...context, wishes: ["heard"] }).ok).toBe(
      true,
    );
  });
});
