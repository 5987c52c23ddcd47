import { describe, expect, it } from "vitest";
import {
  buildReferralContent,
  checkReferralParts,
  consentRecipientOf,
  contentUnderConsent,
  organisationReportSchema,
  organisationStatusChange,
  partsPresent,
  referralCreateSchema,
  referralIdOfPurpose,
  referralMailPurpose,
  referralOptions,
  referralReference,
  type ReferralCaseFacts,
  type ReferralSource,
  type ReferralTarget,
} from "./referrals";

const igj: ReferralTarget = {
  kind: "igj",
  cbsCode: null,
  active: true,
  referralEmail: "meldingen@igj.example",
};
const everything: ReferralCaseFacts = {
  municipalityCode: "GM0363",
  has: { story: true, themes: true, unit_period: true, contact: true },
};
const anonymous = (recipient: "igj" | "ozj" | "gemeente") => ({
  recipient,
  given: true,
  withIdentity: false,
});
const identity = (recipient: "igj" | "ozj" | "gemeente") => ({ recipient, given: true, withIdentity: true });

describe("which parts may go to which organisation", () => {
  it("maps organisation kinds to the intake's consent questions; the VNG and others have none", () => {
    expect(consentRecipientOf("igj")).toBe("igj");
    expect(consentRecipientOf("ozj")).toBe("ozj");
    expect(consentRecipientOf("gemeente")).toBe("gemeente");
    expect(consentRecipientOf("vng")).toBeNull();
    expect(consentRecipientOf("other")).toBeNull();
  });

  it("consent without identity: story, themes, unit and period, but no contact details", () => {
    expect(referralOptions(igj, everything, [anonymous("igj")])).toEqual({
      block: null,
      parts: {
        story: "available",
        themes: "available",
        unit_period: "available",
        contact: "no_identity_consent",
      },
    });
  });

  it("consent with identity: contact details too", () => {
    expect(referralOptions(igj, everything, [identity("igj")]).parts.contact).toBe("available");
  });

  it("consent for another recipient does not count", () => {
    const o = referralOptions(igj, everything, [identity("ozj"), identity("gemeente")]);
    expect(o.block).toBe("no_consent");
    expect(Object.values(o.parts)).toEqual(["no_consent", "no_consent", "no_consent", "no_consent"]);
  });

  it("a refused consent (given: false) is no consent", () => {
    expect(
      referralOptions(igj, everything, [{ recipient: "igj", given: false, withIdentity: false }]).block,
    ).toBe("no_consent");
  });

  it("nothing can go to the VNG or an added organisation: the intake asks no consent for them", () => {
    const consents = [identity("igj"), identity("ozj"), identity("gemeente")];
    for (const kind of ["vng", "other"] as const) {
      const o = referralOptions({ ...igj, kind }, everything, consents);
      expect(o.block).toBe("no_consent_category");
      expect(Object.values(o.parts).every((p) => p === "no_consent")).toBe(true);
    }
  });

  it("municipality consent covers the municipality the reporter named, not another one", () => {
    const own = { kind: "gemeente" as const, cbsCode: "GM0363", active: true, referralEmail: "a@b.nl" };
    expect(referralOptions(own, everything, [anonymous("gemeente")]).block).toBeNull();
    expect(referralOptions({ ...own, cbsCode: "GM0344" }, everything, [anonymous("gemeente")]).block).toBe(
      "other_municipality",
    );
    expect(
      referralOptions(own, { ...everything, municipalityCode: null }, [anonymous("gemeente")]).block,
    ).toBe("no_municipality");
  });

  it("a switched-off organisation or one without an address blocks, but the parts still show consent", () => {
    const off = referralOptions({ ...igj, active: false }, everything, [anonymous("igj")]);
    expect(off.block).toBe("inactive");
    expect(off.parts.story).toBe("available");
    expect(referralOptions({ ...igj, referralEmail: null }, everything, [anonymous("igj")]).block).toBe(
      "no_email",
    );
  });

  it("a part the case has nothing for cannot be shared", () => {
    const o = referralOptions(
      igj,
      { ...everything, has: { ...everything.has, contact: false, unit_period: false } },
      [identity("igj")],
    );
    expect(o.parts.contact).toBe("not_in_case");
    expect(o.parts.unit_period).toBe("not_in_case");
  });
});

describe("the server's check of the ticked parts", () => {
  const options = referralOptions(igj, everything, [anonymous("igj")]);

  it("refuses a part without consent even when the form was tampered with", () => {
    expect(checkReferralParts(options, ["story", "contact"])).toEqual({
      ok: false,
      reason: "no_identity_consent",
      part: "contact",
    });
  });

  it("refuses unknown parts and an empty referral", () => {
    expect(checkReferralParts(options, ["story", "passport"])).toMatchObject({
      ok: false,
      reason: "unknown_part",
    });
    expect(checkReferralParts(options, [])).toEqual({ ok: false, reason: "nothing_to_share" });
  });

  it("refuses everything when the organisation is blocked", () => {
    const vng = referralOptions({ ...igj, kind: "vng" }, everything, [identity("gemeente")]);
    expect(checkReferralParts(vng, ["story"])).toEqual({ ok: false, reason: "no_consent_category" });
  });

  it("accepts consented parts, once each, in a fixed order", () => {
    expect(checkReferralParts(options, ["unit_period", "story", "story"])).toEqual({
      ok: true,
      parts: ["story", "unit_period"],
    });
  });
});

