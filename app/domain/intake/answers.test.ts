import { describe, expect, it } from "vitest";
import { isUrgent, relevantRecipients, toNewCase, type IntakeAnswers } from "./answers";

const units = new Map([
  ["t-anker", 1],
  ["pactum-zetten", 2],
]);

const answers: IntakeAnswers = {
  reporterRole: "young_person",
  unit: "pactum-zetten",
  unitOther: "Daarna nog een andere groep",
  periodFrom: 2019,
  periodTo: 2020,
  story: "Wat er gebeurde",
  themes: ["medication", "isolation"],
  themeOther: "Geen post",
  complaintAbout: "Pactum",
  desiredOutcome: "Excuses",
  safeNow: "yes",
  wishes: ["investigation", "heard", "complaint_handled"],
  consents: { igj: "anonymous", gemeente: "with_identity", ozj: "with_identity" },
  contactMethod: "phone",
  phone: "0612345678",
  email: "not@chosen.nl",
  name: "Sam",
  safeTimes: "na 16 uur",
  mayLeaveMessage: "no",
  municipality: "GM0363",
};

describe("relevant recipients and urgency", () => {
  it("follow the routing rules", () => {
    expect(relevantRecipients(["heard", "counted", "conversation"])).toEqual([]);
    expect(relevantRecipients(["complaint_handled", "help_now", "investigation"])).toEqual([
      "igj",
      "ozj",
      "gemeente",
    ]);
    expect(isUrgent({ safeNow: "no" })).toBe(true);
    expect(isUrgent({ wishes: ["help_now"] })).toBe(true);
    expect(isUrgent({ safeNow: "rather_not_say", wishes: ["heard"] })).toBe(false);
  });
});

describe("toNewCase", () => {
  it("builds the case record the back office needs", () => {
    const c = toNewCase("complaint", answers, { language: "en", unitIdBySlug: units });
    expect(c).toEqual({
      kind: "complaint",
      language: "en",
      urgent: false,
      reporterRole: "young_person",
      unitId: 2,
      periodFrom: 2019,
      periodTo: 2020,
      themes: ["isolation", "medication"],
      wishes: ["heard", "investigation", "complaint_handled"],
      safeNow: "yes",
      municipalityCode: "GM0363",
      contactMethod: "phone",
      story: { text: "Wat er gebeurde" },
      details: {
        complaintAbout: "Pactum",
        desiredOutcome: "Excuses",
        themeOther: "Geen post",
        unitOther: "Daarna nog een andere groep",
      },
      contact: { name: "Sam", phone: "0612345678", safeTimes: "na 16 uur", mayLeaveMessage: false },
      // OZJ is not relevant to these wishes: its stale answer is not recorded as consent.
      consents: [
        { recipient: "igj", given: true, withIdentity: false },
        { recipient: "gemeente", given: true, withIdentity: true },
      ],
    });
  });

  it("leaves out complaint answers from a testimony and contact details when nobody may reach out", () => {
    const c = toNewCase(
      "testimony",
      { ...answers, contactMethod: "none", unit: "unknown" },
      { language: "nl", unitIdBySlug: units },
    );
    expect(c.details).toEqual({ themeOther: "Geen post", unitOther: "Daarna nog een andere groep" });
    expect(c.contact).toBeNull();
    expect(c.unitId).toBeNull();
  });
});
