/**
 * Routing suggestions (PRODUCT.md §4). The ombudsworker decides; this only suggests, with the reason in
 * words (a locale key under `staff:routing`). Rules are data; `suggestDestinations` applies all of them.
 * A rule whose recipient has no consent still suggests, but says consent is needed and what to ask.
 */
import type { CaseKind, ConsentRecipient } from "./vocabulary";

export type RoutingCase = {
  kind: CaseKind;
  wishes: readonly string[];
  themes: readonly string[];
  safeNow: string | null;
  municipalityCode: string | null;
  consents: Partial<Record<ConsentRecipient, { given: boolean; withIdentity: boolean }>>;
};

export type Destination = "igj" | "ozj" | "gemeente" | "vng" | "callback" | "none";

export type Suggestion = {
  rule: RuleId;
  destination: Destination;
  /** For destination "gemeente": the CBS code of the municipality. */
  municipalityCode?: string;
  /** Locale key (staff namespace) of the reason shown to the worker. */
  reason: string;
  /** given: may refer now; missing: ask the reporter first (see `ask`); not_needed: no referral. */
  consent: "given" | "missing" | "not_needed";
  /** Locale key of what to ask the reporter, when consent or information is missing. */
  ask?: string;
  /** The case should be marked urgent. */
  urgent?: boolean;
};

type Rule = {
  id: RuleId;
  applies: (c: RoutingCase) => boolean;
  suggest: (c: RoutingCase) => Omit<Suggestion, "rule" | "consent"> & { needs?: ConsentRecipient };
};

export type RuleId =
  | "investigation_igj"
  | "help_now_ozj"
  | "care_complaint_municipality"
  | "care_complaint_no_municipality"
  | "contact_request"
  | "only_heard";

const has = (list: readonly string[], v: string) => list.includes(v);
const careComplaint = (c: RoutingCase) =>
  c.kind === "complaint" && (has(c.wishes, "complaint_handled") || has(c.themes, "no_follow_up"));

export const rules: readonly Rule[] = [
  {
    id: "investigation_igj",
    applies: (c) => c.kind !== "contact" && has(c.wishes, "investigation"),
    suggest: () => ({ destination: "igj", reason: "routing.reason.investigation", needs: "igj" }),
  },
  {
    id: "help_now_ozj",
    applies: (c) => c.kind !== "contact" && (has(c.wishes, "help_now") || c.safeNow === "no"),
    suggest: () => ({ destination: "ozj", reason: "routing.reason.helpNow", needs: "ozj", urgent: true }),
  },
  {
    id: "care_complaint_municipality",
    applies: (c) => careComplaint(c) && c.municipalityCode !== null,
    suggest: (c) => ({
      destination: "gemeente",
      municipalityCode: c.municipalityCode!,
      reason: "routing.reason.careComplaint",
      needs: "gemeente",
    }),
  },
  {
    id: "care_complaint_no_municipality",
    applies: (c) => careComplaint(c) && c.municipalityCode === null,
    suggest: () => ({
      destination: "vng",
      reason: "routing.reason.careComplaintNoMunicipality",
      ask: "routing.ask.municipality",
    }),
  },
  {
    id: "contact_request",
    applies: (c) => c.kind === "contact",
    suggest: () => ({ destination: "callback", reason: "routing.reason.contactRequest" }),
  },
  {
    id: "only_heard",
    applies: (c) =>
      c.kind !== "contact" &&
      c.wishes.length > 0 &&
      c.wishes.every((w) => w === "heard" || w === "counted" || w === "conversation") &&
      c.safeNow !== "no",
    suggest: () => ({ destination: "none", reason: "routing.reason.onlyHeard" }),
  },
];

/** Every suggestion that applies, in rule order (most pressing first is the table's order). */
export function suggestDestinations(c: RoutingCase): Suggestion[] {
  return rules
    .filter((r) => r.applies(c))
    .map((r) => {
      const { needs, ...s } = r.suggest(c);
      if (!needs) return { ...s, rule: r.id, consent: s.destination === "vng" ? "missing" : "not_needed" };
      const given = c.consents[needs]?.given === true;
      return given
        ? { ...s, rule: r.id, consent: "given" as const }
        : { ...s, rule: r.id, consent: "missing" as const, ask: s.ask ?? `routing.ask.consent.${needs}` };
    });
}
