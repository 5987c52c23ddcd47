import { describe, expect, it } from "vitest";
import { rules, suggestDestinations, type RoutingCase } from "./routing";

const base: RoutingCase = {
  kind: "testimony",
  wishes: [],
  themes: [],
  safeNow: "yes",
  municipalityCode: null,
  consents: {},
};
const yes = { given: true, withIdentity: false };

describe("routing rules (one test per row of PRODUCT.md §4)", () => {
  it("wants an investigation and consents to the IGJ → IGJ", () => {
    const s = suggestDestinations({ ...base, wishes: ["investigation"], consents: { igj: yes } });
    expect(s).toEqual([
      {
        rule: "investigation_igj",
        destination: "igj",
        reason: "routing.reason.investigation",
        consent: "given",
      },
    ]);
  });

  it("wants help now → OZJ, and the case is urgent", () => {
    const s = suggestDestinations({ ...base, wishes: ["help_now"], consents: { ozj: yes } });
    expect(s).toEqual([
      {
        rule: "help_now_ozj",
        destination: "ozj",
        reason: "routing.reason.helpNow",
        consent: "given",
        urgent: true,
      },
    ]);
  });

  it("marked not safe now → OZJ and urgent, even without asking for help", () => {
    const s = suggestDestinations({ ...base, wishes: ["heard"], safeNow: "no", consents: { ozj: yes } });
    expect(s.map((x) => [x.destination, x.urgent])).toEqual([["ozj", true]]);
  });

  it("complaint about follow-up care with a consented municipality → that municipality", () => {
    const s = suggestDestinations({
      ...base,
      kind: "complaint",
      wishes: ["complaint_handled"],
      themes: ["no_follow_up"],
      municipalityCode: "GM0363",
      consents: { gemeente: yes },
    });
    expect(s).toEqual([
      {
        rule: "care_complaint_municipality",
        destination: "gemeente",
        municipalityCode: "GM0363",
        reason: "routing.reason.careComplaint",
        consent: "given",
      },
    ]);
  });

  it("the same without a municipality → ask the reporter; the VNG for ZIKOS-wide matters", () => {
    const s = suggestDestinations({ ...base, kind: "complaint", wishes: ["complaint_handled"] });
    expect(s).toEqual([
      {
        rule: "care_complaint_no_municipality",
        destination: "vng",
        reason: "routing.reason.careComplaintNoMunicipality",
        ask: "routing.ask.municipality",
        consent: "missing",
      },
    ]);
  });

  it("a contact request → no referral: an ombudsworker calls back", () => {
    const s = suggestDestinations({ ...base, kind: "contact", wishes: ["investigation"], safeNow: "no" });
    expect(s).toEqual([
      {
        rule: "contact_request",
        destination: "callback",
        reason: "routing.reason.contactRequest",
        consent: "not_needed",
      },
    ]);
  });

  it("wants only to be heard or counted → no referral", () => {
    const s = suggestDestinations({ ...base, wishes: ["heard", "counted"] });
    expect(s).toEqual([
      { rule: "only_heard", destination: "none", reason: "routing.reason.onlyHeard", consent: "not_needed" },
    ]);
  });

  it("has a test above for every rule", () => {
    expect(rules.map((r) => r.id)).toEqual([
      "investigation_igj",
      "help_now_ozj",
      "care_complaint_municipality",
      "care_complaint_no_municipality",
      "contact_request",
      "only_heard",
    ]);
  });
});

describe("when consent is missing", () => {
  it("still suggests the IGJ but says consent is needed and what to ask", () => {
    const s = suggestDestinations({
      ...base,
      wishes: ["investigation"],
      consents: { igj: { given: false, withIdentity: false } },
    });
    expect(s[0]).toMatchObject({ destination: "igj", consent: "missing", ask: "routing.ask.consent.igj" });
  });

  it("asks for OZJ consent when someone is not safe and gave none", () => {
    const s = suggestDestinations({ ...base, safeNow: "no" });
    expect(s[0]).toMatchObject({
      destination: "ozj",
      consent: "missing",
      urgent: true,
      ask: "routing.ask.consent.ozj",
    });
  });

  it("asks for municipality consent when the municipality is known but not consented", () => {
    const s = suggestDestinations({
      ...base,
      kind: "complaint",
      themes: ["no_follow_up"],
      municipalityCode: "GM0344",
    });
    expect(s[0]).toMatchObject({
      destination: "gemeente",
      consent: "missing",
      ask: "routing.ask.consent.gemeente",
    });
  });

  it("combines rules: investigation and help now give IGJ then OZJ", () => {
    const s = suggestDestinations({ ...base, wishes: ["investigation", "help_now"], consents: { igj: yes } });
    expect(s.map((x) => [x.destination, x.consent])).toEqual([
      ["igj", "given"],
      ["ozj", "missing"],
    ]);
  });
});
