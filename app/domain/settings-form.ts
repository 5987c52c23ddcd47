/**
 * The coordinator's settings, defined once: the key in the settings table, the bounds the form accepts,
 * and the default used while nothing (or nothing sensible) is stored. Pure.
 */
import { defaultDeadlineSettings } from "./working-days";

export const settingFields = {
  ackWorkingDays: {
    key: "deadline.ack_working_days",
    min: 1,
    max: 30,
    default: defaultDeadlineSettings.ackWorkingDays,
  },
  ackWorkingDaysUrgent: {
    key: "deadline.ack_working_days_urgent",
    min: 1,
    max: 10,
    default: defaultDeadlineSettings.ackWorkingDaysUrgent,
  },
  answerWeeks: {
    key: "deadline.answer_weeks",
    min: 1,
    max: 26,
    default: defaultDeadlineSettings.answerWeeks,
  },
  closedCaseMonths: { key: "retention.closedCaseMonths", min: 1, max: 120, default: 24 },
  // The database refuses to delete audit entries younger than 12 months (migration 0003).
  auditMonths: { key: "retention.auditMonths", min: 12, max: 240, default: 60 },
} as const;

export type SettingField = keyof typeof settingFields;
export type SettingValues = Record<SettingField, number>;

export function parseSettings(form: Record<string, unknown>):
  | { ok: true; values: SettingValues }
  | {
      ok: false;
      errors: Partial<Record<SettingField, { min: number; max: number }>>;
      raw: Record<string, string>;
    } {
  const errors: Partial<Record<SettingField, { min: number; max: number }>> = {};
  const values = {} as SettingValues;
  const raw: Record<string, string> = {};
  for (const [field, spec] of Object.entries(settingFields) as [
    SettingField,
    (typeof settingFields)[SettingField],
  ][]) {
    const text = typeof form[field] === "string" ? (form[field] as string).trim() : "";
    raw[field] = text;
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < spec.min || n > spec.max) errors[field] = { min: spec.min, max: spec.max };
    else values[field] = n;
  }
  return Object.keys(errors).length ? { ok: false, errors, raw } : { ok: true, values };
}

/**
 * The settings as they apply: each stored value (text, by key) when it is a whole number within the
 * form's bounds, else the default. A value the form could not have saved is never used.
 */
export function settingsFrom<F extends SettingField>(
  stored: ReadonlyMap<string, string>,
  fields: readonly F[],
): Record<F, number> {
  const out = {} as Record<F, number>;
  for (const field of fields) {
    const spec = settingFields[field];
    const text = stored.get(spec.key) ?? "";
    const n = Number(text);
    out[field] = /^\d+$/.test(text) && n >= spec.min && n <= spec.max ? n : spec.default;
  }
  return out;
}
