/**
 * The text key of each step's question: the page's <h1> or legend and its browser tab title read the same
 * key, so the two cannot drift apart (four tabs once showed a raw key such as "themes.question").
 */
import type { StepData } from "./step-fields/shared";

export const questionKey = {
  who: "who.question",
  unit: "unit.question",
  period: "unit.period.legend",
  what: "what.question",
  themes: "what.themes.label",
  complaintAbout: "what.complaintAbout.label",
  safe: "safe.question",
  wishes: "wishes.question",
  consent: "consent.question",
  contact: "contact.question",
  municipality: "contact.municipality.label",
} as const satisfies Record<StepData["step"], string>;
