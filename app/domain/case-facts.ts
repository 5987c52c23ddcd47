/**
 * Correcting a case's facts in the back office (issue 16, point 5): municipality, unit, period and themes.
 * The same rules as the intake's steps (intake/validation.ts) check the form, plus the one rule that ties
 * a fact to the reporter's choices: a consent given for the municipality needs a municipality. Pure.
 */
import { themes as themeKeys, type Theme } from "./case-content";
import { consentConflicts, type ConsentState } from "./consent";
import { validateStep, type FieldErrors, type FormInput } from "./intake/validation";
import { unitUnknown } from "./intake/answers";
import type { CaseKind } from "./vocabulary";

export const editableFacts = ["municipality", "unit", "period", "themes"] as const;
export type EditableFact = (typeof editableFacts)[number];

export type CaseFacts = {
  municipalityCode: string | null;
  unitId: number | null;
  periodFrom: number | null;
  periodTo: number | null;
  themes: Theme[];
};

export type FactsContext = {
  kind: CaseKind;
  units: readonly { id: number; slug: string }[];
  municipalityCodes: readonly string[];
  currentYear: number;
  consents: readonly ConsentState[];
};

export type FactsResult = { ok: true; facts: CaseFacts } | { ok: false; errors: FieldErrors };

/** Reads the edit form (field names as in the intake) into facts, or the intake's error keys per field. */
export function validateFacts(input: FormInput, ctx: FactsContext): FactsResult {
  const step = { kind: ctx.kind === "contact" ? "testimony" : ctx.kind, wishes: undefined } as const;
  const common = { ...step, currentYear: ctx.currentYear, unitSlugs: [], municipalityCodes: [] };
  const unitInput = input.unit === "" ? unitUnknown : input.unit;
  const results = [
    validateStep("municipality", input, { ...common, municipalityCodes: ctx.municipalityCodes }),
    validateStep("unit", { unit: unitInput }, { ...common, unitSlugs: ctx.units.map((u) => u.slug) }),
    validateStep("period", input, common),
    validateStep("themes", { themes: input.themes }, common),
  ];
  const errors: FieldErrors = {};
  const answers: Record<string, unknown> = {};
  for (const r of results) {
    if (r.ok) Object.assign(answers, r.answers);
    else Object.assign(errors, r.errors);
  }
  const municipality = answers.municipality as string | undefined;
  if (!errors.municipality) {
    const reach = { contactMethod: "email" as const, municipalityGiven: Boolean(municipality) };
    if (consentConflicts(ctx.consents, reach).some((x) => x.problem === "no_municipality"))
      errors.municipality = { key: "neededForConsent" };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const slug = answers.unit as string | undefined;
  const chosenThemes = (answers.themes as Theme[] | undefined) ?? [];
  return {
    ok: true,
    facts: {
      municipalityCode: municipality ?? null,
      unitId: ctx.units.find((u) => u.slug === slug)?.id ?? null,
      periodFrom: (answers.periodFrom as number | undefined) ?? null,
      periodTo: (answers.periodTo as number | undefined) ?? null,
      // Fixed order, as the intake stores them: an edit that only reorders is no change.
      themes: themeKeys.filter((k) => chosenThemes.includes(k)),
    },
  };
}

/** Which facts differ: one timeline entry per changed fact. */
export function changedFacts(before: CaseFacts, after: CaseFacts): EditableFact[] {
  const out: EditableFact[] = [];
  if (before.municipalityCode !== after.municipalityCode) out.push("municipality");
  if (before.unitId !== after.unitId) out.push("unit");
  if (before.periodFrom !== after.periodFrom || before.periodTo !== after.periodTo) out.push("period");
  if (before.themes.join(",") !== after.themes.join(",")) out.push("themes");
  return out;
}