const source: ReferralSource = {
  kind: "complaint",
  reporterRole: "young_person",
  wishes: ["investigation"],
  themes: ["isolation", "other"],
  story: { text: "Ik zat alleen. [story]", additions: [{ at: 5, text: "Nog iets." }] },
  details: { complaintAbout: "De afdeling", themeOther: "geen buitenlucht", unitOther: undefined },
  unit: { name: "'t Anker", place: "Harreveld" },
  period: { fromYear: 2019, toYear: 2021 },
  contact: { name: "Sam", email: "sam@example.org" },
};

describe("the frozen copy of what was shared", () => {
  it("knows which parts a case has", () => {
    expect(partsPresent(source)).toEqual({ story: true, themes: true, unit_period: true, contact: true });
    expect(
      partsPresent({
        ...source,
        story: null,
        details: null,
        themes: [],
        unit: null,
        period: { fromYear: null, toYear: null },
        contact: null,
      }),
    ).toEqual({ story: false, themes: false, unit_period: false, contact: false });
  });

  it("holds only the chosen parts and the covering note", () => {
    const c = buildReferralContent(source, ["themes", "unit_period"], "Graag contact met ons.");
    expect(c).toEqual({
      v: 1,
      kind: "complaint",
      parts: ["themes", "unit_period"],
      coveringNote: "Graag contact met ons.",
      themes: { keys: ["isolation", "other"], other: "geen buitenlucht" },
      unitPeriod: { unit: "'t Anker", place: "Harreveld", fromYear: 2019, toYear: 2021 },
    });
    expect(JSON.stringify(c)).not.toContain("[story]");
    expect(JSON.stringify(c)).not.toContain("sam@example.org");
  });

  it("with the story: the text, later additions, what they ask for and the complaint details", () => {
    const c = buildReferralContent(source, ["story"], "");
    expect(c.story).toEqual({
      text: "Ik zat alleen. [story]",
      additions: [{ at: 5, text: "Nog iets." }],
      reporterRole: "young_person",
      wishes: ["investigation"],
      complaintAbout: "De afdeling",
    });
    expect(c.contact).toBeUndefined();
  });

  it("shows the organisation only what the consent still allows", () => {
    const c = buildReferralContent(source, ["story", "contact"], "");
    expect(contentUnderConsent(c, "identity")).toEqual({ content: c, withdrawn: null });
    const anon = contentUnderConsent(c, "anonymous");
    expect(anon.withdrawn).toBe("identity");
    expect(anon.content?.contact).toBeUndefined();
    expect(anon.content?.parts).toEqual(["story"]);
    expect(contentUnderConsent(c, "none")).toEqual({ content: null, withdrawn: "all" });
  });
});

describe("the organisation's report", () => {
  const sent = { status: "sent" as const, receivedAt: null, doneAt: null };

  it("received, in progress and done set the dates", () => {
    expect(organisationStatusChange(sent, "received", false, 10)).toEqual({
      ok: true,
      receivedAt: 10,
      doneAt: null,
    });
    expect(organisationStatusChange(sent, "done", false, 10)).toEqual({
      ok: true,
      receivedAt: 10,
      doneAt: 10,
    });
    const received = { status: "received" as const, receivedAt: 10, doneAt: null };
    expect(organisationStatusChange(received, "done", false, 20)).toEqual({
      ok: true,
      receivedAt: 10,
      doneAt: 20,
    });
  });

  it("going back from done reopens; the same status is only an update with a note", () => {
    const done = { status: "done" as const, receivedAt: 10, doneAt: 20 };
    expect(organisationStatusChange(done, "in_progress", false, 30)).toEqual({
      ok: true,
      receivedAt: 10,
      doneAt: null,
    });
    expect(organisationStatusChange(done, "done", false, 30)).toEqual({ ok: false, reason: "same" });
    expect(organisationStatusChange(done, "done", true, 30)).toEqual({
      ok: true,
      receivedAt: 10,
      doneAt: 20,
    });
  });

  it("nothing can be reported on a blocked referral", () => {
    expect(
      organisationStatusChange({ status: "blocked", receivedAt: null, doneAt: null }, "received", false, 1),
    ).toEqual({ ok: false, reason: "blocked" });
  });
});

describe("forms and names", () => {
  it("reads the referral form", () => {
    expect(
      referralCreateSchema.safeParse({ organisationId: "3", parts: ["story"], coveringNote: "  Hoi\r\n " })
        .data,
    ).toEqual({ organisationId: 3, parts: ["story"], coveringNote: "Hoi" });
    expect(referralCreateSchema.safeParse({ organisationId: "x", parts: [] }).success).toBe(false);
    expect(
      referralCreateSchema.safeParse({
        organisationId: "3",
        parts: ["story"],
        coveringNote: "x".repeat(2001),
      }).success,
    ).toBe(false);
  });

  it("reads the organisation's report", () => {
    expect(organisationReportSchema.safeParse({ status: "done", note: "" }).data).toEqual({
      status: "done",
      note: "",
    });
    expect(organisationReportSchema.safeParse({ status: "sent" }).success).toBe(false);
    expect(organisationReportSchema.safeParse({ status: "done", note: "x".repeat(2001) }).success).toBe(
      false,
    );
  });

  it("names a referral without anything about the case", () => {
    expect(referralReference(12)).toBe("R-12");
    expect(referralIdOfPurpose(referralMailPurpose(12))).toBe(12);
    expect(referralIdOfPurpose("news")).toBeNull();
    expect(referralIdOfPurpose("referral:0")).toBeNull();
  });
});
