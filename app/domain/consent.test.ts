import { describe, expect, it } from "vitest";
import {
  canRefer,
  consentConflicts,
  levelOf,
  recipientFor,
  stateOf,
  withdrawalAffects,
  withdrawalOf,
  type ConsentState,
} from "./consent";

const consents: ConsentState[] = [
  { recipient: "igj", given: true, withIdentity: false },
  { recipient: "ozj", given: false, withIdentity: false },
  { recipient: "gemeente", given: true, withIdentity: true },
];

describe("canRefer", () => {
  it("allows the story to a recipient that has consent", () => {
    expect(canRefer(consents, "igj", ["story", "themes"])).toEqual({ allowed: true });
  });
  it("refuses a recipient without consent", () => {
    expect(canRefer(consents, "ozj", ["story"])).toEqual({ allowed: false, reason: "no_consent" });
    expect(canRefer([], "igj", ["story"])).toEqual({ allowed: false, reason: "no_consent" });
  });
  it("refuses contact details unless consent includes the identity", () => {
    expect(canRefer(consents, "igj", ["story", "contact"])).toEqual({
      allowed: false,
      reason: "no_identity_consent",
    });
    expect(canRefer(consents, "gemeente", ["story", "contact"])).toEqual({ allowed: true });
  });
  it("refuses organisations without a consent question, and empty referrals", () => {
    expect(canRefer(consents, recipientFor("other"), ["story"])).toEqual({
      allowed: false,
      reason: "no_recipient",
    });
    expect(canRefer(consents, "igj", [])).toEqual({ allowed: false, reason: "nothing_to_share" });
  });
  it("maps organisation kinds to consent recipients", () => {
    expect(recipientFor("igj")).toBe("igj");
    expect(recipientFor("ozj")).toBe("ozj");
    expect(recipientFor("gemeente")).toBe("gemeente");
    expect(recipientFor("vng")).toBe("gemeente");
  });
});

describe("levels and withdrawals", () => {
  it("round-trips levels", () => {
    for (const level of ["none", "anonymous", "identity"] as const)
      expect(levelOf(stateOf("igj", level))).toBe(level);
  });
  it("knows what a change takes away", () => {
    expect(withdrawalOf("anonymous", "none")).toBe("all");
    expect(withdrawalOf("identity", "none")).toBe("all");
    expect(withdrawalOf("identity", "anonymous")).toBe("identity");
    expect(withdrawalOf("none", "identity")).toBeNull();
    expect(withdrawalOf("anonymous", "identity")).toBeNull();
  });
  it("an identity withdrawal only hits referrals with contact details", () => {
    expect(withdrawalAffects("identity", ["story"])).toBe(false);
    expect(withdrawalAffects("identity", ["story", "contact"])).toBe(true);
    expect(withdrawalAffects("all", ["themes"])).toBe(true);
    expect(withdrawalAffects(null, ["contact"])).toBe(false);
  });
});

describe("consents that cannot be kept", () => {
  const reach = { contactMethod: "none", municipalityGiven: false } as const;
  it("contact details for someone nobody may contact, and a municipality that was not named", () => {
    expect(
      consentConflicts(
        [
          { recipient: "igj", given: true, withIdentity: false },
          { recipient: "ozj", given: true, withIdentity: true },
          { recipient: "gemeente", given: true, withIdentity: false },
        ],
        reach,
      ),
    ).toEqual([
      { recipient: "ozj", problem: "identity_without_contact" },
      { recipient: "gemeente", problem: "no_municipality" },
    ]);
  });

  it("none when the person can be reached, names the municipality, or does not share", () => {
    const consents = [
      { recipient: "ozj", given: true, withIdentity: true },
      { recipient: "gemeente", given: true, withIdentity: true },
    ] as const;
    expect(consentConflicts(consents, { contactMethod: "email", municipalityGiven: true })).toEqual([]);
    expect(
      consentConflicts(
        consents.map((c) => ({ ...c, given: false })),
        reach,
      ),
    ).toEqual([]);
  });
});
