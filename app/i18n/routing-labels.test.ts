import { describe, expect, it } from "vitest";
import { organisationKinds } from "~/domain/organisations";
import { referralParts } from "~/domain/referrals";
import { rules, type RoutingCase } from "~/domain/routing";
import { consentRecipients, referralStatuses } from "../../db/schema";
import { languages } from "./config";
import { getFixedT } from "./resources.server";

const base: RoutingCase = {
  kind: "complaint",
  wishes: [],
  themes: [],
  safeNow: "yes",
  municipalityCode: "GM0363",
  consents: {},
};

/** Every key the routing rules can hand to the case page, and the referral labels the staff pages use. */
const required: string[] = [
  ...rules.flatMap((r) => {
    const s = r.suggest(base);
    return [s.reason, ...(s.ask ? [s.ask] : []), `routing.destinations.${s.destination}`];
  }),
  ...consentRecipients.map((r) => `routing.ask.consent.${r}`),
  ...["given", "missing", "not_needed"].map((c) => `routing.consent.${c}`),
  ...referralParts.flatMap((p) => [`routing.parts.${p}.label`, `routing.parts.${p}.hint`]),
  ...referralStatuses.map((s) => `routing.statuses.${s}`),
  ...organisationKinds.map((k) => `organisations.kinds.${k}`),
];

describe("routing labels", () => {
  for (const lng of languages) {
    it(`has words for every routing reason, question and referral label in ${lng}`, () => {
      const t = getFixedT(lng, "staff");
      expect(required.filter((key) => t(key) === key || t(key).trim() === "")).toEqual([]);
    });

    it(`has words for every referral status on the organisation's page in ${lng}`, () => {
      const t = getFixedT(lng, "referral");
      const keys = [
        ...referralStatuses.map((s) => `status.${s}`),
        ...referralParts.map((p) => `content.parts.${p}`),
      ];
      expect(keys.filter((key) => t(key) === key)).toEqual([]);
    });
  }
});
