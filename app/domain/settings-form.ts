/** The settings form: which numbers a coordinator may set, and their bounds. Pure. */
export const settingFields = {
  ackWorkingDays: { key: "deadline.ack_working_days", min: 1, max: 30 },
  ackWorkingDaysUrgent: { key: "deadline.ack_working_days_urgent", min: 1, max: 10 },
  answerWeeks: { key: "deadline.answer_weeks", min: 1, max: 26 },
  closedCaseMonths: { key: "retention.closedCaseMonths", min: 1, max: 120 },
  auditMonths: { key: "retention.auditMonths", min: 12, max: 240 },
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
